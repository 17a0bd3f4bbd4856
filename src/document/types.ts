// The Document: one shape for Markdown and plain text, built once and shared by every later stage.
import type { NormalizedText } from '../normalize/index.js';
import type { LineIndex } from './positions.js';

/** A range of the normalised text. */
export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  index: number;
  /** Normalised text of exactly [start, end) (Markdown syntax blanked to spaces). */
  text: string;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  text: string;
}

export interface Section extends Span {
  id: number;
  /** The heading as written in the original file (numbering included), trimmed. */
  title: string;
  /** Normalised heading text, for matching (存在问题, 下一步工作 …). */
  normalizedTitle: string;
  /** Numbering scheme ('一、', '(一)', '1、', 'part', 'h2' …) and its number (0 when none). */
  kind: string;
  number: number;
  /** Depth in the tree, 1 for top-level sections. */
  level: number;
  /** End of the heading text; the section body runs to `end`. */
  headingEnd: number;
  /** True when the heading was found inside a paragraph rather than on a line of its own. */
  inline: boolean;
  parent: number | null;
  children: number[];
}

export type DocumentFormat = 'markdown' | 'text';

export interface Document {
  path: string;
  format: DocumentFormat;
  /** The decoded original text; every reported position refers to it. */
  original: string;
  lines: LineIndex;
  normalized: NormalizedText;
  /** Title as written in the original (first heading-like line), or "". */
  title: string;
  titleSpan: Span | null;
  /** Sections in document order; `parent`/`children` give the tree. */
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

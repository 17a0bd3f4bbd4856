// One document as every later stage sees it, in the manner of ESLint's SourceCode: the original and
// the normalised text with the offset map between them, the outline, the words (cut lazily, on the
// first ask, and cached), and the one way to turn a normalised range into a place in the original.
import { parseDocument, type Document, type DocumentFormat, type LineIndex, type Paragraph, type ParseOptions, type Section, type Sentence, type Span } from '../document/index.js';
import { paragraphAt, sectionAt } from '../document/locate.js';
import type { SourceText } from '../io/index.js';
import { detectLineEnding } from '../io/index.js';
import type { NormalizedText } from '../normalize/index.js';
import type { Token } from '../segment/index.js';
import { DocumentWords, type CutOptions } from './words.js';

/**
 * A place in the ORIGINAL text: offsets 0-based, lines and columns 1-based, all in UTF-16 code units
 * of the decoded text (ESLint, textlint and vfile count so). The one form positions take.
 */
export interface SourceLocation {
  line: number;
  column: number;
  offset: number;
  endLine: number;
  endColumn: number;
  endOffset: number;
}

export class SourceCode implements Document {
  readonly path: string;
  readonly format: DocumentFormat;
  readonly original: string;
  readonly lines: LineIndex;
  readonly normalized: NormalizedText;
  readonly title: string;
  readonly titleSpan: Span | null;
  readonly sections: Section[];
  readonly paragraphs: Paragraph[];
  /** How the text came from its file: encoding, BOM, line ends, and for .docx paragraph positions. */
  readonly file: SourceText;
  private readonly outline: Document;
  private readonly cuts: DocumentWords;
  private readonly memos = new Map<string, unknown>();

  constructor(outline: Document, file: SourceText) {
    this.outline = outline;
    this.path = outline.path;
    this.format = outline.format;
    this.original = outline.original;
    this.lines = outline.lines;
    this.normalized = outline.normalized;
    this.title = outline.title;
    this.titleSpan = outline.titleSpan;
    this.sections = outline.sections;
    this.paragraphs = outline.paragraphs;
    this.file = file;
    this.cuts = new DocumentWords(outline);
  }

  /** A document from text in memory (tests, the editors' page, library users). */
  static fromText(path: string, text: string, options: ParseOptions = {}): SourceCode {
    const file: SourceText = { path, text, encoding: 'utf-8', bom: false, lineEnding: detectLineEnding(text), bytes: text.length };
    return new SourceCode(parseDocument(path, text, options), file);
  }

  /** Split on first use: only two rules read sentences, and extract and stats never do. */
  get sentences(): Sentence[] {
    return this.outline.sentences;
  }

  /** Where the normalised range [start, end) stands in the original. */
  locate(start: number, end: number): SourceLocation {
    const [s, e] = this.normalized.map.rangeToSource(start, end);
    return this.locateOriginal(s, e);
  }

  /** Where the ORIGINAL range [start, end) stands (a finding with no normalised place: a removed artifact). */
  locateOriginal(start: number, end: number): SourceLocation {
    const a = this.lines.position(start);
    const b = this.lines.position(end);
    return { line: a.line, column: a.column, offset: a.offset, endLine: b.line, endColumn: b.column, endOffset: b.offset };
  }

  /** The original text behind a normalised range (what the user wrote, in their script). */
  originalText(start: number, end: number): string {
    const [s, e] = this.normalized.map.rangeToSource(start, end);
    return this.original.slice(s, e);
  }

  /** The innermost section holding a normalised offset, or null before the first heading. */
  sectionAt(offset: number): Section | null {
    return sectionAt(this, offset);
  }

  /** Index of the paragraph holding a normalised offset. */
  paragraphAt(offset: number): number {
    return paragraphAt(this, offset);
  }

  /** The words of every paragraph (segments the whole document: prefer `words`). */
  paragraphTokens(): Token[][] {
    return this.cuts.paragraphTokens();
  }

  /** The plain words of one clause [start, end) of the normalised text, cut on first use. */
  words(start: number, end: number): Token[] {
    return this.cuts.words(start, end);
  }

  /** The words with POS tags of one clause [start, end), cut on first use. */
  taggedWords(start: number, end: number): Token[] {
    return this.cuts.taggedWords(start, end);
  }

  /** The words of [start, end) cut afresh, not cached (a caller that keeps its own per-paragraph cache). */
  cut(paragraph: Paragraph | undefined, start: number, end: number, options: CutOptions = {}): Token[] {
    return this.cuts.cut(paragraph, start, end, options);
  }

  /**
   * A value derived from this document, computed once under `key` and shared by whoever asks (two
   * rules read the same duplicate paragraphs).
   */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }
}

// The answer of POST /api/check: one draft's lint result, extraction and outline, every item with
// `offset`/`endOffset` into `text` (the ORIGINAL decoded text), so the page only draws what it gets.
import type { DraftAnalysis } from '../api/zongjie.js';
import type { LineIndex } from '../document/index.js';
import type { LintMessage, LintResult } from '../lint/types.js';
import type { OutlineNode } from '../source/outline-tree.js';

export interface Ranged {
  line: number;
  column: number;
  offset: number;
  endOffset: number;
}

export interface OutlineItem {
  title: string;
  kind: string;
  level: number;
  line: number;
  column: number;
  endLine: number;
  offset: number;
  endOffset: number;
  children: OutlineItem[];
}

export interface CheckResponse {
  file: string;
  /** 'paragraph' for a Word document: `line` is the paragraph number (DESIGN.md). */
  positions: 'line' | 'paragraph';
  lang: 'zh' | 'en';
  title: string;
  year: number | null;
  script: string;
  /** The original decoded text: every offset below is into it (UTF-16 code units). */
  text: string;
  lint: LintResult;
  figures: object[];
  placeholders: object[];
  blanks: object[];
  activities: object[];
  outline: OutlineItem[];
  /** The checks, for the page's group headings: id and what it finds, in the language asked for. */
  rules: { id: string; description: string }[];
  /** Time the analysis took on the server, in milliseconds. */
  elapsedMs: number;
}

interface Positioned {
  line: number;
  column: number;
  offset?: number;
  endLine?: number;
  endColumn?: number;
  endOffset?: number;
}

/** An item with `offset` and `endOffset`, computed from its line and column where it lacks them. */
export function withOffsets<T extends Positioned>(item: T, lines: LineIndex): T & { offset: number; endOffset: number } {
  const offset = typeof item.offset === 'number' ? item.offset : lines.offset(item.line, item.column);
  let endOffset = item.endOffset;
  if (typeof endOffset !== 'number') {
    endOffset = typeof item.endLine === 'number' && typeof item.endColumn === 'number' ? lines.offset(item.endLine, item.endColumn) : offset;
  }
  return { ...item, offset, endOffset: Math.max(offset, endOffset) };
}

function message(m: LintMessage, lines: LineIndex): LintMessage {
  const placed = withOffsets(m, lines);
  return { ...placed, related: (m.related ?? []).map((r) => withOffsets(r, lines)) };
}

function outlineItem(node: OutlineNode, lines: LineIndex): OutlineItem {
  const offset = lines.offset(node.line, node.column);
  const lineEnd = lines.offset(node.line, lines.lineText(node.line).length + 1);
  return {
    title: node.title, kind: node.kind, level: node.level, line: node.line, column: node.column, endLine: node.endLine,
    offset, endOffset: Math.max(offset, Math.min(offset + node.title.length, lineEnd)),
    children: node.children.map((child) => outlineItem(child, lines)),
  };
}

/** Library-internal offsets (`span`, into the normalised text) stay inside the library. */
function items<T extends Positioned & { span?: unknown }>(list: T[], lines: LineIndex): object[] {
  return list.map(({ span: _span, ...rest }) => withOffsets(rest, lines));
}

export function checkResponse(
  analysis: DraftAnalysis,
  extra: { file: string; lang: 'zh' | 'en'; rules: { id: string; description: string }[]; elapsedMs: number },
): CheckResponse {
  const { source: doc, lint, extraction, outline } = analysis;
  const lines = doc.lines;
  const byParagraph = lint.positions === 'paragraph' || doc.file.positions === 'paragraph';
  return {
    file: extra.file,
    positions: byParagraph ? 'paragraph' : 'line',
    lang: extra.lang,
    title: doc.title,
    year: extraction.year,
    script: extraction.script,
    text: doc.original,
    lint: { ...lint, file: extra.file, messages: lint.messages.map((m) => message(m, lines)) },
    figures: items(extraction.figures, lines),
    placeholders: items(extraction.placeholders, lines),
    blanks: items(extraction.blanks, lines),
    activities: items(extraction.activities, lines),
    outline: outline.map((node) => outlineItem(node, lines)),
    rules: extra.rules,
    elapsedMs: extra.elapsedMs,
  };
}

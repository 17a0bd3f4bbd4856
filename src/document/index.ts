// Markdown and plain text → one Document (the outline): title, section tree, paragraphs and
// sentences, all as ranges of the normalised text; source/ maps them back to the original.
import { createRequire } from 'node:module';
import type { Root, RootContent } from 'mdast';
import { normalize, type NormalizedText, type NormalizeOptions } from '../normalize/index.js';
import { buildSections, type Block } from './outline.js';
import { LineIndex } from './positions.js';
import { splitSentences } from './sentences.js';
import type { Document, DocumentFormat, Paragraph, Sentence, Span } from './types.js';

export type * from './types.js';
export { LineIndex, type Position } from './positions.js';
export { sectionAt } from './locate.js';

export interface ParseOptions extends NormalizeOptions {
  format?: DocumentFormat;
  /**
   * Plain text only: lines that are headings (0-based line number → depth 1–6), as a Word
   * document's heading paragraphs are; they become sections as Markdown headings do.
   */
  headings?: ReadonlyMap<number, number>;
}

export function formatOf(path: string): DocumentFormat {
  return /\.(md|markdown|mdown|mkd)$/i.test(path) ? 'markdown' : 'text';
}

/** Plain text: every non-empty line is a block; `depthOf` says which are headings (by block start). */
function textBlocks(text: string, depthOf?: (start: number) => number | undefined): Block[] {
  const blocks: Block[] = [];
  for (let start = 0; start <= text.length; ) {
    let i = text.indexOf('\n', start);
    if (i < 0) i = text.length;
    let s = start;
    let e = i;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) {
      const block: Block = { start: s, end: e, text: text.slice(s, e) };
      const depth = depthOf?.(s);
      if (depth) block.depth = depth;
      blocks.push(block);
    }
    start = i + 1;
  }
  return blocks;
}

// Built on the first Markdown file: loading unified and remark-parse costs about 100 ms, which a
// check of a plain-text draft should not pay. (Node 20.19+ requires these ES modules synchronously.)
type MarkdownParser = { parse(text: string): unknown };
let markdownParser: MarkdownParser | undefined;
function getMarkdownParser(): MarkdownParser {
  if (!markdownParser) {
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    markdownParser = unified().use(remarkParse);
  }
  return markdownParser;
}

// remark-parse (micromark) is quadratic in nested list and quote lines ("- - a", "  - b" thousands of
// times over) and in emphasis and link delimiters within one paragraph ("**一**" ten thousand times),
// and runs out of memory on thousands of markers on one line: a Markdown file beyond these bounds,
// which no report comes near, is read as plain text, with the same offsets.
const MAX_LINE_DEPTH = 64;
const MAX_NESTING = 2000;
const MAX_DELIMITERS = 4000;

/** Whether `text` is beyond what remark-parse reads in about a second (the bounds above). */
function tooCostlyForMarkdown(text: string): boolean {
  let nesting = 0;
  let delimiters = 0;
  for (let i = 0; i <= text.length; ) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    // Delimiters count per paragraph: a blank line starts a new one.
    let blank = true;
    for (let k = i; k < end; k++) {
      const c = text[k]!;
      if (c === '*' || c === '_' || c === '[' || c === ']') delimiters++;
      if (c !== ' ' && c !== '\t') blank = false;
    }
    if (blank) delimiters = 0;
    else if (delimiters > MAX_DELIMITERS) return true;
    // Container markers opening the line; indentation nests lists too (two spaces a level).
    let depth = 0;
    let j = i;
    for (;;) {
      let k = j;
      while (text[k] === ' ' || text[k] === '\t') k++;
      const c = text[k];
      let after = k + 1;
      if (c !== undefined && c >= '0' && c <= '9') {
        while (after < k + 10 && text[after]! >= '0' && text[after]! <= '9') after++;
        if (text[after] !== '.' && text[after] !== ')') break;
        after++;
      } else if (c !== '>' && c !== '-' && c !== '+' && c !== '*') break;
      if (c !== '>' && after < end && text[after] !== ' ' && text[after] !== '\t') break;
      depth += 1 + (depth === 0 ? Math.floor((k - j) / 2) : 0);
      j = after;
    }
    if (depth > MAX_LINE_DEPTH) return true;
    if (depth > 1 && (nesting += depth - 1) > MAX_NESTING) return true;
    i = end + 1;
  }
  return false;
}

/**
 * Markdown: headings, paragraphs (also inside lists, quotes and tables) and code are blocks. Syntax
 * characters inside a block become spaces, so block text keeps the offsets of the source.
 */
function markdownBlocks(text: string): Block[] {
  const tree = getMarkdownParser().parse(text) as Root;
  const blocks: Block[] = [];
  const visit = (node: RootContent) => {
    const pos = node.position;
    if (!pos) return;
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell') {
      const start = pos.start.offset!;
      const end = pos.end.offset!;
      const chars = Array.from({ length: end - start }, () => ' ');
      const keepText = (n: RootContent) => {
        if ((n.type === 'text' || n.type === 'inlineCode') && n.position) {
          // A text node's value can differ from its source (escapes): copy the source range.
          for (let i = n.position.start.offset!; i < n.position.end.offset!; i++) chars[i - start] = text[i]!;
        }
        if ('children' in n) for (const c of n.children as RootContent[]) keepText(c);
      };
      keepText(node);
      let s = 0;
      let e = chars.length;
      while (s < e && /\s/.test(chars[s]!)) s++;
      while (e > s && /\s/.test(chars[e - 1]!)) e--;
      if (e > s) {
        const block: Block = { start: start + s, end: start + e, text: chars.slice(s, e).join('') };
        if (node.type === 'heading') block.depth = node.depth;
        blocks.push(block);
      }
      return;
    }
    if ('children' in node) for (const c of node.children as RootContent[]) visit(c);
  };
  for (const node of tree.children) visit(node);
  return blocks;
}

const REPORT_WORDS = /(总结|计划|报告|述职|汇报|规划|要点|打算|思路|方案)/;
const SITE_NOISE = /[>:：]|首页|来源|编辑|发布时间|识别码/;

/**
 * The title: among the first lines, a short one that is not a sentence (no 。，), preferring one
 * that names a kind of report (总结, 计划, 述职 …).
 */
function findTitle(blocks: Block[]): Block | null {
  const candidates = blocks.slice(0, 8).filter((b) => b.text.length <= 60 && !SITE_NOISE.test(b.text) && !/[。，,；;！？]/.test(b.text));
  return candidates.find((b) => REPORT_WORDS.test(b.text)) ?? candidates[0] ?? null;
}

export function parseDocument(path: string, original: string, options: ParseOptions = {}): Document {
  const normalized: NormalizedText = normalize(original, options);
  const format = options.format ?? formatOf(path);
  const text = normalized.text;
  const lines = new LineIndex(original);
  const headings = options.headings;
  // A heading is given by its line in the original; normalisation may move offsets, not lines.
  const depthOf = headings?.size ? (start: number) => headings.get(lines.position(normalized.map.rangeToSource(start, start)[0]).line - 1) : undefined;
  const blocks = format === 'markdown' && !tooCostlyForMarkdown(text) ? markdownBlocks(text) : textBlocks(text, depthOf);
  const titleBlock = findTitle(blocks);
  const originalOf = (span: Span) => {
    const [s, e] = normalized.map.rangeToSource(span.start, span.end);
    return original.slice(s, e);
  };
  const describe = (start: number, end: number) => ({
    title: originalOf({ start, end }).replace(/\s+/g, ' ').trim(),
    normalizedTitle: text.slice(start, end).trim(),
  });
  // Text whose headings are declared (a Word document's heading styles) is read as Markdown is:
  // short unnumbered lines are not guessed to be headings.
  const sections = buildSections(blocks, depthOf ? 'markdown' : format, titleBlock?.text ?? '', text.length, describe);
  const paragraphs: Paragraph[] = blocks.map((b, index) => ({ index, start: b.start, end: b.end, text: b.text }));
  let sentences: Sentence[] | null = null;
  return {
    path,
    format,
    original,
    lines,
    normalized,
    title: titleBlock ? originalOf(titleBlock).trim() : '',
    titleSpan: titleBlock ? { start: titleBlock.start, end: titleBlock.end } : null,
    sections,
    paragraphs,
    // Split on first use: only two checks read sentences, and extract and stats never do.
    get sentences() {
      return (sentences ??= splitSentences(paragraphs));
    },
  };
}

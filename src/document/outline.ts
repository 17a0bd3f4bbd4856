// Sections from headings: Markdown headings, 篇N parts, and Chinese outline numbering, whether a
// heading has a line of its own or was glued into a paragraph by a bad scrape (政治性1.加强).
import { markerAt, partNumber, type Marker } from './markers.js';
import type { Section, Span } from './types.js';

/** A block of text (a line of plain text, or a Markdown block) with what the parser knows of it. */
export interface Block extends Span {
  text: string;
  /** Markdown heading depth (1-6), when the block is a Markdown heading. */
  depth?: number;
}

interface Heading {
  start: number;
  headingEnd: number;
  kind: string;
  number: number;
  inline: boolean;
  /** Markdown depth for 'h' kinds. */
  depth?: number;
}

const TITLE_END = /[。！？!?；;：:]/u;
const SENTENCE_END = /[。！？!?；;]/u;
const MAX_TITLE = 80;

function titleEnd(text: string, from: number, limit: number): number {
  let end = from;
  while (end < limit && !TITLE_END.test(text[end]!) && end - from < MAX_TITLE) end++;
  return end;
}

/**
 * Lines that end in a number and repeat one title with different numbers ("基层工会年度工作总结1",
 * "…总结2"): the parts of a page of several reports, like 篇N.
 */
function numberedTitleParts(blocks: Block[]): Map<Block, number> {
  const groups = new Map<string, { block: Block; number: number }[]>();
  for (const block of blocks) {
    const trimmed = block.text.trim();
    const last = trimmed.charCodeAt(trimmed.length - 1);
    if (!(last >= 0x30 && last <= 0x39)) continue; // the pattern ends in a digit
    const m = /^(\D{4,40}?)\s*(\d{1,2})$/u.exec(trimmed);
    if (!m || /[。，,；;：:]/.test(m[1]!)) continue;
    const list = groups.get(m[1]!) ?? [];
    list.push({ block, number: Number(m[2]) });
    groups.set(m[1]!, list);
  }
  const parts = new Map<Block, number>();
  for (const list of groups.values()) {
    if (new Set(list.map((p) => p.number)).size < 2) continue;
    for (const p of list) parts.set(p.block, p.number);
  }
  return parts;
}

/** A short line of its own that reads as an unnumbered heading (存在问题, 突出问题). */
function isPlainHeading(block: Block, next: Block | undefined, title: string): boolean {
  const text = block.text.trim();
  return (
    text.length >= 2 &&
    text.length <= 16 &&
    text !== title &&
    /^\p{Script=Han}+$/u.test(text) &&
    next !== undefined &&
    next.text.trim().length > text.length * 3
  );
}

function findHeadings(blocks: Block[], format: 'markdown' | 'text', titleText: string): Heading[] {
  const parts = numberedTitleParts(blocks);
  const headings: Heading[] = [];
  // Kinds currently open and their last number, to judge headings glued inside a paragraph.
  let open: { kind: string; number: number }[] = [];
  const accept = (h: Heading) => {
    // A heading's title stops where a heading glued after it begins.
    const previous = headings.at(-1);
    if (previous && previous.headingEnd > h.start) previous.headingEnd = h.start;
    headings.push(h);
    const at = open.findIndex((o) => o.kind === h.kind);
    if (h.kind === 'part' || h.kind.startsWith('h')) open = [];
    else if (at >= 0) open = open.slice(0, at);
    open.push({ kind: h.kind, number: h.number });
  };

  blocks.forEach((block, index) => {
    const { text } = block;
    let lead = 0;
    while (lead < text.length && /\s/.test(text[lead]!)) lead++;
    const lineStart = block.start + lead;
    let scanFrom = lead;
    let titleOpen = false;

    if (block.depth) {
      accept({ start: lineStart, headingEnd: block.end, kind: `h${block.depth}`, number: 0, inline: false, depth: block.depth });
      return;
    }
    const part = partNumber(text) ?? parts.get(block) ?? null;
    if (part !== null) {
      accept({ start: lineStart, headingEnd: block.start + text.trimEnd().length, kind: 'part', number: part, inline: false });
      return;
    }
    const marker = markerAt(text, lead);
    if (marker) {
      const end = titleEnd(text, lead + marker.length, text.length);
      accept({ start: lineStart, headingEnd: block.start + end, kind: marker.kind, number: marker.number, inline: false });
      scanFrom = lead + marker.length;
      titleOpen = end === text.length || !SENTENCE_END.test(text[end] ?? '');
    } else if (format === 'text' && isPlainHeading(block, blocks[index + 1], titleText)) {
      accept({ start: lineStart, headingEnd: block.start + text.trimEnd().length, kind: 'plain', number: 0, inline: false });
      return;
    }

    // Headings glued into the paragraph: only the next number of an open kind, or a new kind's
    // first number right after a sentence end or a heading whose title is still running. Only a
    // sentence end or a marker start can change anything: a table lookup passes over the rest.
    for (let i = scanFrom; i < text.length; i++) {
      const stop = INLINE_STOPS[text.charCodeAt(i)];
      if (stop === 0) continue;
      if (stop === SENTENCE_END_STOP) {
        titleOpen = false;
        continue;
      }
      const found = inlineMarker(text, i, open, titleOpen);
      if (!found) continue;
      const end = titleEnd(text, i + found.length, text.length);
      accept({ start: block.start + i, headingEnd: block.start + end, kind: found.kind, number: found.number, inline: true });
      titleOpen = true;
      i += found.length - 1;
    }
  });
  return headings;
}

// Characters a marker can start with; anything else is skipped without trying the patterns.
const MARKER_START = /[一二三四五六七八九十(（\d①-⑳⒈-⒛]/;
// The only characters the scan for glued headings stops at, by code unit: a sentence end
// (SENTENCE_END) or a character MARKER_START accepts.
const SENTENCE_END_STOP = 1;
const MARKER_STOP = 2;
const INLINE_STOPS = new Uint8Array(0x10000);
for (const ch of '。！？!?；;') INLINE_STOPS[ch.charCodeAt(0)] = SENTENCE_END_STOP;
for (const ch of '一二三四五六七八九十(（0123456789') INLINE_STOPS[ch.charCodeAt(0)] = MARKER_STOP;
for (let code = 0x2460; code <= 0x2473; code++) INLINE_STOPS[code] = MARKER_STOP; // ①-⑳
for (let code = 0x2488; code <= 0x249b; code++) INLINE_STOPS[code] = MARKER_STOP; // ⒈-⒛

function inlineMarker(text: string, i: number, open: { kind: string; number: number }[], titleOpen: boolean): Marker | null {
  if (!MARKER_START.test(text[i]!)) return null;
  const before = text[i - 1] ?? '';
  // Inside a number or a numeral word ("十一、" is read at 十, 2.5 is no marker).
  if (/[\dA-Za-z.．一二三四五六七八九十百]/.test(before)) return null;
  const marker = markerAt(text, i);
  if (!marker || marker.kind === '第N章') return null;
  const sibling = open.find((o) => o.kind === marker.kind);
  if (sibling) return marker.number === sibling.number + 1 ? marker : null;
  const afterSentence = before === '' || SENTENCE_END.test(before) || before === '\n';
  return marker.number === 1 && (afterSentence || titleOpen) ? marker : null;
}

/** Build the section tree; `title` is the normalised document title, never a section itself. */
export function buildSections(
  blocks: Block[],
  format: 'markdown' | 'text',
  titleText: string,
  textLength: number,
  describe: (start: number, end: number) => { title: string; normalizedTitle: string },
): Section[] {
  const headings = findHeadings(blocks, format, titleText);
  const sections: Section[] = [];
  const stack: Section[] = [];
  const close = (section: Section, end: number) => {
    section.end = end;
  };
  for (const h of headings) {
    const isH = h.kind.startsWith('h');
    if (isH) {
      while (stack.length && (!stack.at(-1)!.kind.startsWith('h') || Number(stack.at(-1)!.kind.slice(1)) >= h.depth!)) close(stack.pop()!, h.start);
    } else if (h.kind === 'part') {
      while (stack.length && !stack.at(-1)!.kind.startsWith('h')) close(stack.pop()!, h.start);
    } else {
      const at = stack.findIndex((s) => s.kind === h.kind);
      if (at >= 0) while (stack.length > at) close(stack.pop()!, h.start);
    }
    const parent = stack.at(-1) ?? null;
    const section: Section = {
      id: sections.length,
      ...describe(h.start, h.headingEnd),
      kind: h.kind,
      number: h.number,
      level: stack.length + 1,
      start: h.start,
      end: textLength,
      headingEnd: h.headingEnd,
      inline: h.inline,
      parent: parent ? parent.id : null,
      children: [],
    };
    parent?.children.push(section.id);
    sections.push(section);
    stack.push(section);
  }
  return sections;
}

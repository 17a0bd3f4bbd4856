// Word segmentation on normalised text: tokens with offsets, digit runs merged, POS on request.
import { loadSegmenter, type TaggedWord } from './jieba.js';

export { loadSegmenter, isSegmenterLoaded } from './jieba.js';

export interface Token {
  word: string;
  /** Offsets in the text that was segmented (for a Document: the normalised text). */
  start: number;
  end: number;
  /** Part of speech (jieba's tag set) when asked for; 'm' for merged numbers. */
  tag?: string;
}

// The first character decides for nearly every word, before the regex.
const isDigits = (w: string) => {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57 && /^\d+$/.test(w);
};

/**
 * nodejieba cuts "26.5" into "2", "6", ".", "5": numbers come back as one token, including
 * decimals and thousands separators (134,138.78), so later stages see whole numbers.
 */
function mergeNumbers(tokens: Token[], text: string, base: number): Token[] {
  // Most clauses have no digits: they keep their array.
  let first = 0;
  while (first < tokens.length && !isDigits(tokens[first]!.word)) first++;
  if (first === tokens.length) return tokens;
  const out: Token[] = tokens.slice(0, first);
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isDigits(t.word)) {
      out.push(t);
      continue;
    }
    let end = i;
    while (end + 1 < tokens.length) {
      const next = tokens[end + 1]!;
      const after = tokens[end + 2];
      if (isDigits(next.word) && next.start === tokens[end]!.end) end++;
      else if ((next.word === '.' || next.word === ',') && after && isDigits(after.word) && next.start === tokens[end]!.end && after.start === next.end) end += 2;
      else break;
    }
    const start = t.start;
    const stop = tokens[end]!.end;
    out.push({ word: text.slice(start - base, stop - base), start, end: stop, ...(t.tag !== undefined ? { tag: 'm' } : {}) });
    i = end;
  }
  return out;
}

/** Segment `text`; `offset` is added to every token position (for segmenting a part of a text). */
export function segment(text: string, options: { pos?: boolean; offset?: number } = {}): Token[] {
  const jieba = loadSegmenter();
  const base = options.offset ?? 0;
  return options.pos ? placeTagged(text, jieba.tag(text), base) : placeCut(text, jieba.cut(text), null, base);
}

function placeTagged(text: string, tagged: readonly TaggedWord[], base: number): Token[] {
  return placeCut(text, tagged.map((w) => w.word), tagged.map((w) => w.tag), base);
}

/** The tokens of `text` from the words jieba already cut it into (numbers merged), as `segment` gives them. */
export function placeWords(text: string, words: readonly string[], offset = 0): Token[] {
  return placeCut(text, words, null, offset);
}

/** jieba's words (and tags) of `text` as tokens at their places, `base` added, numbers merged. */
export function placeCut(text: string, words: readonly string[], tags: readonly string[] | null, base: number): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  // Built field by field, with no intermediate object per word: a conditional spread per token
  // cost more than the rest of this loop.
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const at = text.indexOf(word, cursor);
    if (at < 0) continue; // jieba never invents text; skip defensively rather than misplace
    const token: Token = { word, start: base + at, end: base + at + word.length };
    if (tags) token.tag = tags[i]!;
    tokens.push(token);
    cursor = at + word.length;
  }
  return mergeNumbers(tokens, text, base);
}

/**
 * The tokens (in order, without gaps) that lie in [start, end); null when one runs over either edge,
 * so the span has to be cut on its own.
 */
export function tokensWithin(tokens: readonly Token[], start: number, end: number): Token[] | null {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let stop = lo;
  while (stop < tokens.length && tokens[stop]!.start < end) stop++;
  const crossed = lo < stop && (tokens[lo]!.start < start || tokens[stop - 1]!.end > end);
  return crossed ? null : tokens.slice(lo, stop);
}

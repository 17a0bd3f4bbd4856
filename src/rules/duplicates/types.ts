// The duplicate detector's data: its input, options with their defaults, pairs and findings.
import type { SetSimilarity } from './similarity.js';

/** Normalised text of one paragraph. */
export interface ComparableParagraph {
  text: string;
}

export interface DuplicateOptions {
  /** A pair is a copy when max(Jaccard, containment) of its shingle sets reaches this. */
  threshold?: number;
  /** Shingle length in characters. */
  shingle?: number;
  /** Paragraphs shorter than this after folding are not compared (headings, "一、概况"). */
  minChars?: number;
  /** Matched paragraphs for a run to be reported as one block. */
  minBlock?: number;
  /** Unmatched paragraphs allowed between two matched ones of a block, on either side. */
  maxGap?: number;
}

export const DEFAULT_OPTIONS: Required<DuplicateOptions> = {
  threshold: 0.8,
  shingle: 5,
  minChars: 12,
  minBlock: 3,
  maxGap: 2,
};

/** Two distinct folded texts that are copies (a < b, indexes in the list compared). */
export interface TextPair {
  a: number;
  b: number;
  jaccard: number;
  containment: number;
}

/** What comparing a list of folded texts gives: the copies, and the similarity of any two texts. */
export interface TextComparison {
  /** Pairs whose max(Jaccard, containment) reaches the threshold, ascending by a, then b. */
  pairs: TextPair[];
  /** Exact similarity of the texts at indexes a and b. */
  similarity(a: number, b: number): SetSimilarity;
}

/** Two paragraphs that are copies of each other (a < b, paragraph indexes). */
export interface ParagraphPair {
  a: number;
  b: number;
  jaccard: number;
  containment: number;
  /** max(jaccard, containment), 3 decimals. */
  similarity: number;
  /** Identical after folding. */
  exact: boolean;
}

/** One matched paragraph of a finding. */
export interface DuplicateMatch {
  copy: number;
  original: number;
  similarity: number;
}

export interface DuplicateFinding {
  kind: 'block' | 'paragraph';
  /** Later copy: paragraph indexes [from, to] inclusive. */
  copy: [number, number];
  /** Earlier copy (the first occurrence of the group). */
  original: [number, number];
  /** Mean over matched paragraphs, 0–1, 3 decimals. */
  similarity: number;
  /** Paragraphs matched. */
  matched: number;
  /** Every matched paragraph identical after folding. */
  exact: boolean;
  /** The matched paragraphs, copy to original, in order (gaps of a block are not listed). */
  matches: DuplicateMatch[];
}

export function resolveOptions(options: DuplicateOptions = {}): Required<DuplicateOptions> {
  const resolved = { ...DEFAULT_OPTIONS };
  for (const key of Object.keys(DEFAULT_OPTIONS) as (keyof DuplicateOptions)[]) {
    const value = options[key];
    if (value !== undefined) resolved[key] = value;
  }
  if (!(resolved.threshold > 0 && resolved.threshold <= 1)) throw new RangeError(`threshold must be in (0, 1]: ${resolved.threshold}`);
  for (const key of ['shingle', 'minChars', 'minBlock'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 1) throw new RangeError(`${key} must be a positive integer: ${resolved[key]}`);
  }
  if (!Number.isInteger(resolved.maxGap) || resolved.maxGap < 0) throw new RangeError(`maxGap must be a non-negative integer: ${resolved.maxGap}`);
  return resolved;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

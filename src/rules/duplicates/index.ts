// Near-duplicate paragraphs and copied blocks of a document: the API the duplicate checks call.
import { findingsOf } from './blocks.js';
import { analyseParagraphs, pairsOf } from './pairs.js';
import type { ComparableParagraph, DuplicateFinding, DuplicateOptions, ParagraphPair } from './types.js';

export { documentSignature, nearCopyPairs } from './documents.js';
export { foldForComparison } from './fold.js';
export { shingleSet } from './shingles.js';
export { setSimilarity, type SetSimilarity } from './similarity.js';
export type { DuplicateAnalysis, FoldedText } from './pairs.js';
export type {
  ComparableParagraph,
  DuplicateFinding,
  DuplicateMatch,
  DuplicateOptions,
  ParagraphPair,
} from './types.js';

export interface Duplicates {
  /** Paragraph pairs that are copies (a < b), sorted. */
  pairs: ParagraphPair[];
  /** Paragraph → first paragraph of its group of copies, -1 when it has none. */
  groupOf: Int32Array;
  /** One finding per later copy, sorted by copy start, each paragraph in at most one copy. */
  findings: DuplicateFinding[];
}

/**
 * Everything at once from one analysis, for callers that need both the findings (the duplicate
 * check) and the pairs (the repeated-sentence check): memoise this, not the two functions below.
 */
export function analyseDuplicates(paragraphs: readonly ComparableParagraph[], options?: DuplicateOptions): Duplicates {
  const analysis = analyseParagraphs(paragraphs, options);
  return { pairs: pairsOf(analysis), groupOf: analysis.groupOf, findings: findingsOf(analysis) };
}

/** Copied paragraphs and blocks: one finding per later copy, pointing at the first copy. */
export function findDuplicates(paragraphs: readonly ComparableParagraph[], options?: DuplicateOptions): DuplicateFinding[] {
  return findingsOf(analyseParagraphs(paragraphs, options));
}

/** The paragraph pairs that are copies of each other, for checks that must skip or relate them. */
export function paragraphPairs(paragraphs: readonly ComparableParagraph[], options?: DuplicateOptions): ParagraphPair[] {
  return pairsOf(analyseParagraphs(paragraphs, options));
}

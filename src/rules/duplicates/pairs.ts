// Pairs and groups of copied paragraphs: fold, group identical texts, compare the distinct ones.
import { compareExactly } from './exact-pairs.js';
import { foldForComparison } from './fold.js';
import { compareBySampling } from './sampled-pairs.js';
import type { SetSimilarity } from './similarity.js';
import { codePointLength } from './shingles.js';
import { resolveOptions, round3, type ComparableParagraph, type DuplicateOptions, type ParagraphPair } from './types.js';
import { UnionFind } from './union-find.js';

// Up to this many distinct comparable texts, every pair is compared exactly: counting shared
// shingles then takes at most 127 steps a shingle, no more than a 128-slot MinHash signature.
// Beyond it, sampling keeps the work linear. Reports have a few dozen such texts (659 generated
// reports: 50 at most; corpus 001, 700 lines: 114).
const MAX_EXACT_TEXTS = 128;
// Identical texts repeated more than this are paired to their first occurrence only, so that the
// number of pairs stays linear (a line such as "同上" repeated a thousand times).
const MAX_EXPANDED_GROUP = 32;

/** A distinct folded text and the paragraphs that fold to it. */
export interface FoldedText {
  folded: string;
  /** Length in characters (code points). */
  length: number;
  /** Paragraph indexes, ascending. */
  members: number[];
  /** Long enough to be compared. */
  comparable: boolean;
}

export interface DuplicateAnalysis {
  options: Required<DuplicateOptions>;
  /** Paragraph → its distinct folded text, -1 when the folded text is empty. */
  textOf: Int32Array;
  texts: FoldedText[];
  /** Pairs of distinct comparable texts that are copies (a < b, text ids), with their similarity. */
  textPairs: { a: number; b: number; jaccard: number; containment: number }[];
  /** Exact similarity of two distinct comparable texts (text ids). */
  textSimilarity(a: number, b: number): SetSimilarity;
  /** Paragraph → the first paragraph of its group of copies, -1 when it has no copy. */
  groupOf: Int32Array;
}

export function analyseParagraphs(paragraphs: readonly ComparableParagraph[], options?: DuplicateOptions): DuplicateAnalysis {
  const resolved = resolveOptions(options);
  const { threshold, shingle, minChars } = resolved;
  const n = paragraphs.length;

  // Identical folded texts are compared once.
  const textOf = new Int32Array(n).fill(-1);
  const texts: FoldedText[] = [];
  const byFolded = new Map<string, number>();
  for (let p = 0; p < n; p++) {
    const folded = foldForComparison(paragraphs[p]!.text);
    if (folded.length === 0) continue;
    let id = byFolded.get(folded);
    if (id === undefined) {
      id = texts.length;
      byFolded.set(folded, id);
      const length = codePointLength(folded);
      texts.push({ folded, length, members: [], comparable: length >= minChars });
    }
    texts[id]!.members.push(p);
    textOf[p] = id;
  }

  // Only comparable texts are compared, by their index in this list.
  const comparableIds = texts.flatMap((t, id) => (t.comparable ? [id] : []));
  const indexOf = new Int32Array(texts.length).fill(-1);
  for (const [index, id] of comparableIds.entries()) indexOf[id] = index;
  const compare = comparableIds.length <= MAX_EXACT_TEXTS ? compareExactly : compareBySampling;
  const comparison = compare(comparableIds.map((id) => texts[id]!.folded), shingle, threshold);
  const textPairs = comparison.pairs.map(({ a, b, jaccard, containment }) => ({ a: comparableIds[a]!, b: comparableIds[b]!, jaccard, containment }));
  const textSimilarity = (a: number, b: number): SetSimilarity =>
    indexOf[a] === -1 || indexOf[b] === -1 ? { jaccard: 0, containment: 0 } : comparison.similarity(indexOf[a]!, indexOf[b]!);

  // Groups of copies: union-find over paragraphs, named by their first paragraph.
  const groups = new UnionFind(n);
  for (const t of texts) {
    if (!t.comparable) continue;
    for (const m of t.members) groups.union(t.members[0]!, m);
  }
  for (const { a, b } of textPairs) groups.union(texts[a]!.members[0]!, texts[b]!.members[0]!);
  // Roots are paragraph indexes: arrays by root, not maps.
  const firstOfRoot = new Int32Array(n).fill(-1);
  const sizeOfRoot = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    if (textOf[p] === -1 || !texts[textOf[p]!]!.comparable) continue;
    const root = groups.find(p);
    if (firstOfRoot[root] === -1) firstOfRoot[root] = p;
    sizeOfRoot[root]!++;
  }
  const groupOf = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) {
    if (textOf[p] === -1 || !texts[textOf[p]!]!.comparable) continue;
    const root = groups.find(p);
    if (sizeOfRoot[root]! > 1) groupOf[p] = firstOfRoot[root]!;
  }
  return { options: resolved, textOf, texts, textPairs, textSimilarity, groupOf };
}

/** Similarity of two paragraphs, exact: identical folded texts are 1. */
export function paragraphSimilarity(analysis: DuplicateAnalysis, p: number, q: number): { jaccard: number; containment: number; exact: boolean } {
  const tp = analysis.textOf[p]!;
  const tq = analysis.textOf[q]!;
  if (tp !== -1 && tp === tq) return { jaccard: 1, containment: 1, exact: true };
  if (tp === -1 || tq === -1) return { jaccard: 0, containment: 0, exact: false };
  return { ...analysis.textSimilarity(tp, tq), exact: false };
}

function pair(a: number, b: number, jaccard: number, containment: number, exact: boolean): ParagraphPair {
  const [x, y] = a < b ? [a, b] : [b, a];
  return {
    a: x,
    b: y,
    jaccard: round3(jaccard),
    containment: round3(containment),
    similarity: round3(Math.max(jaccard, containment)),
    exact,
  };
}

/** The members paired all with all, or to the first only when there are too many of them. */
function* memberPairs(members: number[]): Generator<[number, number]> {
  if (members.length <= MAX_EXPANDED_GROUP) {
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) yield [members[i]!, members[j]!];
  } else {
    for (let j = 1; j < members.length; j++) yield [members[0]!, members[j]!];
  }
}

/**
 * The paragraph pairs that are copies (a < b), sorted: identical after folding, or
 * max(Jaccard, containment) ≥ threshold. Paragraphs shorter than `minChars` are not compared.
 */
export function pairsOf(analysis: DuplicateAnalysis): ParagraphPair[] {
  const { texts, textPairs } = analysis;
  const pairs: ParagraphPair[] = [];
  for (const t of texts) {
    if (!t.comparable) continue;
    for (const [a, b] of memberPairs(t.members)) pairs.push(pair(a, b, 1, 1, true));
  }
  for (const { a, b, jaccard, containment } of textPairs) {
    const ma = texts[a]!.members;
    const mb = texts[b]!.members;
    const all = ma.length * mb.length <= MAX_EXPANDED_GROUP * MAX_EXPANDED_GROUP;
    for (let i = 0; i < ma.length; i++) {
      for (let j = 0; j < mb.length; j++) {
        if (all || i === 0 || j === 0) pairs.push(pair(ma[i]!, mb[j]!, jaccard, containment, false));
      }
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}

// Pairs and groups of copied paragraphs: fold, shingle, gather candidates (LSH + anchors), verify exactly.
import { anchorCandidates } from './anchors.js';
import { foldForComparison } from './fold.js';
import { bandCandidates } from './lsh.js';
import { createMinHasher } from './minhash.js';
import { setSimilarity } from './similarity.js';
import { shingleSet } from './shingles.js';
import { resolveOptions, round3, type ComparableParagraph, type DuplicateOptions, type ParagraphPair } from './types.js';
import { UnionFind } from './union-find.js';

// 128 slots in 32 bands of 4 rows: a pair at Jaccard 0.8 is missed with probability ~1e-7, one at
// 0.3 becomes a candidate 23% of the time (and is then rejected by the exact check).
const SIGNATURE_SIZE = 128;
const BAND_ROWS = 4;
const MAX_BUCKET = 64;
const ANCHORS = { bits: 3, maxPosting: 256, minShare: 0.5 };
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
  shingles: Uint32Array;
}

export interface DuplicateAnalysis {
  options: Required<DuplicateOptions>;
  /** Paragraph → its distinct folded text, -1 when the folded text is empty. */
  textOf: Int32Array;
  texts: FoldedText[];
  /** Pairs of distinct comparable texts that are copies (a < b, text ids), with their similarity. */
  textPairs: { a: number; b: number; jaccard: number; containment: number }[];
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
      const length = [...folded].length;
      const comparable = length >= minChars;
      texts.push({ folded, length, members: [], comparable, shingles: comparable ? shingleSet(folded, shingle) : new Uint32Array(0) });
    }
    texts[id]!.members.push(p);
    textOf[p] = id;
  }

  // Candidates among comparable texts only, verified exactly once each.
  const comparableIds = texts.flatMap((t, id) => (t.comparable ? [id] : []));
  const sets = comparableIds.map((id) => texts[id]!.shingles);
  const hasher = createMinHasher(SIGNATURE_SIZE);
  const signatures = sets.map((s) => hasher.signature(s));
  const seen = new Set<number>();
  const textPairs: DuplicateAnalysis['textPairs'] = [];
  const verify = (x: number, y: number): void => {
    const key = x * comparableIds.length + y;
    if (seen.has(key)) return;
    seen.add(key);
    const { jaccard, containment } = setSimilarity(sets[x]!, sets[y]!);
    if (Math.max(jaccard, containment) >= threshold) {
      textPairs.push({ a: comparableIds[x]!, b: comparableIds[y]!, jaccard, containment });
    }
  };
  bandCandidates(signatures, { bands: SIGNATURE_SIZE / BAND_ROWS, rows: BAND_ROWS, maxBucket: MAX_BUCKET }, verify);
  anchorCandidates(sets, ANCHORS, verify);
  textPairs.sort((p, q) => p.a - q.a || p.b - q.b);

  // Groups of copies: union-find over paragraphs, named by their first paragraph.
  const groups = new UnionFind(n);
  for (const t of texts) {
    if (!t.comparable) continue;
    for (const m of t.members) groups.union(t.members[0]!, m);
  }
  for (const { a, b } of textPairs) groups.union(texts[a]!.members[0]!, texts[b]!.members[0]!);
  const firstOfRoot = new Map<number, number>();
  const sizeOfRoot = new Map<number, number>();
  for (let p = 0; p < n; p++) {
    if (textOf[p] === -1 || !texts[textOf[p]!]!.comparable) continue;
    const root = groups.find(p);
    if (!firstOfRoot.has(root)) firstOfRoot.set(root, p);
    sizeOfRoot.set(root, (sizeOfRoot.get(root) ?? 0) + 1);
  }
  const groupOf = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) {
    if (textOf[p] === -1 || !texts[textOf[p]!]!.comparable) continue;
    const root = groups.find(p);
    if (sizeOfRoot.get(root)! > 1) groupOf[p] = firstOfRoot.get(root)!;
  }
  return { options: resolved, textOf, texts, textPairs, groupOf };
}

/** Similarity of two paragraphs, exact: identical folded texts are 1. */
export function paragraphSimilarity(analysis: DuplicateAnalysis, p: number, q: number): { jaccard: number; containment: number; exact: boolean } {
  const tp = analysis.textOf[p]!;
  const tq = analysis.textOf[q]!;
  if (tp !== -1 && tp === tq) return { jaccard: 1, containment: 1, exact: true };
  if (tp === -1 || tq === -1) return { jaccard: 0, containment: 0, exact: false };
  return { ...setSimilarity(analysis.texts[tp]!.shingles, analysis.texts[tq]!.shingles), exact: false };
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

// Copies among many texts in linear time: candidates from MinHash + LSH banding (similar texts) and
// from shared anchors (a text contained in a longer one), each verified exactly.
//
// Comparing every pair, or counting shared shingles for every pair, is quadratic when many texts
// share stock phrases; sampling bounds the work at the price of rare misses (a pair at Jaccard 0.8
// with probability ~1e-7; a short text contained in a long one when it has too few anchors).
import { anchorCandidates } from './anchors.js';
import { bandCandidates } from './lsh.js';
import { createMinHasher } from './minhash.js';
import { setSimilarity } from './similarity.js';
import { shingleSet } from './shingles.js';
import type { TextComparison, TextPair } from './types.js';

// 128 slots in 32 bands of 4 rows: a pair at Jaccard 0.8 is missed with probability ~1e-7, one at
// 0.3 becomes a candidate 23% of the time (and is then rejected by the exact check).
const SIGNATURE_SIZE = 128;
const BAND_ROWS = 4;
const MAX_BUCKET = 64;
const ANCHORS = { bits: 3, maxPosting: 256, minShare: 0.5 };

export function compareBySampling(texts: readonly string[], shingle: number, threshold: number): TextComparison {
  const sets = texts.map((text) => shingleSet(text, shingle));
  const hasher = createMinHasher(SIGNATURE_SIZE);
  const signatures = sets.map((s) => hasher.signature(s));
  const seen = new Set<number>();
  const pairs: TextPair[] = [];
  const verify = (x: number, y: number): void => {
    const key = x * texts.length + y;
    if (seen.has(key)) return;
    seen.add(key);
    const { jaccard, containment } = setSimilarity(sets[x]!, sets[y]!);
    if (Math.max(jaccard, containment) >= threshold) pairs.push({ a: x, b: y, jaccard, containment });
  };
  bandCandidates(signatures, { bands: SIGNATURE_SIZE / BAND_ROWS, rows: BAND_ROWS, maxBucket: MAX_BUCKET }, verify);
  anchorCandidates(sets, ANCHORS, verify);
  pairs.sort((p, q) => p.a - q.a || p.b - q.b);
  return { pairs, similarity: (a, b) => setSimilarity(sets[a]!, sets[b]!) };
}

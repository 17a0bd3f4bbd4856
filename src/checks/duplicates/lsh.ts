// LSH banding over MinHash signatures: candidate pairs of similar paragraphs without comparing all pairs.
import { mix32 } from './hash.js';

export interface BandingOptions {
  bands: number;
  rows: number;
  /** Largest bucket compared in full; bigger ones (a stock phrase) only pair near neighbours. */
  maxBucket: number;
}

/**
 * Calls `candidate(a, b)` (a < b) for items whose signatures agree on all rows of some band.
 * With r rows and b bands, a pair of Jaccard J becomes a candidate with probability
 * 1 - (1 - J^r)^b: with 32 × 4 that is 0.87 at J = 0.5 and > 0.9999999 at J = 0.8.
 * A pair may be reported more than once; the caller keeps a seen set.
 */
export function bandCandidates(
  signatures: Uint32Array[],
  { bands, rows, maxBucket }: BandingOptions,
  candidate: (a: number, b: number) => void,
): void {
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    for (let item = 0; item < signatures.length; item++) {
      const signature = signatures[item]!;
      if (signature.length === 0) continue;
      let key = mix32(band + 0x9e3779b9);
      for (let r = 0; r < rows; r++) key = mix32(key ^ signature[band * rows + r]!);
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = []));
      bucket.push(item);
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      // Items are pushed in ascending order. A huge bucket is all-pairs quadratic; pairing each
      // item with its next neighbours and the first still links the group for union-find.
      const window = bucket.length <= maxBucket ? bucket.length : 8;
      for (let i = 0; i < bucket.length; i++) {
        if (bucket.length > maxBucket && i > 0) candidate(bucket[0]!, bucket[i]!);
        for (let j = i + 1; j < bucket.length && j <= i + window; j++) candidate(bucket[i]!, bucket[j]!);
      }
    }
  }
}

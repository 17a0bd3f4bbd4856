// LSH banding over MinHash signatures: candidate pairs of similar paragraphs without comparing all pairs.
import { forEachBucket } from './buckets.js';
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
  const keys = new Uint32Array(signatures.length);
  const items: number[] = [];
  for (let item = 0; item < signatures.length; item++) if (signatures[item]!.length > 0) items.push(item);
  for (let band = 0; band < bands; band++) {
    for (let e = 0; e < items.length; e++) {
      const signature = signatures[items[e]!]!;
      let key = mix32(band + 0x9e3779b9);
      for (let r = 0; r < rows; r++) key = mix32(key ^ signature[band * rows + r]!);
      keys[e] = key;
    }
    forEachBucket(keys.subarray(0, items.length), items, (bucket) => {
      // A huge bucket is all-pairs quadratic; pairing each item with its next neighbours and
      // with the first still links the group for union-find.
      const big = bucket.length > maxBucket;
      const window = big ? 8 : bucket.length;
      for (let i = 0; i < bucket.length; i++) {
        if (big && i > 0) candidate(bucket[0]!, bucket[i]!);
        for (let j = i + 1; j < bucket.length && j <= i + window; j++) candidate(bucket[i]!, bucket[j]!);
      }
    });
  }
}

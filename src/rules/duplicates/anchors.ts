// Containment candidates: paragraphs sharing sampled "anchor" shingles, for a paragraph pasted into a longer one.
//
// MinHash estimates Jaccard, and a 100-character paragraph inside a 400-character one has Jaccard
// 0.25 however whole the copy: banding tuned for 0.8 misses it. Anchors are the shingles whose
// hash falls in a fixed 1/2^bits slice, chosen by content, so a copied passage carries the same
// anchors wherever it is pasted; an inverted index over them finds pairs that share most of the
// smaller one's anchors at any length ratio.
import { forEachBucket } from './buckets.js';

export interface AnchorOptions {
  /** Keep shingles whose low `bits` bits are zero (1 in 2^bits). */
  bits: number;
  /** Anchors in more paragraphs than this are stock phrases: skipped, they only add noise. */
  maxPosting: number;
  /** Share at least this part of the smaller paragraph's anchors to be a candidate. */
  minShare: number;
}

export function anchorCandidates(
  shingleSets: Uint32Array[],
  { bits, maxPosting, minShare }: AnchorOptions,
  candidate: (a: number, b: number) => void,
): void {
  const mask = (1 << bits) - 1;
  const anchorCount = new Int32Array(shingleSets.length);
  const keys: number[] = [];
  const items: number[] = [];
  for (let item = 0; item < shingleSets.length; item++) {
    for (const h of shingleSets[item]!) {
      if ((h & mask) !== 0) continue;
      keys.push(h);
      items.push(item);
      anchorCount[item]!++;
    }
  }
  // Every pair of items under one anchor, as a number; a stock phrase's long posting is skipped.
  const pairKeys: number[] = [];
  const count = shingleSets.length;
  forEachBucket(keys, items, (posting) => {
    if (posting.length > maxPosting) return;
    for (let i = 0; i < posting.length; i++) for (let j = i + 1; j < posting.length; j++) pairKeys.push(posting[i]! * count + posting[j]!);
  });
  // Runs of the same pair in sorted order count the anchors it shares.
  const sorted = Float64Array.from(pairKeys).sort();
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    const a = Math.floor(sorted[start]! / count);
    const b = sorted[start]! - a * count;
    const smaller = Math.min(anchorCount[a]!, anchorCount[b]!);
    // One shared anchor is a coincidence unless the smaller paragraph has only one.
    if (end - start >= Math.max(Math.min(2, smaller), Math.ceil(minShare * smaller))) candidate(a, b);
    start = end;
  }
}

// Containment candidates: paragraphs sharing sampled "anchor" shingles, for a paragraph pasted into a longer one.
//
// MinHash estimates Jaccard, and a 100-character paragraph inside a 400-character one has Jaccard
// 0.25 however whole the copy: banding tuned for 0.8 misses it. Anchors are the shingles whose
// hash falls in a fixed 1/2^bits slice, chosen by content, so a copied passage carries the same
// anchors wherever it is pasted; an inverted index over them finds pairs that share most of the
// smaller one's anchors at any length ratio.

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
  const anchorsOf = shingleSets.map((set) => set.filter((h) => (h & mask) === 0));
  const postings = new Map<number, number[]>();
  for (let item = 0; item < anchorsOf.length; item++) {
    for (const anchor of anchorsOf[item]!) {
      let list = postings.get(anchor);
      if (!list) postings.set(anchor, (list = []));
      list.push(item);
    }
  }
  const shared = new Map<number, number>();
  for (let item = 0; item < anchorsOf.length; item++) {
    const anchors = anchorsOf[item]!;
    if (anchors.length === 0) continue;
    shared.clear();
    // Count, for each earlier item, the anchors it shares with this one.
    for (const anchor of anchors) {
      const list = postings.get(anchor)!;
      if (list.length > maxPosting) continue;
      for (const other of list) {
        if (other >= item) break;
        shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    for (const [other, count] of shared) {
      const smaller = Math.min(anchors.length, anchorsOf[other]!.length);
      // One shared anchor is a coincidence unless the smaller paragraph has only one.
      if (count >= Math.max(Math.min(2, smaller), Math.ceil(minShare * smaller))) candidate(other, item);
    }
  }
}

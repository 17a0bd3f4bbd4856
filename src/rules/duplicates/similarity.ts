// Exact set similarity of two sorted shingle sets: Jaccard, and containment of the smaller in the larger.

export interface SetSimilarity {
  jaccard: number;
  /** |A∩B| / min(|A|, |B|): 1 when one paragraph was pasted whole into a longer one. */
  containment: number;
}

/** Size of the intersection of two ascending arrays, by a merge. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

export function setSimilarity(a: Uint32Array, b: Uint32Array): SetSimilarity {
  if (a.length === 0 || b.length === 0) return { jaccard: 0, containment: 0 };
  return countSimilarity(intersectionSize(a, b), a.length, b.length);
}

/** The same from the sizes of two sets and of their intersection (one formula for every caller). */
export function countSimilarity(shared: number, sizeA: number, sizeB: number): SetSimilarity {
  if (sizeA === 0 || sizeB === 0) return { jaccard: 0, containment: 0 };
  return {
    jaccard: shared / (sizeA + sizeB - shared),
    containment: shared / Math.min(sizeA, sizeB),
  };
}

// MinHash signatures of shingle sets: equal slots estimate Jaccard, with fixed seeds for reproducibility.
import { seededRandom } from './hash.js';

/** The seeded hash family: slot i hashes x to mix(x * A[i] + B[i]) with odd A[i]. */
export interface MinHasher {
  readonly size: number;
  signature(shingles: Uint32Array): Uint32Array;
}

export function createMinHasher(size: number, seed = 0x5eed_d0c5): MinHasher {
  const random = seededRandom(seed);
  const mulA = new Int32Array(size);
  const addB = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    mulA[i] = random() | 1;
    addB[i] = random() | 0;
  }
  return {
    size,
    signature(shingles) {
      const minima = new Uint32Array(size);
      // Slot by slot, so that the slot's constants stay in registers over the shingles.
      for (let i = 0; i < size; i++) {
        const a = mulA[i]!;
        const b = addB[i]!;
        let min = 0xffffffff;
        for (let s = 0; s < shingles.length; s++) {
          // The shingle hashes are already well mixed: one multiply-add and two xor-shifts make
          // each slot an independent-enough permutation at a fraction of a full finaliser's cost.
          let h = (Math.imul(shingles[s]!, a) + b) | 0;
          h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
          h = (h ^ (h >>> 12)) >>> 0;
          if (h < min) min = h;
        }
        minima[i] = min;
      }
      return minima;
    },
  };
}

// Character k-gram shingles of a folded paragraph, as a sorted set of 32-bit hashes.
import { mix32 } from './hash.js';

/**
 * The distinct hashes of the k-character windows of `text` (code points, so a CJK Extension B
 * character is one character), sorted ascending: sorted sets make the exact Jaccard a merge.
 * A text shorter than k is one shingle, itself.
 */
export function shingleSet(text: string, k: number): Uint32Array {
  const codes: number[] = [];
  for (const ch of text) codes.push(ch.codePointAt(0)!);
  if (codes.length === 0) return new Uint32Array(0);
  const windows = Math.max(1, codes.length - k + 1);
  const width = Math.min(k, codes.length);
  const hashes = new Uint32Array(windows);
  for (let i = 0; i < windows; i++) {
    // FNV-1a over the window's code points, then a finaliser so that low bits are usable too.
    let h = 0x811c9dc5;
    for (let j = 0; j < width; j++) {
      h ^= codes[i + j]!;
      h = Math.imul(h, 0x01000193);
    }
    hashes[i] = mix32(h);
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (i === 0 || hashes[i] !== hashes[unique - 1]) hashes[unique++] = hashes[i]!;
  }
  return hashes.slice(0, unique);
}

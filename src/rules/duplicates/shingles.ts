// Character k-gram shingles of a folded paragraph, as 32-bit hashes.
import { mix32 } from './hash.js';

// Code points of the text being hashed, reused from call to call up to a paragraph's usual size:
// an array per paragraph and `for…of` over the string cost more than the hashing.
const KEPT_CODES = 1 << 16;
let keptCodes = new Int32Array(1024);

/** The code points of `text` (a CJK Extension B character is one) and how many there are. */
function readCodePoints(text: string): { codes: Int32Array; count: number } {
  if (keptCodes.length < text.length && text.length <= KEPT_CODES) keptCodes = new Int32Array(KEPT_CODES);
  const codes = text.length <= keptCodes.length ? keptCodes : new Int32Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    codes[count++] = code;
  }
  return { codes, count };
}

/**
 * The hashes of the k-character windows of `text`, in text order, repeats included. A text
 * shorter than k is one shingle, itself; an empty text has none.
 */
export function shingleHashes(text: string, k: number): Uint32Array {
  const { codes, count } = readCodePoints(text);
  if (count === 0) return new Uint32Array(0);
  const windows = Math.max(1, count - k + 1);
  const width = Math.min(k, count);
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
  return hashes;
}

/**
 * The distinct shingle hashes of `text`, sorted ascending: sorted sets make the exact Jaccard a merge.
 */
export function shingleSet(text: string, k: number): Uint32Array {
  const hashes = shingleHashes(text, k).sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (i === 0 || hashes[i] !== hashes[unique - 1]) hashes[unique++] = hashes[i]!;
  }
  return unique === hashes.length ? hashes : hashes.slice(0, unique);
}

/** Length of `text` in code points. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

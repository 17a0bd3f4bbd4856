// Copies among a few texts, found exactly: the shingles every pair shares, counted through one hash table.
//
// A report has a few dozen paragraphs worth comparing. For so few, MinHash signatures (128 hashes
// a shingle) and LSH buckets cost more than counting, for each shingle, the earlier texts that have
// it too; and the count is exact, so every pair at the threshold is found, whatever its length
// ratio. The work is at most (texts - 1) steps a shingle: callers send only a few texts.
import { shingleHashes } from './shingles.js';
import { countSimilarity } from './similarity.js';
import type { TextComparison, TextPair } from './types.js';

// The table and postings of a report-sized call, reused from call to call: allocating them for
// every document of an archive cost more than filling them. Larger ones are not kept.
const KEPT_CAPACITY = 1 << 16;
let kept = tablesFor(16);

/** Tables for `capacity` slots (a power of two), holding up to capacity / 2 entries. */
function tablesFor(capacity: number) {
  return {
    slotHash: new Int32Array(capacity),
    slotHead: new Int32Array(capacity),
    // Entries are numbered from 1: 0 is "none".
    entryText: new Int32Array(capacity / 2 + 1),
    entryNext: new Int32Array(capacity / 2 + 1),
  };
}

/** Tables for `capacity` slots, all empty. */
function emptyTables(capacity: number): ReturnType<typeof tablesFor> {
  if (capacity > KEPT_CAPACITY) return tablesFor(capacity);
  if (kept.slotHash.length < capacity) kept = tablesFor(capacity);
  else kept.slotHead.fill(0, 0, capacity);
  return kept;
}

export function compareExactly(texts: readonly string[], shingle: number, threshold: number): TextComparison {
  const count = texts.length;
  // As signed 32-bit integers, which V8 keeps unboxed: equal exactly when the hashes are equal.
  const hashes = texts.map((text) => {
    const h = shingleHashes(text, shingle);
    return new Int32Array(h.buffer, h.byteOffset, h.length);
  });
  let total = 0;
  for (const h of hashes) total += h.length;
  // Open addressing over the shingle hashes, at most half full; they are mixed already, so their
  // low bits index the table. Each slot holds a hash and its posting: the texts that have it,
  // latest first, as a list of entries; head 0 is an empty slot.
  let capacity = 16;
  while (capacity < 2 * total) capacity *= 2;
  const mask = capacity - 1;
  const { slotHash, slotHead, entryText, entryNext } = emptyTables(capacity);
  let entries = 0;
  const distinct = new Int32Array(count);
  const shared = new Int32Array(count * count); // [x * count + y], x < y
  for (let y = 0; y < count; y++) {
    const windows = hashes[y]!;
    for (let i = 0; i < windows.length; i++) {
      const h = windows[i]!;
      let slot = h & mask;
      while (slotHead[slot] !== 0 && slotHash[slot] !== h) slot = (slot + 1) & mask;
      const head = slotHead[slot]!;
      if (head !== 0 && entryText[head] === y) continue; // a repeat within text y
      for (let e = head; e !== 0; e = entryNext[e]!) shared[entryText[e]! * count + y]!++;
      entries++;
      slotHash[slot] = h;
      entryText[entries] = y;
      entryNext[entries] = head;
      slotHead[slot] = entries;
      distinct[y]!++;
    }
  }

  const pairs: TextPair[] = [];
  for (let x = 0; x < count; x++) {
    for (let y = x + 1; y < count; y++) {
      const common = shared[x * count + y]!;
      if (common === 0) continue;
      const { jaccard, containment } = countSimilarity(common, distinct[x]!, distinct[y]!);
      if (Math.max(jaccard, containment) >= threshold) pairs.push({ a: x, b: y, jaccard, containment });
    }
  }
  return {
    pairs,
    similarity(a, b) {
      const common = a === b ? distinct[a]! : shared[Math.min(a, b) * count + Math.max(a, b)]!;
      return countSimilarity(common, distinct[a]!, distinct[b]!);
    },
  };
}

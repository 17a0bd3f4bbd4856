// Grouping items by a 32-bit key with one numeric sort: no Map or array per key, which dominated the time.

const ITEM_BITS = 21; // 2^21 items; the key keeps 53 - 21 = 32 bits below that.

/**
 * Calls `bucket(items)` for every key shared by two or more entries, items ascending. Entries are
 * parallel arrays of keys and items. Past 2^21 items, low key bits are dropped: a merged bucket
 * only adds candidates, which the caller verifies anyway.
 */
export function forEachBucket(keys: ArrayLike<number>, items: ArrayLike<number>, bucket: (items: number[]) => void): void {
  let maxItem = 0;
  for (let e = 0; e < items.length; e++) if (items[e]! > maxItem) maxItem = items[e]!;
  const itemBits = Math.max(ITEM_BITS, Math.ceil(Math.log2(maxItem + 1)));
  const keyShift = itemBits - ITEM_BITS;
  const scale = 2 ** itemBits;
  const packed = new Float64Array(keys.length);
  for (let e = 0; e < keys.length; e++) packed[e] = (keys[e]! >>> keyShift) * scale + items[e]!;
  packed.sort();
  let start = 0;
  while (start < packed.length) {
    const key = Math.floor(packed[start]! / scale);
    let end = start + 1;
    while (end < packed.length && Math.floor(packed[end]! / scale) === key) end++;
    if (end - start > 1) {
      const members: number[] = [];
      for (let e = start; e < end; e++) members.push(packed[e]! - key * scale);
      bucket(members);
    }
    start = end;
  }
}

// Refusing a document that the analysis would not fit in memory, with a message, before V8 dies of
// it ("JavaScript heap out of memory", no message, the whole run lost). What a document costs grows
// with its characters and, far more, with its paragraphs (each holds its outline entries, words and
// findings): measured on 20 MB inputs (issue 23), about 90 bytes a character and 4 KB a paragraph at
// most, over `check` and `extract` (a report of long paragraphs: 650–870 MB for 7.3 million
// characters in 64,000 paragraphs; one line a paragraph: over 4 GB for 10 million characters in 1.1
// million). The estimate is compared with what the heap may still grow to.
import { getHeapStatistics } from 'node:v8';

const BYTES_PER_CHARACTER = 90;
const BYTES_PER_PARAGRAPH = 4096;

/** What the analysis of a document of this size is expected to need, in bytes. */
export function analysisMemory(characters: number, paragraphs: number): number {
  return characters * BYTES_PER_CHARACTER + paragraphs * BYTES_PER_PARAGRAPH;
}

/** Why the document is refused (for ReadError: "too large to analyse …"), or null when it fits. */
export function memoryRefusal(characters: number, paragraphs: number, heap = getHeapStatistics()): string | null {
  const needed = analysisMemory(characters, paragraphs);
  const available = heap.heap_size_limit - heap.used_heap_size;
  if (needed <= available) return null;
  const mb = (bytes: number) => Math.ceil(bytes / 1024 / 1024);
  const suggested = Math.ceil((mb(needed) + mb(heap.used_heap_size) + 512) / 1024) * 1024;
  return `too large to analyse in the memory this process may use (${paragraphs} paragraphs, ${(characters / 1e6).toFixed(1)} million characters need about ${mb(needed)} MB; ${mb(available)} MB are free): split the file, or run with NODE_OPTIONS=--max-old-space-size=${suggested}`;
}

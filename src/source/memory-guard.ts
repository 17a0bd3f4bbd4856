// Refusing a document that the analysis would not fit in memory, with a message, before V8 dies of
// it ("JavaScript heap out of memory", no message, the whole run lost). What a document costs grows
// with its characters and, far more, with its paragraphs (each holds its outline entries, words and
// findings): measured on 20 MB inputs (issue 23), about 90 bytes a character and 4 KB a paragraph at
// most, over `check` and `extract` (a report of long paragraphs: 650–870 MB for 7.3 million
// characters in 64,000 paragraphs; one line a paragraph: over 4 GB for 10 million characters in 1.1
// million). The estimate is compared with what the heap may still grow to.
import { getHeapStatistics } from 'node:v8';

//
// A run that reads only the outline and the characters (placeholders alone, `outline`, `normalize`)
// segments nothing and finds little: a 100 MB file of 36 million characters in 1.2 million lines
// took 490 MB (extract --only placeholders); 'outline' costs, 20 bytes a character and 200 a
// paragraph, leave twice that.
const COSTS = {
  analysis: { character: 90, paragraph: 4096 },
  outline: { character: 20, paragraph: 200 },
} as const;

/** How much a run does with each document: the whole analysis, or its outline and characters only. */
export type MemoryProfile = keyof typeof COSTS;

/** What the analysis of a document of this size is expected to need, in bytes. */
export function analysisMemory(characters: number, paragraphs: number, profile: MemoryProfile = 'analysis'): number {
  return characters * COSTS[profile].character + paragraphs * COSTS[profile].paragraph;
}

/** Why the document is refused (for ReadError: "too large to analyse …"), or null when it fits. */
// The heap's limits as getHeapStatistics gives them (a structural type: public typings name no Node module).
interface HeapLimits {
  heap_size_limit: number;
  used_heap_size: number;
}

export function memoryRefusal(characters: number, paragraphs: number, heap: HeapLimits = getHeapStatistics(), profile: MemoryProfile = 'analysis'): string | null {
  const needed = analysisMemory(characters, paragraphs, profile);
  const available = heap.heap_size_limit - heap.used_heap_size;
  if (needed <= available) return null;
  const mb = (bytes: number) => Math.ceil(bytes / 1024 / 1024);
  const suggested = Math.ceil((mb(needed) + mb(heap.used_heap_size) + 512) / 1024) * 1024;
  return `too large to analyse in the memory this process may use (${paragraphs} paragraphs, ${(characters / 1e6).toFixed(1)} million characters need about ${mb(needed)} MB; ${mb(available)} MB are free): split the file, or run with NODE_OPTIONS=--max-old-space-size=${suggested}`;
}

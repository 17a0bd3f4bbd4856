// Documents handed on a batch at a time, so that a batch's cuts are made together (segment/cut-store.ts):
// batches of 50 documents ran as fast as batches of 200 on the bench archive and hold less; the
// characters bound the memory a batch of long documents holds.
import { loadSource, loadSourceBytes, type LoadOptions } from './load.js';
import type { SourceCode } from './source-code.js';

export const BATCH = { documents: 50, chars: 250_000 };

/**
 * `inputs` loaded in order by `load` and handed on a batch at a time: up to BATCH.documents
 * items, or fewer whose `size` (characters held) reaches BATCH.chars.
 */
export async function* inBatches<I, T>(inputs: Iterable<I>, load: (input: I) => Promise<T>, size: (item: T) => number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  let chars = 0;
  for (const input of inputs) {
    const item = await load(input);
    batch.push(item);
    chars += size(item);
    if (batch.length >= BATCH.documents || chars >= BATCH.chars) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length) yield batch;
}


/** What to read: a path on disk (or "-" for stdin), or bytes from elsewhere (the git index) under a path. */
export interface Input {
  path: string;
  bytes?: Uint8Array;
}

/** One input as the loop hands it on: its SourceCode, or what a `shortcut` made instead (a cached result), or why it failed. */
export interface LoadedInput<T> {
  input: Input;
  source?: SourceCode;
  shortcut?: T;
  error?: unknown;
}

export interface LoadLoopOptions<T> {
  load?: LoadOptions;
  /** Called with each batch's sources before any is handed on: plan and make the batch's cuts. */
  prepare?: (sources: SourceCode[]) => void;
  /** May answer for an input without loading it (a cached lint result); gets the bytes if it read them. */
  shortcut?: (input: Input) => Promise<{ value?: T; bytes?: Uint8Array }>;
}

/**
 * The one loop that reads inputs into SourceCodes, a batch at a time, in input order: every command
 * and the facade use it. A file that cannot be read comes back with its error, and the run goes on.
 */
export async function* loadInputs<T = never>(inputs: Iterable<Input>, options: LoadLoopOptions<T> = {}): AsyncGenerator<LoadedInput<T>> {
  const load = async (input: Input): Promise<LoadedInput<T>> => {
    try {
      let bytes = input.bytes;
      if (options.shortcut) {
        const answer = await options.shortcut(input);
        if (answer.value !== undefined) return { input, shortcut: answer.value };
        bytes ??= answer.bytes;
      }
      const source = bytes ? await loadSourceBytes(input.path, bytes, options.load) : await loadSource(input.path, options.load);
      return { input, source };
    } catch (error) {
      return { input, error };
    }
  };
  for await (const batch of inBatches(inputs, load, (item) => item.source?.normalized.text.length ?? 0)) {
    const sources = batch.flatMap((item) => (item.source ? [item.source] : []));
    if (sources.length) options.prepare?.(sources);
    yield* batch;
  }
}

// The one loop that reads inputs into SourceCodes, in input order, one at a time (memory holds one
// document): every command and the facade use it.
import { loadSource, loadSourceBytes, type LoadOptions } from './load.js';
import type { SourceCode } from './source-code.js';

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
  /** May answer for an input without loading it (a cached lint result); gets the bytes if it read them. */
  shortcut?: (input: Input) => Promise<{ value?: T; bytes?: Uint8Array }>;
}

/** Each input read into a SourceCode, in order; a file that cannot be read comes back with its error, and the run goes on. */
export async function* loadInputs<T = never>(inputs: Iterable<Input>, options: LoadLoopOptions<T> = {}): AsyncGenerator<LoadedInput<T>> {
  for (const input of inputs) yield await loadInput(input, options);
}

async function loadInput<T>(input: Input, options: LoadLoopOptions<T>): Promise<LoadedInput<T>> {
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
}

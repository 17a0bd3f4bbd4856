// What every command shares: input collection, per-file errors that never stop the run, exit codes.
import { collectInputs } from '../io/index.js';
import { inBatches, loadDocument, type LoadedDocument, type LoadOptions } from '../analyse.js';

/** Exit statuses, as in DESIGN.md: 0 fine, 1 problems found (or files failed), 2 the run failed. */
export const EXIT = { ok: 0, problems: 1, fatal: 2 } as const;

/** The status the last command action reported; main() returns it. */
export const runState = { status: EXIT.ok as number };

/** Wrap a command action that resolves to an exit status (commander ignores return values). */
export function withStatus<A extends unknown[]>(action: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    runState.status = await action(...args);
  };
}

/** An error that ends the run with exit status 2 and a one-line message. */
export class UsageError extends Error {}

export interface FileFailure {
  file: string;
  error: string;
}

export function reportFailure(failure: FileFailure): void {
  process.stderr.write(`zongjie: ${failure.error.startsWith(failure.file) ? failure.error : `${failure.file}: ${failure.error}`}\n`);
}

/**
 * Load every input as a Document, in order, calling `each` as each one is ready. A file that
 * cannot be read or decoded is reported on stderr and the others go on.
 */
export async function forEachDocument(
  args: string[],
  options: LoadOptions & { extensions?: string[]; prepare?: (docs: LoadedDocument[]) => void },
  each: (doc: LoadedDocument, index: number, total: number) => void | Promise<void>,
): Promise<{ files: number; failed: FileFailure[] }> {
  if (args.length === 0) throw new UsageError('no input: give files, directories, globs or - for stdin');
  const { files, errors } = await collectInputs(args, options.extensions ? { extensions: options.extensions } : {});
  const failed: FileFailure[] = [...errors];
  errors.forEach(reportFailure);
  if (files.length === 0) throw new UsageError(`no input files found in: ${args.join(' ')}`);
  const load = async (index: number) => {
    const file = files[index]!;
    try {
      return { index, doc: await loadDocument(file, options) };
    } catch (error) {
      return { index, failure: { file, error: error instanceof Error ? error.message : String(error) } };
    }
  };
  // With `prepare` (prefetchWords), documents come a batch at a time and the batch is prepared first.
  const batches = options.prepare
    ? inBatches(files.keys(), load, (item) => item.doc?.normalized.text.length ?? 0)
    : (async function* () {
        for (const index of files.keys()) yield [await load(index)];
      })();
  for await (const batch of batches) {
    const docs = batch.flatMap((item) => (item.doc ? [item.doc] : []));
    if (docs.length) options.prepare?.(docs);
    for (const { index, doc, failure } of batch) {
      if (failure) {
        failed.push(failure);
        reportFailure(failure);
      } else await each(doc!, index, files.length);
    }
  }
  return { files: files.length, failed };
}

/** The options every file-reading command shares. */
export function loadOptions(opts: { encoding?: string; stdinFilename?: string }): LoadOptions {
  return {
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.stdinFilename ? { stdinFilename: opts.stdinFilename } : {}),
  };
}

/** Commander collects repeatable/comma lists as strings. */
export function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

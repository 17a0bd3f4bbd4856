// Where a command may write: never over one of its inputs, nor into a folder it is reading (a
// `stats --out` folder inside the archive overwrote a report named stats.md, and its outputs would be
// read as reports by the next run), unless the user asks for it (--force).
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** Where an output would land among the inputs: over an input file, or inside a folder being read. */
export interface OutputClash {
  output: string;
  input: string;
  kind: 'file' | 'folder';
}

/** The folder a glob searches ("reports/**\/*.md" → "reports"); a plain path as it is. */
export function globBase(pattern: string): string {
  const magic = pattern.search(/[*?[{]/);
  if (magic < 0) return pattern;
  const slash = pattern.lastIndexOf('/', magic);
  return slash < 0 ? '.' : pattern.slice(0, slash) || '/';
}

/** The real path of `path` (links resolved), for a path that may not exist yet: its nearest existing parent, resolved, and the rest. */
export function realPathOf(path: string, cwd = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const rest: string[] = [];
  for (let at = absolute; ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...rest.reverse());
    } catch {
      if (dirname(at) === at) return absolute;
      rest.push(basename(at));
    }
  }
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The first output among `outputs` that lands on an input (a file argument) or, when
 * `intoFolder(output)` says so, inside a folder argument or a glob's folder; null when none does.
 * "-" (stdin) is no input on disk.
 */
export function findOutputClash(outputs: readonly string[], inputs: readonly string[], options: { cwd?: string; intoFolder?: (output: string) => boolean } = {}): OutputClash | null {
  const cwd = options.cwd ?? process.cwd();
  const intoFolder = options.intoFolder ?? (() => true);
  for (const input of inputs) {
    if (input === '-') continue;
    const base = realPathOf(globBase(input), cwd);
    let folder: boolean;
    try {
      folder = statSync(base).isDirectory();
    } catch {
      continue; // nothing there: nothing to overwrite
    }
    for (const output of outputs) {
      const target = realPathOf(output, cwd);
      if (folder ? intoFolder(output) && inside(target, base) : target === base) return { output, input, kind: folder ? 'folder' : 'file' };
    }
  }
  return null;
}

// Turning command-line arguments (files, directories, globs, "-") into the list of files to read.
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { describeFsError } from './read.js';

export interface InputError {
  file: string;
  error: string;
}

export interface CollectOptions {
  /** Extensions taken when walking a directory (".txt" or "txt"); replaces the default list. */
  extensions?: string[];
  /**
   * Glob patterns, as in .gitignore: without a slash they match a file or directory name at any
   * depth, with one the path relative to cwd; an ignored directory is not walked.
   */
  ignore?: string[];
  cwd?: string;
}

// Word documents (.docx) too; a legacy .doc only when named (it gets a message saying to save it as .docx).
export const DEFAULT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.docx'];

/**
 * A folder's own documentation (README.md, CHANGELOG.md) is not one of its reports: skipped when
 * walking a directory, read when named explicitly.
 */
function isFolderDocumentation(path: string): boolean {
  return /^(readme|changelog|license|contributing)(\.[a-z]+)?$/i.test(basename(path));
}

/** The lock file Word and WPS keep beside an open document (~$报告.docx): not a document. */
function isOfficeLockFile(path: string): boolean {
  return basename(path).startsWith('~$');
}

/** Directories never walked into: version control, editor state, dependencies. */
function isSkippedDirectory(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function normaliseExtension(extension: string): string {
  const lower = extension.trim().toLowerCase();
  return lower.startsWith('.') ? lower : `.${lower}`;
}

// Code-unit order rather than localeCompare: the same on every machine, whatever the locale.
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Ignore patterns with .gitignore's reading: a pattern without a slash ("*.bak", "drafts") matches
 * a name at any depth, one with a slash matches the path from cwd; a path is ignored when it or any
 * directory above it matches, so a file named explicitly inside an ignored directory is ignored too.
 */
function ignoreMatcher(patterns: string[], relativePath: (path: string) => string): (path: string) => boolean {
  const cleaned = patterns.map((p) => p.trim().replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '')).filter((p) => p !== '');
  if (cleaned.length === 0) return () => false;
  const byName = cleaned.filter((p) => !p.includes('/'));
  const byPath = cleaned.filter((p) => p.includes('/'));
  // Two matchers, because picomatch's basename option does not combine with patterns that contain a slash.
  const matchName = byName.length > 0 ? picomatch(byName, { dot: true }) : () => false;
  const matchPath = byPath.length > 0 ? picomatch(byPath, { dot: true }) : () => false;
  return (path) => {
    const segments = relativePath(path).split('/');
    for (let i = 1; i <= segments.length; i++) {
      if (matchName(segments[i - 1]!) || matchPath(segments.slice(0, i).join('/'))) return true;
    }
    return false;
  };
}

class Collector {
  readonly files: string[] = [];
  readonly errors: InputError[] = [];
  private readonly seen = new Set<string>();
  /** Real paths of directories already walked: a symlink loop leads back to one of them. */
  private readonly visitedDirectories = new Set<string>();
  private readonly extensions: Set<string>;
  private readonly isIgnored: (path: string) => boolean;

  constructor(
    private readonly cwd: string,
    options: CollectOptions,
  ) {
    this.extensions = new Set((options.extensions ?? DEFAULT_EXTENSIONS).map(normaliseExtension));
    this.isIgnored = ignoreMatcher(options.ignore ?? [], (path) => toPosix(this.shown(path)));
  }

  /** The path to report: relative to cwd when under it, otherwise as given (normalised). */
  shown(path: string): string {
    const rel = relative(this.cwd, resolve(this.cwd, path));
    const underCwd = rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
    return underCwd ? rel : path === '' ? '.' : join(path);
  }

  addFile(path: string): boolean {
    if (this.isIgnored(path)) return false;
    const key = resolve(this.cwd, path);
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    this.files.push(this.shown(path));
    return true;
  }

  addStdin(): void {
    if (this.seen.has('-')) return;
    this.seen.add('-');
    this.files.push('-');
  }

  fail(file: string, error: string): void {
    this.errors.push({ file, error });
  }

  /**
   * Walk a directory depth-first in name order. `accept` decides which files to take (by extension,
   * or by glob); `enter` which subdirectories to walk; `onDirectory` may claim a directory (a glob
   * that names a directory takes its contents, walked as a directory argument would be).
   */
  async walk(
    directory: string,
    visit: {
      accept: (path: string) => boolean;
      enter: (path: string, name: string, depth: number) => boolean;
      onDirectory?: (path: string) => Promise<boolean>;
    },
    depth = 0,
    parentReal?: string,
  ): Promise<number> {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(resolve(this.cwd, directory));
      // A link back to the directory being walked, or to one above it, is a loop even when the
      // walk started below the target (so the target itself is not yet in visitedDirectories).
      if (parentReal !== undefined && (parentReal === real || parentReal.startsWith(real.endsWith(sep) ? real : real + sep))) return 0;
      if (this.visitedDirectories.has(real)) return 0;
      this.visitedDirectories.add(real);
      entries = await readdir(resolve(this.cwd, directory), { withFileTypes: true });
    } catch (error) {
      this.fail(this.shown(directory), describeFsError(error));
      return 0;
    }
    let found = 0;
    for (const entry of entries.sort(byName)) {
      const path = join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: Stats;
        try {
          target = await stat(resolve(this.cwd, path));
        } catch (error) {
          // A dangling link is only worth mentioning if it looks like one of the inputs we want.
          if (visit.accept(path)) this.fail(this.shown(path), `${describeFsError(error)} (broken symbolic link)`);
          continue;
        }
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDirectory) {
        if (this.isIgnored(path)) continue;
        if (visit.onDirectory && (await visit.onDirectory(path))) {
          found++;
          continue;
        }
        if (visit.enter(path, entry.name, depth + 1)) found += await this.walk(path, visit, depth + 1, real);
      } else if (isFile && visit.accept(path)) {
        if (this.addFile(path)) found++;
      }
    }
    return found;
  }

  async walkDirectory(directory: string): Promise<number> {
    return this.walk(directory, {
      accept: (path) => this.extensions.has(extname(path).toLowerCase()) && !isFolderDocumentation(path) && !isOfficeLockFile(path),
      enter: (_path, name) => !isSkippedDirectory(name),
    });
  }

  async expandGlob(pattern: string): Promise<void> {
    const scanned = picomatch.scan(pattern.replace(/^\.\//, ''));
    const base = scanned.base === '' ? '.' : scanned.base;
    const glob = scanned.glob;
    const matches = picomatch(glob);
    // Hidden directories and node_modules are skipped unless the pattern itself goes into them.
    const mentionsHidden = /(^|\/)\.[^/.]/.test(glob);
    const mentionsNodeModules = glob.includes('node_modules');
    // Without ** a pattern cannot match deeper than its own number of segments: stop walking there.
    const maxDepth = glob.includes('**') ? Infinity : glob.split('/').length;
    const relativeToBase = (path: string) => toPosix(relative(resolve(this.cwd, base), resolve(this.cwd, path)));

    let baseStats: Stats | null = null;
    try {
      baseStats = await stat(resolve(this.cwd, base));
    } catch {
      baseStats = null;
    }
    let found = 0;
    if (baseStats?.isDirectory()) {
      found = await this.walk(base, {
        accept: (path) => matches(relativeToBase(path)),
        enter: (_path, name, depth) =>
          depth < maxDepth &&
          (mentionsHidden || !name.startsWith('.')) &&
          (mentionsNodeModules || name !== 'node_modules'),
        onDirectory: async (path) => {
          if (!matches(relativeToBase(path))) return false;
          await this.walkDirectory(path);
          return true;
        },
      });
    }
    if (found === 0) this.fail(pattern, 'no files match the pattern');
  }

  async collect(arg: string): Promise<void> {
    if (arg === '-') {
      this.addStdin();
      return;
    }
    let stats: Stats;
    try {
      stats = await stat(resolve(this.cwd, arg));
    } catch (error) {
      // A name that does not exist but contains * ? [ { is a glob; one that exists is taken literally.
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && picomatch.scan(arg).isGlob) {
        await this.expandGlob(arg);
      } else {
        this.fail(arg, describeFsError(error));
      }
      return;
    }
    if (stats.isDirectory()) {
      if (this.isIgnored(arg)) return;
      await this.walkDirectory(arg);
    } else {
      // Named explicitly: taken whatever its extension (or a pipe such as /dev/fd/63).
      this.addFile(arg);
    }
  }
}

/**
 * Expand arguments into files, in argument order, each directory sorted by name, without
 * duplicates. Problems with one argument (missing, unreadable, a glob matching nothing) are
 * collected in `errors` and the others go on.
 */
export async function collectInputs(
  args: string[],
  options: CollectOptions = {},
): Promise<{ files: string[]; errors: InputError[] }> {
  const collector = new Collector(resolve(options.cwd ?? process.cwd()), options);
  for (const arg of args) await collector.collect(arg);
  return { files: collector.files, errors: collector.errors };
}

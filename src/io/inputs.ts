// Turning command-line arguments (files, directories, globs, "-") into the list of files to read.
// tinyglobby walks directories and expands globs; `ignore` applies ignore lists as git reads .gitignore.
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync, isDynamicPattern, type FileSystemAdapter, type GlobOptions } from 'tinyglobby';
import { describeFsError } from './read.js';

export interface InputError {
  file: string;
  error: string;
}

export interface CollectOptions {
  /** Extensions taken when walking a directory (".txt" or "txt"); replaces the default list. */
  extensions?: string[];
  /**
   * Patterns with .gitignore's syntax and meaning, relative to cwd: without a slash they match a
   * file or directory name at any depth, with one the path from cwd; "dir/" matches directories
   * only; "!" re-includes. A file inside an ignored directory is ignored, even when named explicitly.
   */
  ignore?: string[];
  /** A file of more such patterns, read from cwd when it exists (default `.zongjieignore`); false: none. */
  ignoreFile?: string | false;
  cwd?: string;
}

// Word documents (.docx) too; a legacy .doc only when named (it gets a message saying to save it as .docx).
export const DEFAULT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.docx'];

/** The ignore file read from the current directory, in .gitignore's syntax. */
const IGNORE_FILE = '.zongjieignore';

/** Directories a walk never goes into: version control, editor state (any hidden directory), dependencies. */
const SKIPPED_DIRECTORIES = ['**/.*/**', '**/node_modules/**'];

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

function withSep(path: string): string {
  return path.endsWith(sep) ? path : path + sep;
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

/** Paths in the order of a depth-first walk in name order: compared a directory name at a time. */
function byPathSegments(a: string, b: string): number {
  const x = a.split(/[\\/]/).filter(Boolean);
  const y = b.split(/[\\/]/).filter(Boolean);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/** A link to the directory it is in, or to one above it: walking it would walk its own parent again. */
function leadsBack(directory: string): boolean {
  try {
    return withSep(realpathSync(dirname(directory))).startsWith(withSep(realpathSync(directory)));
  } catch {
    return false;
  }
}

/**
 * The text of the ignore file `name` in `cwd`, or "" when there is none. Any other problem (a file
 * that cannot be read) is thrown: a list that was meant to apply must not be dropped in silence.
 */
export function readIgnoreFile(cwd: string, name: string | false = IGNORE_FILE): string {
  if (name === false) return '';
  try {
    return readFileSync(resolve(cwd, name), 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return '';
    throw error;
  }
}

/**
 * An ignore list with .gitignore's semantics: the config's patterns (a "./" in front, as a YAML
 * list may have it, is dropped: .gitignore has none) followed by the lines of an ignore file.
 */
export function createIgnoreList(patterns: readonly string[], ignoreFileText = ''): Ignore {
  return ignore()
    .add(patterns.map((p) => p.trim().replace(/^\.\//, '')))
    .add(ignoreFileText);
}

/** One thing a crawl met, in walk order: a path (a directory's ends in "/"; a broken link has its error) or a directory it could not read. */
type CrawlEntry = { kind: 'path'; path: string; error: string | undefined } | { kind: 'unreadable'; path: string; error: string };

/** What a crawl found: paths (directories end in "/"), and the problems fdir would have swallowed. */
interface Crawl {
  paths: string[];
  /** Broken symbolic links (absolute path → why): listed among the paths, as files. */
  broken: Map<string, string>;
  /** Directories that could not be read (absolute path → why). */
  unreadable: Map<string, string>;
}

class Collector {
  readonly files: string[] = [];
  readonly errors: InputError[] = [];
  private readonly seen = new Set<string>();
  private readonly failed = new Set<string>();
  /** Real paths of directories walked: a directory reached again (through a link) is walked once. */
  private readonly walked = new Set<string>();
  private readonly extensions: Set<string>;
  private readonly ignored: Ignore;

  constructor(
    private readonly cwd: string,
    options: CollectOptions,
  ) {
    this.extensions = new Set((options.extensions ?? DEFAULT_EXTENSIONS).map(normaliseExtension));
    let ignoreFileText = '';
    try {
      ignoreFileText = readIgnoreFile(cwd, options.ignoreFile);
    } catch (error) {
      this.fail(options.ignoreFile || IGNORE_FILE, describeFsError(error));
    }
    this.ignored = createIgnoreList(options.ignore ?? [], ignoreFileText);
  }

  /** The path to report: relative to cwd when under it, otherwise as given (normalised). */
  shown(path: string): string {
    const rel = relative(this.cwd, resolve(this.cwd, path));
    const underCwd = rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
    return underCwd ? rel : path === '' ? '.' : join(path);
  }

  /**
   * Whether the ignore list drops `path` (a file inside an ignored directory too). A path outside
   * cwd is matched from the root of the file system; cwd itself is never ignored.
   */
  isIgnored(path: string, isDirectory = false): boolean {
    const absolute = resolve(this.cwd, path);
    const rel = relative(this.cwd, absolute);
    if (rel === '') return false;
    const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    const key = toPosix(outside ? absolute : rel).replace(/^([A-Za-z]:)?\/+/, '');
    return key !== '' && this.ignored.ignores(isDirectory ? `${key}/` : key);
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

  /** Record a problem once (a broken link met by a glob and again by a directory walk is one problem). */
  fail(file: string, error: string): void {
    const key = `${file}\0${error}`;
    if (this.failed.has(key)) return;
    this.failed.add(key);
    this.errors.push({ file, error });
  }

  /**
   * tinyglobby over node:fs seen through four changes: a directory's entries come in name order (so
   * the paths come out in the order of a depth-first walk); a symbolic link reads as what it points
   * to, so a linked directory is matched and walked under its link's name like any other, and a
   * broken link reads as a file (its error kept, for the caller to report if it wanted that name); a
   * directory already walked, or one above the start (a loop), reads as empty, so no loop is walked
   * even once; and a directory that cannot be read is kept, where fdir would say nothing.
   */
  private crawl(pattern: string, options: GlobOptions & { cwd: string }, visited: Set<string>): Crawl {
    const found: Crawl = { paths: [], broken: new Map(), unreadable: new Map() };
    let start: string | undefined; // the real path of the directory the crawl starts in (its first read)
    const asTarget = (directory: string, entry: Dirent): Dirent => {
      if (!entry.isSymbolicLink()) return entry;
      const path = join(directory, entry.name);
      let target: Stats | null = null;
      try {
        target = statSync(path);
      } catch (error) {
        found.broken.set(resolve(path), describeFsError(error));
      }
      const isDirectory = target?.isDirectory() ?? false;
      const isFile = target ? target.isFile() : true;
      return { name: entry.name, isDirectory: () => isDirectory, isFile: () => isFile, isSymbolicLink: () => false } as Dirent;
    };
    const readDirectory = (path: string): Dirent[] => {
      try {
        const real = realpathSync(path);
        if (start === undefined) start = withSep(real);
        else if (start.startsWith(withSep(real))) return []; // the start or a directory above it: a loop
        if (visited.has(real)) return [];
        visited.add(real);
        return readdirSync(path, { withFileTypes: true })
          .sort(byName)
          .map((entry) => asTarget(path, entry));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A missing start is the caller's concern (a glob with no such directory); one gone mid-walk, nobody's.
        if (code !== 'ENOENT') found.unreadable.set(resolve(path), describeFsError(error));
        return [];
      }
    };
    const fs: FileSystemAdapter = { readdirSync: readDirectory as unknown as typeof readdirSync };
    // The synchronous crawl, so that entries are met in name order and "walked once" keeps the first.
    found.paths = globSync(pattern, { ...options, fs }).sort(byPathSegments);
    return found;
  }

  /** Take the files of a directory (by extension, not its documentation); returns how many. */
  walkDirectory(directory: string): number {
    const root = resolve(this.cwd, directory);
    const crawl = this.crawl('**', { cwd: root, dot: true, ignore: SKIPPED_DIRECTORIES }, this.walked);
    const entries: CrawlEntry[] = [
      ...crawl.paths.map((rel): CrawlEntry => ({ kind: 'path', path: join(directory, rel), error: crawl.broken.size ? crawl.broken.get(resolve(root, rel)) : undefined })),
      ...[...crawl.unreadable].map(([path, error]): CrawlEntry => ({ kind: 'unreadable', path: join(directory, relative(root, path)), error })),
    ].sort((a, b) => byPathSegments(a.path, b.path));
    let found = 0;
    for (const entry of entries) {
      if (entry.kind === 'unreadable') {
        if (!this.isIgnored(entry.path, true)) this.fail(this.shown(entry.path), entry.error);
      } else if (this.extensions.has(extname(entry.path).toLowerCase()) && !isFolderDocumentation(entry.path) && !isOfficeLockFile(entry.path)) {
        if (entry.error === undefined) {
          if (this.addFile(entry.path)) found++;
        } else if (!this.isIgnored(entry.path)) {
          // A dangling link is only worth mentioning if it looks like one of the inputs we want.
          this.fail(this.shown(entry.path), `${entry.error} (broken symbolic link)`);
        }
      }
    }
    return found;
  }

  /**
   * Files matching a glob, in walk order. Hidden directories and node_modules are skipped unless the
   * pattern goes into them; a directory the glob matches is taken as a directory argument would be.
   * Returns how many matches were taken (0: the caller reports that nothing matched).
   */
  expandGlob(pattern: string): number {
    const crawl = this.crawl(
      pattern,
      {
        cwd: this.cwd,
        // Paths as given: relative for a relative pattern (even one that goes up), absolute for an absolute one.
        absolute: isAbsolute(pattern),
        onlyFiles: false,
        expandDirectories: false,
        // A pattern that names a hidden directory (".drafts/*.md", "**/.drafts/*.md") may go into hidden
        // directories: with dot off, tinyglobby's "**" would never reach ".drafts".
        dot: /(^|\/)\.[^/.]/.test(pattern),
        ignore: pattern.includes('node_modules') ? [] : ['**/node_modules/**'],
      },
      new Set(),
    );
    // The directory the pattern starts in ("sub" of "sub/**", where "**" may match nothing) is not
    // one of its matches, nor a directory above it.
    const segments = pattern.split(/[\\/]/);
    let fixed = 0;
    while (fixed < segments.length - 1 && !isDynamicPattern(segments[fixed]!)) fixed++;
    const base = resolve(this.cwd, segments.slice(0, fixed).join('/') || '.');
    const entries: CrawlEntry[] = [
      ...crawl.paths.map((path): CrawlEntry => ({ kind: 'path', path, error: crawl.broken.size ? crawl.broken.get(resolve(this.cwd, path)) : undefined })),
      ...[...crawl.unreadable].map(([path, error]): CrawlEntry => ({ kind: 'unreadable', path, error })),
    ].sort((a, b) => byPathSegments(a.path, b.path));
    let found = 0;
    let claimed: string | null = null; // the matched directory being taken whole: its contents are its walk's
    for (const entry of entries) {
      const path = entry.path.replace(/[\\/]$/, '');
      const absolute = resolve(this.cwd, path);
      if (claimed !== null && (absolute === claimed || absolute.startsWith(claimed + sep))) continue;
      if (entry.kind === 'unreadable') {
        if (!this.isIgnored(path, true)) this.fail(this.shown(path), entry.error);
      } else if (entry.path !== path) {
        if (absolute === base || base.startsWith(absolute + sep) || this.isIgnored(path, true) || leadsBack(absolute)) continue;
        claimed = absolute;
        this.walkDirectory(path);
        found++;
      } else if (/[\\/]$/.test(pattern)) {
        // "*/": directories only, as in a shell (tinyglobby drops the slash and would take files too).
      } else if (entry.error !== undefined) {
        if (!this.isIgnored(path)) this.fail(this.shown(path), `${entry.error} (broken symbolic link)`);
      } else if (this.addFile(path)) {
        found++;
      }
    }
    return found;
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
      // A name that does not exist but contains * ? [ { is a glob; one that exists is taken literally
      // (and "!name" is a missing file, not a negated pattern).
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && isDynamicPattern(arg) && !arg.startsWith('!')) {
        if (this.expandGlob(arg) === 0) this.fail(arg, 'no files match the pattern');
      } else {
        this.fail(arg, describeFsError(error));
      }
      return;
    }
    if (stats.isDirectory()) {
      if (!this.isIgnored(arg, true)) this.walkDirectory(arg);
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

// A whole lint run over many inputs, for the CLI and the library: configuration once, each file
// read, analysed and checked in turn; a file that cannot be read is a failure and the run goes on.
import ignore from 'ignore';
import { collectInputs, createIgnoreList, describeFsError, readIgnoreFile } from '../io/index.js';
import { stagedFiles } from '../io/git.js';
import { readInputBytes, ReadError } from '../io/read.js';
import { loadInputs, type Input } from '../source/batch.js';
import type { LoadOptions } from '../source/load.js';
import type { SourceCode } from '../source/source-code.js';
import { checkRegistry, type Lang } from '../rules/index.js';
import { loadLexicon } from '../config/lexicon.js';
import { resolveConfig, type ConfigRequest, type ResolvedConfig } from '../config/config.js';
import { lintDocument } from './engine.js';
import { LintCache, type CacheWarning } from './cache.js';
import type { ChineseScript } from '../text/messages.js';
import { ReferenceIndex } from '../rules/reuse/index.js';
import type { LintFailure, LintResult } from './types.js';

export interface LintRunOptions extends LoadOptions, ConfigRequest {
  lang?: Lang;
  /** The characters of Chinese messages; unset: each draft's own. */
  script?: ChineseScript;
  /** Report errors only. */
  quiet?: boolean;
  /** Reuse results of unchanged files (not with fixes: they need the document). */
  cache?: LintCache | ((config: ResolvedConfig) => LintCache);
  /** false: each result goes to the callback only and `results` stays empty, so a run over a large archive holds one file's results at a time. */
  keepResults?: boolean;
  /** Earlier reports (files, folders, globs) to check the drafts against: reused-text and stale-year. */
  against?: string[];
}

/** `--against` named nothing that could be read: the run cannot do what was asked. */
export class AgainstError extends Error {
  override name = 'AgainstError';
  constructor(readonly paths: string[]) {
    super(`--against: no readable reports in ${paths.join(' ')}`);
  }
}

/**
 * The earlier reports of `against`, read and indexed once for the whole run (each document is
 * dropped once indexed). A file that cannot be read is a failure of the run, which goes on.
 */
export async function loadReference(against: string[], options: LintRunOptions, failures: LintFailure[]): Promise<ReferenceIndex> {
  const index = new ReferenceIndex(options.cwd);
  const { files, errors } = await collectInputs(against, options.cwd ? { cwd: options.cwd } : {});
  for (const e of errors) failures.push({ file: e.file, error: e.error });
  for await (const item of loadInputs(files.map((path) => ({ path })), { load: { ...(options.from ? { from: options.from } : {}) } })) {
    if (item.source) index.add(item.source);
    else {
      const message = item.error instanceof Error ? item.error.message : String(item.error);
      failures.push({ file: item.input.path, error: message.startsWith(`${item.input.path}: `) ? message.slice(item.input.path.length + 2) : message });
    }
  }
  if (index.files.length === 0) throw new AgainstError(against);
  return index;
}

export interface LintRun {
  config: ResolvedConfig;
  results: LintResult[];
  failures: LintFailure[];
  files: number;
  /** What went wrong with the cache (--cache), which the run went on without. */
  cacheWarnings: CacheWarning[];
}

/** What to lint: a path on disk, or bytes from elsewhere (the git index) under a path. */
export type LintSource = Input;

type Each = (result: LintResult, doc: SourceCode | null) => void | Promise<void>;

export function loadLintConfig(options: ConfigRequest): ResolvedConfig {
  return resolveConfig(options, checkRegistry());
}

export async function lintPaths(paths: string[], options: LintRunOptions, each?: Each): Promise<LintRun> {
  const config = loadLintConfig(options);
  const { files, errors } = await collectInputs(paths, { ignore: config.ignore, ...(options.cwd ? { cwd: options.cwd } : {}) });
  return lintSources(files.map((path) => ({ path })), config, options, each, errors);
}

/**
 * The config's `files` patterns, read as .gitignore lines are ("*.md": Markdown at any depth, as
 * the default "**" patterns are; "reports/*.md": under reports/ only). A path through a hidden
 * directory, or a hidden file, only when a pattern names one: .github/ISSUE_TEMPLATE/ holds no reports.
 */
function filesMatcher(patterns: readonly string[]): (path: string) => boolean {
  const list = ignore().add([...patterns]);
  const namesHidden = patterns.some((p) => /(^|\/)\.[^/.]/.test(p));
  return (path) => (namesHidden || !/(^|\/)\./.test(path)) && list.ignores(path);
}

/** The files staged in git that match the config's `files` patterns and not its `ignore` or the .zongjieignore in cwd. */
export async function lintStaged(options: LintRunOptions, each?: Each): Promise<LintRun> {
  const config = loadLintConfig(options);
  const cwd = options.cwd ?? process.cwd();
  const wanted = filesMatcher(config.files);
  const ignored = createIgnoreList(config.ignore, readIgnoreFile(cwd));
  const staged = await stagedFiles(cwd, (p) => wanted(p) && !ignored.ignores(p));
  return lintSources(staged, config, options, each);
}

export async function lintSources(sources: LintSource[], config: ResolvedConfig, options: LintRunOptions, each?: Each, failures: LintFailure[] = []): Promise<LintRun> {
  const lexicon = loadLexicon();
  const reference = options.against?.length ? await loadReference(options.against, options, failures) : null;
  const cache = typeof options.cache === 'function' ? options.cache(config) : options.cache;
  const results: LintResult[] = [];
  // A file's cached result answers for it without loading; the cache key needs the file's bytes.
  const shortcut = cache
    ? async (input: Input): Promise<{ value?: { result: LintResult }; bytes?: Uint8Array }> => {
        let bytes = input.bytes;
        if (!bytes && input.path !== '-') {
          try {
            bytes = await readInputBytes(input.path);
          } catch (error) {
            if (error instanceof ReadError) throw error;
            throw new Error(`${input.path}: ${describeFsError(error)}`);
          }
        }
        if (!bytes) return {};
        const key = LintCache.key(bytes);
        const result = cache.get(input.path, key);
        keys.set(input, key);
        return result ? { value: { result } } : { bytes };
      }
    : undefined;
  const keys = new Map<Input, string>();
  for await (const item of loadInputs(sources, { load: options, ...(shortcut ? { shortcut } : {}) })) {
    const { input, source: doc } = item;
    let result = item.shortcut?.result;
    try {
      if (item.error !== undefined) throw item.error;
      if (!result) {
        result = lintDocument(doc!, config, { lexicon, reference, ...(options.lang ? { lang: options.lang } : {}), ...(options.script ? { script: options.script } : {}) });
        // A Word document's lines are paragraphs: outputs say so (DESIGN.md).
        if (doc!.file.positions) result.positions = doc!.file.positions;
        const key = keys.get(input);
        if (key) cache!.set(key, result);
      }
    } catch (error) {
      // Read errors already start with the path; the failure names the file once ("bin.txt: bin.txt: …" otherwise).
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ file: input.path, error: message.startsWith(`${input.path}: `) ? message.slice(input.path.length + 2) : message });
      continue;
    } finally {
      keys.delete(input);
    }
    if (options.quiet) result = quietResult(result);
    if (options.keepResults !== false) results.push(result);
    await each?.(result, doc ?? null);
  }
  cache?.save();
  return { config, results, failures, files: sources.length, cacheWarnings: cache ? cache.warnings : [] };
}

/** Errors only (--quiet). */
export function quietResult(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 'error');
  return { ...result, messages, warningCount: 0, infoCount: 0, fixableCount: messages.filter((m) => m.fix).length };
}

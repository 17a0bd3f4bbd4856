// A whole lint run over many inputs, for the CLI and the library: configuration once, each file
// read, analysed and checked in turn; a file that cannot be read is a failure and the run goes on.
import { readFile } from 'node:fs/promises';
import picomatch from 'picomatch';
import { collectInputs, describeFsError } from '../io/index.js';
import { stagedFiles } from '../io/git.js';
import { inBatches, loadDocument, loadDocumentBytes, type LoadOptions, type LoadedDocument } from '../analyse.js';
import { prefetchWords } from '../extract/index.js';
import { checkRegistry, type Lang } from '../rules/index.js';
import { loadLexicon } from '../config/lexicon.js';
import { resolveConfig, type ConfigRequest, type ResolvedConfig } from '../config/config.js';
import { lintDocument, lintExtracts, lintWordNeeds } from './engine.js';
import { LintCache } from './cache.js';
import type { LintFailure, LintResult } from './types.js';

export interface LintRunOptions extends LoadOptions, ConfigRequest {
  lang?: Lang;
  /** Report errors only. */
  quiet?: boolean;
  /** Reuse results of unchanged files (not with fixes: they need the document). */
  cache?: LintCache | ((config: ResolvedConfig) => LintCache);
  /** false: each result goes to the callback only and `results` stays empty, so a run over a large archive holds one file's results at a time. */
  keepResults?: boolean;
}

export interface LintRun {
  config: ResolvedConfig;
  results: LintResult[];
  failures: LintFailure[];
  files: number;
}

/** What to lint: a path on disk, or bytes from elsewhere (the git index) under a path. */
export interface LintSource {
  path: string;
  bytes?: Buffer;
}

type Each = (result: LintResult, doc: LoadedDocument | null) => void | Promise<void>;

export function loadLintConfig(options: ConfigRequest): ResolvedConfig {
  return resolveConfig(options, checkRegistry());
}

export async function lintPaths(paths: string[], options: LintRunOptions, each?: Each): Promise<LintRun> {
  const config = loadLintConfig(options);
  const { files, errors } = await collectInputs(paths, { ignore: config.ignore, ...(options.cwd ? { cwd: options.cwd } : {}) });
  return lintSources(files.map((path) => ({ path })), config, options, each, errors);
}

/** The files staged in git that match the config's `files` patterns and not its `ignore`. */
export async function lintStaged(options: LintRunOptions, each?: Each): Promise<LintRun> {
  const config = loadLintConfig(options);
  const wanted = picomatch(config.files, { dot: false });
  const ignored = config.ignore.length ? picomatch(config.ignore) : () => false;
  const staged = await stagedFiles(options.cwd ?? process.cwd(), (p) => wanted(p) && !ignored(p));
  return lintSources(staged, config, options, each);
}

export async function lintSources(sources: LintSource[], config: ResolvedConfig, options: LintRunOptions, each?: Each, failures: LintFailure[] = []): Promise<LintRun> {
  const lexicon = loadLexicon();
  const cache = typeof options.cache === 'function' ? options.cache(config) : options.cache;
  const extracts = lintExtracts(config);
  const alsoCut = lintWordNeeds(config);
  const results: LintResult[] = [];
  // A file's cached result, or its document to check (and its cache key), or why it cannot be read.
  const load = async (source: LintSource): Promise<{ source: LintSource; result?: LintResult; doc?: LoadedDocument; key?: string | null; error?: unknown }> => {
    try {
      let bytes = source.bytes;
      if (!bytes && cache && source.path !== '-') {
        try {
          bytes = await readFile(source.path);
        } catch (error) {
          throw new Error(`${source.path}: ${describeFsError(error)}`);
        }
      }
      const key = bytes && cache ? LintCache.key(bytes) : null;
      const result = key ? cache!.get(source.path, key) : undefined;
      if (result) return { source, result };
      const doc = bytes ? await loadDocumentBytes(source.path, bytes, options) : await loadDocument(source.path, options);
      return { source, doc, key };
    } catch (error) {
      return { source, error };
    }
  };
  // Documents a batch at a time, the batch's cuts made together (extract/prefetch.ts).
  for await (const batch of inBatches(sources, load, (item) => item.doc?.normalized.text.length ?? 0)) {
    const docs = batch.flatMap((item) => (item.doc ? [item.doc] : []));
    // Checks read few figures' subjects (figure-consistency, for a share over 100%): those are cut when read.
    if (docs.length) prefetchWords(docs, { lexicon, only: extracts, subjects: false, ...(alsoCut ? { alsoCut } : {}) });
    for (const item of batch) {
      const { source, doc } = item;
      let result = item.result;
      try {
        if (item.error !== undefined) throw item.error;
        if (!result) {
          result = lintDocument(doc!, config, { lexicon, ...(options.lang ? { lang: options.lang } : {}) });
          // A Word document's lines are paragraphs: outputs say so (DESIGN.md).
          if (doc!.source.positions) result.positions = doc!.source.positions;
          if (item.key) cache!.set(item.key, result);
        }
      } catch (error) {
        // Read errors already start with the path; the failure names the file once ("bin.txt: bin.txt: …" otherwise).
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ file: source.path, error: message.startsWith(`${source.path}: `) ? message.slice(source.path.length + 2) : message });
        continue;
      }
      if (options.quiet) result = quietResult(result);
      if (options.keepResults !== false) results.push(result);
      await each?.(result, doc ?? null);
    }
  }
  cache?.save();
  return { config, results, failures, files: sources.length };
}

/** Errors only (--quiet). */
export function quietResult(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 'error');
  return { ...result, messages, warningCount: 0, infoCount: 0, fixableCount: messages.filter((m) => m.fix).length };
}

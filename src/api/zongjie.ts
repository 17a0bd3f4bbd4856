// The facade, in the manner of ESLint's ESLint class: one object holds a run's options and
// configuration, and lints, extracts and computes statistics over files, text or a draft's bytes.
// The CLI, the editors' page and library users all go through it; the CLI only parses and prints.
import { collectInputs, type InputError } from '../io/index.js';
import { loadLexicon, type Lexicon } from '../config/lexicon.js';
import type { ResolvedConfig } from '../config/config.js';
import { extractDocument, EXTRACT_KINDS, type Extraction, type ExtractKind } from '../extract/index.js';
import { lintDocument } from '../lint/engine.js';
import { DEFAULT_CACHE_LOCATION, LintCache } from '../lint/cache.js';
import { lintPaths, lintSources, lintStaged, loadLintConfig, type LintRun, type LintRunOptions } from '../lint/run.js';
import type { LintFailure, LintResult } from '../lint/types.js';
import { streamLintResults, type LintFormat, type LintRuleInfo, type LintStream } from '../report/lint-formats.js';
import { CHECKS, type Lang } from '../rules/index.js';
import type { ChineseScript } from '../text/messages.js';
import { loadInputs, type Input } from '../source/batch.js';
import { loadSourceBytes, type LoadOptions } from '../source/load.js';
import { outlineTree, type OutlineNode } from '../source/outline-tree.js';
import type { SourceCode } from '../source/source-code.js';
import type { StatsResult } from '../batch/types.js';
import type { StatsRunOptions } from '../batch/run.js';
import { attachFixes, outputFixes } from './fixes.js';
import { version } from '../config/version.js';

export { fixDiff, fixesOf, type FixedFile } from './fixes.js';

export interface ZongjieOptions extends LoadOptions {
  /** Where relative paths and .zongjierc.yml are looked up from (default: the current directory). */
  cwd?: string;
  /** A config file to use instead of the nearest .zongjierc.yml. */
  configFile?: string;
  /** A preset (recommended, union-annual …) to use instead of a config file. */
  preset?: string;
  /** Language of messages (default zh). */
  lang?: Lang;
  /** The characters of Chinese messages; unset: each draft's own (traditional for a traditional draft). */
  script?: ChineseScript;
  /** Report errors only. */
  quiet?: boolean;
  /** Work out fixes: each fixable text result then carries them for `Zongjie.outputFixes`. */
  fix?: boolean;
  /** Reuse lint results of unchanged files from this cache file (true: DEFAULT_CACHE_LOCATION). Not with `fix` or `against`. */
  cache?: boolean | string;
  /** Earlier reports (files, folders, globs) to check drafts against: reused-text and stale-year read them. */
  against?: string[];
}

export interface ExtractFilesOptions {
  /** Only these kinds (all by default); placeholders alone never load the segmenter. */
  only?: readonly ExtractKind[];
  /** The year the reports are about, instead of reading it from each report. */
  year?: number;
}

/** A file that could not be read, or a path that matched nothing: the run went on without it. */
export type RunFailure = LintFailure;

export interface DraftAnalysis {
  source: SourceCode;
  lint: LintResult;
  extraction: Extraction;
  outline: OutlineNode[];
}

export class Zongjie {
  static readonly version = version;
  /** Write the fixes a `fix: true` run worked out over their files (ESLint's outputFixes). */
  static readonly outputFixes = outputFixes;
  readonly options: Readonly<ZongjieOptions>;
  private resolved: ResolvedConfig | null = null;
  private lexiconLoaded: Lexicon | null = null;

  constructor(options: ZongjieOptions = {}) {
    this.options = { ...options };
  }

  /** The effective configuration (rule files read once, on first use; a mistake throws RuleFileError). */
  get config(): ResolvedConfig {
    return (this.resolved ??= loadLintConfig(this.configRequest()));
  }

  private get lexicon(): Lexicon {
    return (this.lexiconLoaded ??= loadLexicon());
  }

  /** Every lint rule: id, description in the run's language, docs page, default severity. */
  rules(): LintRuleInfo[] {
    const lang = this.options.lang ?? 'zh';
    return CHECKS.map(({ meta }) => ({ id: meta.id, description: meta.description[lang], url: meta.docs, defaultSeverity: meta.defaultSeverity }));
  }

  /**
   * Lint files, folders and globs ("-" for stdin). With `onResult` each result is handed on as its
   * file is checked and not kept (an archive's results are never held whole); without it they are
   * returned in `results`.
   */
  async lintFiles(patterns: string[], onResult?: (result: LintResult, source: SourceCode | null) => void | Promise<void>): Promise<LintRun> {
    return lintPaths(patterns, this.lintRunOptions(onResult), this.fixing(onResult));
  }

  /** Lint the files staged in git (their staged content), as a pre-commit hook does. */
  async lintStaged(onResult?: (result: LintResult, source: SourceCode | null) => void | Promise<void>): Promise<LintRun> {
    return lintStaged(this.lintRunOptions(onResult), this.fixing(onResult));
  }

  /** Lint text in memory, reported under `filePath` (which also picks Markdown for .md). */
  async lintText(text: string, filePath = '<text>'): Promise<LintResult> {
    const run = await lintSources([{ path: filePath, bytes: new TextEncoder().encode(text) }], this.config, this.lintRunOptions(undefined), this.fixing(undefined));
    if (run.failures.length) throw new Error(`${filePath}: ${run.failures[0]!.error}`);
    return run.results[0]!;
  }

  /**
   * Extract figures, placeholders, blanks, activities and the year from files, folders and globs,
   * handing each extraction on in input order; a file that cannot be read goes to `onFailure` and
   * the run goes on.
   */
  async extractFiles(
    patterns: string[],
    options: ExtractFilesOptions,
    onExtraction: (extraction: Extraction, source: SourceCode) => void | Promise<void>,
    onFailure: (failure: RunFailure) => void = () => {},
  ): Promise<{ files: number; failures: RunFailure[] }> {
    const only = options.only ?? EXTRACT_KINDS;
    const lexicon = this.lexicon;
    // Placeholders alone segment nothing: the memory guard expects the outline's costs only.
    const outlineOnly = only.every((kind) => kind === 'placeholders');
    return this.eachSource(patterns, outlineOnly ? { memory: 'outline' } : {}, async (source) => {
      await onExtraction(extractDocument(source, { lexicon, only, ...(options.year !== undefined ? { year: options.year } : {}) }), source);
    }, onFailure);
  }

  /**
   * Every readable input as a SourceCode, in order (for commands that show a document: outline,
   * normalize, segment); a file that cannot be read goes to `onFailure`.
   */
  async eachSource(
    patterns: string[],
    loop: { extensions?: string[]; memory?: LoadOptions['memory'] },
    each: (source: SourceCode, index: number, total: number) => void | Promise<void>,
    onFailure: (failure: RunFailure) => void = () => {},
  ): Promise<{ files: number; failures: RunFailure[] }> {
    const { files, errors } = await collectInputs(patterns, { ...(loop.extensions ? { extensions: loop.extensions } : {}), ...(this.options.cwd ? { cwd: this.options.cwd } : {}) });
    const failures: RunFailure[] = [];
    const fail = (failure: InputError | RunFailure) => {
      failures.push(failure);
      onFailure(failure);
    };
    errors.forEach(fail);
    let index = 0;
    const load = loop.memory ? { ...this.options, memory: loop.memory } : this.options;
    for await (const item of loadInputs(files.map((path): Input => ({ path })), { load })) {
      if (item.source) await each(item.source, index, files.length);
      else fail({ file: item.input.path, error: item.error instanceof Error ? item.error.message : String(item.error) });
      index++;
    }
    return { files: files.length, failures };
  }

  /** Statistics across an archive: indicators by year (and org), themes, activities (batch/run.ts). */
  async stats(paths: string[], options: Omit<StatsRunOptions, 'load'>): Promise<StatsResult> {
    const { runStats } = await import('../batch/run.js');
    return runStats(paths, { ...options, load: this.loadOptions() });
  }

  /** One draft (text or .docx bytes) for an editor: lint, extraction and outline from one SourceCode. */
  async analyseDraft(name: string, bytes: Uint8Array): Promise<DraftAnalysis> {
    const source = await loadSourceBytes(name, bytes, this.loadOptions());
    const lexicon = this.lexicon;
    const extraction = extractDocument(source, { lexicon });
    const lint = lintDocument(source, this.config, { lexicon, extraction, ...(this.options.lang ? { lang: this.options.lang } : {}), ...(this.options.script ? { script: this.options.script } : {}) });
    if (source.file.positions) lint.positions = source.file.positions;
    return { source, lint, extraction, outline: outlineTree(source) };
  }

  /** A formatter of `check` results, written as the run goes (ESLint's loadFormatter). */
  loadFormatter(name: LintFormat, options: { color?: boolean } = {}): LintStream {
    return streamLintResults(name, {
      lang: this.options.lang ?? 'zh', ...(this.options.script ? { script: this.options.script } : {}), color: name === 'stylish' && options.color === true, version, cwd: this.options.cwd ?? process.cwd(), rules: this.rules(),
    });
  }

  private configRequest() {
    const { cwd, configFile, preset } = this.options;
    return { ...(cwd ? { cwd } : {}), ...(configFile ? { configFile } : {}), ...(preset ? { preset } : {}) };
  }

  private loadOptions(): LoadOptions {
    const { encoding, documentFormat, from, stdinFilename } = this.options;
    return { ...(encoding ? { encoding } : {}), ...(documentFormat ? { documentFormat } : {}), ...(from ? { from } : {}), ...(stdinFilename ? { stdinFilename } : {}) };
  }

  private lintRunOptions(onResult: unknown): LintRunOptions {
    const { lang, script, quiet, cache, fix, against } = this.options;
    const location = typeof cache === 'string' ? cache : DEFAULT_CACHE_LOCATION;
    return {
      ...this.loadOptions(),
      ...this.configRequest(),
      keepResults: onResult === undefined,
      ...(lang ? { lang } : {}),
      ...(script ? { script } : {}),
      ...(quiet ? { quiet } : {}),
      ...(against?.length ? { against } : {}),
      // Fixes need the document itself, so a fixing run analyses every file; a run against earlier
      // reports depends on them as well as on the file, which the cache key does not hold.
      ...(cache && !fix && !against?.length ? { cache: (config: ResolvedConfig) => new LintCache(location, `${version}:${config.hash}:${lang ?? 'zh'}${script ? `-${script}` : ''}:${quiet ? 'q' : ''}`) } : {}),
    };
  }

  /** The per-result callback of a run: fixes attached first when the run fixes. */
  private fixing(onResult: ((result: LintResult, source: SourceCode | null) => void | Promise<void>) | undefined) {
    const fix = this.options.fix === true;
    if (!fix && !onResult) return undefined;
    return async (result: LintResult, source: SourceCode | null) => {
      if (fix && source) attachFixes(result, source);
      await onResult?.(result, source);
    };
  }
}

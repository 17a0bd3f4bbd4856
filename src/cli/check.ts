// `zongjie check PATH…`: lint drafts against the rule files; exit status for hooks and CI.
import type { Command } from 'commander';
import { fixDiff, Zongjie } from '../api/zongjie.js';
import { RuleFileError } from '../config/errors.js';
import { GitError } from '../io/git.js';
import { DEFAULT_CACHE_LOCATION } from '../lint/cache.js';
import { findOutputClash } from '../io/output-guard.js';
import { AgainstError, type LintRun } from '../lint/run.js';
import type { LintFailure, LintResult } from '../lint/types.js';
import { LINT_FORMATS, type LintFormat } from '../report/lint-formats.js';
import { CHECKS } from '../rules/index.js';
import type { SourceCode } from '../source/source-code.js';
import { legacyWordOf, legacyWordOnly, legacyWordStatus } from './legacy-word.js';
import { EXIT, UsageError, loadOptions, runState, say, sayError, withStatus, writeOut } from './shared.js';

interface CheckCliOptions {
  format: string;
  maxWarnings?: string;
  quiet?: boolean;
  config?: string;
  preset?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  color?: boolean;
  encoding?: string;
  stdinFilename?: string;
  staged?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  against?: string[];
}

export function useColor(flag: boolean | undefined): boolean {
  if (flag === false || process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('lint drafts: placeholders, blank counts, duplicates, doubled words, missing numbers … (检查报告草稿)')
    .argument('[paths...]', 'files, directories, globs, or - for stdin')
    .option('-f, --format <format>', `output format: ${LINT_FORMATS.join(', ')}`, 'stylish')
    .option('--max-warnings <n>', 'exit with status 1 when there are more warnings than this')
    .option('--quiet', 'report errors only')
    .option('-c, --config <file>', 'use this config file instead of the nearest .zongjierc.yml')
    .option('--preset <name>', 'use this preset (recommended, union-annual) instead of a config file')
    .option('--fix', 'apply safe fixes (doubled words, scrape artifacts) to the files, written atomically')
    .option('--fix-dry-run', 'print the fixes as a diff instead of writing them')
    .option('--against <path>', 'earlier reports (file, folder or glob; repeatable) to find text copied from them and years left unchanged', (value: string, previous: string[] = []) => [...previous, value])
    .option('--staged', 'check the files staged in git (their staged content), for a pre-commit hook')
    .option('--cache', 'reuse results for unchanged files (keyed by content, version and config)')
    .option('--cache-location <file>', `where the cache lives (default ${DEFAULT_CACHE_LOCATION})`)
    .option('--no-color', 'no colour even on a terminal (colour is used only on a terminal)')
    .option('--encoding <name>', 'decode input as this encoding instead of detecting it')
    .option('--stdin-filename <name>', 'the file name to report for stdin (also picks Markdown for .md)')
    .addHelpText('after', `
Checks: ${CHECKS.map((c) => c.meta.id).join(', ')} (zongjie rules lists them).
Configuration: the nearest .zongjierc.yml from the current directory up (zongjie init writes one),
else the preset "recommended". Exit status: 0 no errors, 1 errors (or more warnings than
--max-warnings, or a file that could not be read), 2 the run failed (bad option, rule file error).

Examples:
  zongjie check 2023年度工作总结.md
  zongjie check --preset union-annual --format json reports/
  zongjie check --staged                # in a pre-commit hook
  zongjie check --cache reports/        # re-checks only what changed
  zongjie check 2023年总结.docx --against 2022年总结.docx   # text copied from last year's report
  cat draft.txt | zongjie check --stdin-filename draft.txt -
`)
    .action(withStatus(async (paths: string[], opts: CheckCliOptions) => {
      if (!(LINT_FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(say('cli.formatOneOf', { list: LINT_FORMATS.join(', '), value: opts.format }));
      let maxWarnings = Infinity;
      if (opts.maxWarnings !== undefined) {
        if (!/^\d+$/.test(opts.maxWarnings)) throw new UsageError(say('cli.maxWarnings', { value: opts.maxWarnings }));
        maxWarnings = Number(opts.maxWarnings);
      }
      if (opts.fix && paths.includes('-')) throw new UsageError(say('cli.fixStdin'));
      if (opts.staged && paths.length) throw new UsageError(say('cli.stagedPaths'));
      if (opts.staged && opts.fix) throw new UsageError(say('cli.fixStaged'));
      if (!opts.staged && paths.length === 0) throw new UsageError(say('cli.noInputStaged'));
      if (opts.cache) {
        // The cache is written at the end of the run: never over an input, nor as a report inside a folder being read.
        const clash = findOutputClash([opts.cacheLocation ?? DEFAULT_CACHE_LOCATION], paths, { intoFolder: (o) => /\.(txt|md|markdown|docx)$/i.test(o) });
        if (clash) throw new UsageError(say('cli.cacheIsInput', { output: clash.output, input: clash.input }));
      }
      const fixing = Boolean(opts.fix || opts.fixDryRun);
      const zongjie = new Zongjie({
        ...loadOptions(opts),
        lang: runState.lang,
        ...(runState.script ? { script: runState.script } : {}),
        ...(opts.quiet ? { quiet: true } : {}),
        ...(opts.config ? { configFile: opts.config } : {}),
        ...(opts.preset ? { preset: opts.preset } : {}),
        ...(fixing ? { fix: true } : {}),
        ...(opts.cache ? { cache: opts.cacheLocation ?? true } : {}),
        ...(opts.against?.length ? { against: opts.against } : {}),
      });
      const format = zongjie.loadFormatter(opts.format as LintFormat, { color: useColor(opts.color) });
      // Results are written as each file is checked and then dropped, so memory does not grow with
      // the archive; a dry run prints its diffs first, so it writes the results after them.
      const streaming = !opts.fixDryRun;
      const held: LintResult[] = [];
      const diffs: string[] = [];
      const writeFailures: LintFailure[] = [];
      let fixed = 0;
      let read = 0;
      let errors = 0;
      let warnings = 0;
      let lastWritten = '\n';
      const emit = (text: string) => {
        if (!text) return;
        process.stdout.write(text);
        lastWritten = text;
      };
      const onResult = (result: LintResult, source: SourceCode | null) => {
        if (fixing && source?.file.positions === 'paragraph' && result.fixableCount > 0) {
          // The text of a Word document is not its file: never written back (nor diffed as if it were).
          const n = result.fixableCount;
          process.stderr.write(`zongjie: ${say(n === 1 ? 'cli.docxNoFixOne' : 'cli.docxNoFix', { file: result.file, n })}\n`);
        }
        if (opts.fixDryRun) {
          const diff = fixDiff(result);
          if (diff) diffs.push(diff);
        } else if (opts.fix) {
          const written = Zongjie.outputFixes([result], { roots: paths });
          fixed += written.fixed;
          for (const failure of written.failures) {
            writeFailures.push(failure);
            process.stderr.write(`zongjie: ${failure.file}: ${sayError(failure.error)}\n`);
          }
        }
        read++;
        errors += result.errorCount;
        warnings += result.warningCount;
        if (streaming) emit(format.file(result));
        else held.push(result);
      };
      let run: LintRun;
      try {
        run = opts.staged ? await zongjie.lintStaged(onResult) : await zongjie.lintFiles(paths, onResult);
      } catch (error) {
        if (error instanceof RuleFileError) throw new UsageError(error.message);
        if (error instanceof GitError) throw new UsageError(`--staged: ${error.message}`);
        if (error instanceof AgainstError) throw new UsageError(say('cli.againstNone', { paths: error.paths.join(' ') }));
        throw error;
      }
      // Old Word/WPS files a folder walk passed over are said; a run that read nothing else ends (exit 2).
      const legacy = await legacyWordOf(opts.staged ? [] : paths, { read, failures: run.failures }, { ignore: run.config.ignore });
      if (run.files === 0 && legacy.nothingElse && legacy.unread.length) throw legacyWordOnly(legacy.unread);
      for (const warning of run.cacheWarnings) {
        const file = opts.cacheLocation ?? DEFAULT_CACHE_LOCATION;
        process.stderr.write(`zongjie: ${say(warning.kind === 'ignored' ? 'cli.cacheIgnored' : 'cli.cacheNotSaved', { file, reason: warning.reason })}\n`);
      }
      if (run.files === 0 && run.failures.length > 0 && run.failures.every((f) => /no such file|no files match/.test(f.error))) {
        for (const f of run.failures) process.stderr.write(`zongjie: ${f.file}: ${sayError(f.error)}\n`);
        throw new UsageError(say('cli.noInputFound', { paths: paths.join(' ') }));
      }
      if (diffs.length) writeOut(diffs.join('\n'));
      for (const result of held) emit(format.file(result));
      emit(format.end(run.failures));
      if (!lastWritten.endsWith('\n')) process.stdout.write('\n');
      if (fixed && opts.format === 'stylish') process.stderr.write(`${say(fixed === 1 ? 'cli.fixedOne' : 'cli.fixed', { n: fixed })}\n`);
      const legacyStatus = legacyWordStatus(legacy);
      if (legacyStatus !== null) return legacyStatus;
      return errors > 0 || warnings > maxWarnings || run.failures.length > 0 || writeFailures.length > 0 ? EXIT.problems : EXIT.ok;
    }));
}

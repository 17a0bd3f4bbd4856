// `zongjie check PATH…`: lint drafts against the rule files; exit status for hooks and CI.
import type { Command } from 'commander';
import { checkRegistry, CHECKS } from '../rules/index.js';
import { applyFixes, lineDiff, writeFileAtomic } from '../lint/fix.js';
import { lintPaths, lintStaged } from '../lint/run.js';
import { DEFAULT_CACHE_LOCATION, LintCache } from '../lint/cache.js';
import { GitError } from '../io/git.js';
import type { LoadedDocument } from '../analyse.js';
import type { ResolvedConfig } from '../config/config.js';
import type { LintResult } from '../lint/types.js';
import { LINT_FORMATS, streamLintResults, type LintFormat } from '../report/lint-formats.js';
import { RuleFileError } from '../config/errors.js';
import { EXIT, UsageError, loadOptions, withStatus, writeOut } from './shared.js';
import { version } from './version.js';

interface CheckCliOptions {
  format: string;
  maxWarnings?: string;
  quiet?: boolean;
  lang: string;
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
    .option('--lang <lang>', 'message language: zh or en', 'zh')
    .option('-c, --config <file>', 'use this config file instead of the nearest .zongjierc.yml')
    .option('--preset <name>', 'use this preset (recommended, union-annual) instead of a config file')
    .option('--fix', 'apply safe fixes (doubled words, scrape artifacts) to the files, written atomically')
    .option('--fix-dry-run', 'print the fixes as a diff instead of writing them')
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
  cat draft.txt | zongjie check --stdin-filename draft.txt -
`)
    .action(withStatus(async (paths: string[], opts: CheckCliOptions) => {
      if (!(LINT_FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`--format must be one of ${LINT_FORMATS.join(', ')}, not "${opts.format}"`);
      if (opts.lang !== 'zh' && opts.lang !== 'en') throw new UsageError(`--lang must be zh or en, not "${opts.lang}"`);
      let maxWarnings = Infinity;
      if (opts.maxWarnings !== undefined) {
        if (!/^\d+$/.test(opts.maxWarnings)) throw new UsageError(`--max-warnings must be a whole number, not "${opts.maxWarnings}"`);
        maxWarnings = Number(opts.maxWarnings);
      }
      if (opts.fix && paths.includes('-')) throw new UsageError('--fix cannot write to stdin; use --fix-dry-run to see the fixes');
      if (opts.staged && paths.length) throw new UsageError('--staged checks the staged files: give no paths with it');
      if (opts.staged && opts.fix) throw new UsageError('--fix cannot write to the git index; run it on the working tree and stage again');
      if (!opts.staged && paths.length === 0) throw new UsageError('no input: give files, directories, globs, - for stdin, or --staged');
      const fixing = Boolean(opts.fix || opts.fixDryRun);

      const diffs: string[] = [];
      let fixed = 0;
      let run;
      const rules = [...checkRegistry().values()].map((m) => ({ id: m.id, description: m.description[opts.lang as 'zh' | 'en'], url: m.docs, defaultSeverity: m.defaultSeverity }));
      const format = streamLintResults(opts.format as LintFormat, {
        lang: opts.lang as 'zh' | 'en', color: opts.format === 'stylish' && useColor(opts.color), version, cwd: process.cwd(), rules,
      });
      // Results are written as each file is checked and then dropped, so memory does not grow with
      // the archive; a dry run prints its diffs first, so it writes the results after them.
      const streaming = !opts.fixDryRun;
      const held: LintResult[] = [];
      let errors = 0;
      let warnings = 0;
      let lastWritten = '\n';
      const emit = (text: string) => {
        if (!text) return;
        process.stdout.write(text);
        lastWritten = text;
      };
      try {
        const runOptions = {
          ...loadOptions(opts),
          keepResults: false,
          lang: opts.lang as 'zh' | 'en',
          ...(opts.quiet ? { quiet: true } : {}),
          ...(opts.config ? { configFile: opts.config } : {}),
          ...(opts.preset ? { preset: opts.preset } : {}),
          // Fixes need the document itself, so a fixing run analyses every file.
          ...(opts.cache && !fixing
            ? { cache: (config: ResolvedConfig) => new LintCache(opts.cacheLocation ?? DEFAULT_CACHE_LOCATION, `${version}:${config.hash}:${opts.lang}:${opts.quiet ? 'q' : ''}`) }
            : {}),
        };
        const fix = (result: LintResult, doc: LoadedDocument | null) => {
          if (!fixing || !doc || result.fixableCount === 0) return;
          if (doc.source.positions === 'paragraph') {
            // The text of a Word document is not its file: never written back (nor diffed as if it were).
            const n = result.fixableCount;
            process.stderr.write(opts.lang === 'en'
              ? `zongjie: ${result.file}: cannot fix .docx in place (${n} fixable problem${n === 1 ? '' : 's'} left; fix ${n === 1 ? 'it' : 'them'} in Word)\n`
              : `zongjie: ${result.file}: cannot fix .docx in place（${n} 个可修复的问题未修复，请在 Word 中修改）\n`);
            return;
          }
          const { text, applied } = applyFixes(doc.original, result.messages);
          if (opts.fixDryRun) diffs.push(lineDiff(result.file, doc.original, text));
          else {
            writeFileAtomic(doc.source.path, text, doc.source.encoding, doc.source.bom);
            fixed += applied;
            removeFixed(result);
          }
        };
        const onResult = (result: LintResult, doc: LoadedDocument | null) => {
          fix(result, doc);
          errors += result.errorCount;
          warnings += result.warningCount;
          if (streaming) emit(format.file(result));
          else held.push(result);
        };
        run = opts.staged ? await lintStaged(runOptions, onResult) : await lintPaths(paths, runOptions, onResult);
      } catch (error) {
        if (error instanceof RuleFileError) throw new UsageError(error.message);
        if (error instanceof GitError) throw new UsageError(`--staged: ${error.message}`);
        throw error;
      }
      if (run.files === 0 && run.failures.length > 0 && run.failures.every((f) => /no such file|no files match/.test(f.error))) {
        for (const f of run.failures) process.stderr.write(`zongjie: ${f.file}: ${f.error}\n`);
        throw new UsageError(`no input files found in: ${paths.join(' ')}`);
      }
      if (diffs.length) writeOut(diffs.join('\n'));
      for (const result of held) emit(format.file(result));
      emit(format.end(run.failures));
      if (!lastWritten.endsWith('\n')) process.stdout.write('\n');
      if (fixed && opts.format === 'stylish') process.stderr.write(opts.lang === 'en' ? `fixed ${fixed} problem(s)\n` : `已修复 ${fixed} 个问题\n`);
      return errors > 0 || warnings > maxWarnings || run.failures.length > 0 ? EXIT.problems : EXIT.ok;
    }));
}

/** After --fix wrote the file, the fixed problems are no longer there to report. */
function removeFixed(result: LintResult): void {
  const remaining = result.messages.filter((m) => !m.fix);
  result.messages = remaining;
  result.errorCount = remaining.filter((m) => m.severity === 'error').length;
  result.warningCount = remaining.filter((m) => m.severity === 'warning').length;
  result.infoCount = remaining.filter((m) => m.severity === 'info').length;
  result.fixableCount = 0;
}

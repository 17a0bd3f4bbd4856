// `zongjie stats PATH…`: statistics across years (and units) from an archive of reports.
import type { Command } from 'commander';
import { closeSync, createWriteStream, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { findOutputClash } from '../io/output-guard.js';
import type { ManifestEntry } from '../batch/grouping.js';
import type { StatsResult } from '../batch/types.js';
import { RuleFileError } from '../config/errors.js';
import { legacyWordOf, legacyWordOnly, legacyWordStatus } from './legacy-word.js';
import { EXIT, UsageError, commaList, loadOptions, runState, say, sayError, withStatus, writeOut } from './shared.js';
import { explainStats, parseExplain, parseInclude, reportWarnings } from './stats-extras.js';

const FORMATS = ['json', 'csv', 'md', 'html', 'ndjson', 'parquet'] as const;

interface StatsCliOptions {
  format: string;
  out?: string;
  by?: string[];
  yearFrom?: string;
  manifest?: string;
  workers?: string;
  progress?: boolean;
  encoding?: string;
  force?: boolean;
  include?: string[];
  explain?: string;
  strict?: boolean;
}

/**
 * The stats machinery (worker pool, TF-IDF) loads only when `stats` runs: a `check` in a pre-commit
 * hook must not pay for it. ECharts, 0.6 s of loading, waits until an HTML page is written: loaded
 * first, it held back the start of the workers.
 */
async function statsModules() {
  const [grouping, run, json, csv, md, parquet, progress] = await Promise.all([
    import('../batch/grouping.js'), import('../batch/run.js'), import('../report/stats-json.js'),
    import('../report/stats-csv.js'), import('../report/stats-md.js'), import('../report/stats-parquet.js'), import('cli-progress'),
  ]);
  return { ...grouping, ...run, ...json, ...csv, ...md, ...parquet, cliProgress: progress.default };
}

async function statsHtmlPage(result: StatsResult): Promise<string> {
  const { statsHtml } = await import('../report/stats-html.js');
  return statsHtml(result, { generatedAt: new Date().toISOString().slice(0, 10) });
}

type StatsModules = Awaited<ReturnType<typeof statsModules>>;

/** Writes an output piece by piece: the long table never becomes one string. */
function writeFileChunks(path: string, chunks: Iterable<string | Uint8Array>): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) {
      if (typeof chunk === 'string') writeSync(fd, chunk);
      else writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
}

const OUTPUT_FILES = ['figures.csv', 'figures.parquet', 'pivot.csv', 'stats.json', 'stats.md', 'stats.html', 'reports.ndjson'];

/** --out must not be an input nor inside a folder the run reads (unless --force): exit 2 before any work. */
function checkOutDir(out: string, paths: string[]): void {
  const clash = findOutputClash([out, ...OUTPUT_FILES.map((name) => join(out, name))], paths);
  if (!clash) return;
  throw new UsageError(say(clash.kind === 'file' ? 'cli.outputOverInput' : 'cli.outputIntoInput', { output: clash.output, input: clash.input }));
}

async function writeAll(m: StatsModules, dir: string, result: StatsResult, by: 'year' | 'org,year'): Promise<string[]> {
  const { statsLongCsvChunks, statsPivotCsv, statsJsonChunks, statsMarkdown } = m;
  const html = await statsHtmlPage(result);
  mkdirSync(dir, { recursive: true });
  const outputs: [string, () => Iterable<string | Uint8Array>][] = [
    ['figures.csv', () => statsLongCsvChunks(result)],
    ['figures.parquet', () => [m.statsParquet(result)]],
    ['pivot.csv', () => [statsPivotCsv(result, by)]],
    ['stats.json', () => statsJsonChunks(result)],
    ['stats.md', () => [statsMarkdown(result)]],
    ['stats.html', () => [html]],
  ];
  for (const [name, chunks] of outputs) writeFileChunks(join(dir, name), chunks());
  return outputs.map(([name]) => join(dir, name));
}

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('statistics across years from an archive of reports: indicators by year (and unit), themes, activities')
    .argument('<paths...>', 'files, directories or globs of reports')
    .option('-f, --format <format>', `output to stdout: ${FORMATS.join(', ')}`, 'json')
    .option('-o, --out <dir>', 'write every output to DIR: figures.csv, figures.parquet, pivot.csv, stats.json, stats.md, stats.html, reports.ndjson')
    .option('--by <keys>', 'group by year (default) or org,year', commaList)
    .option('--year-from <regex>', 'take each report\'s year from its path (first group or whole match), e.g. "(20\\d\\d)"')
    .option('--manifest <csv>', 'a CSV with columns file, org, year that says which unit and year each report is')
    .option('-j, --workers <n>', 'worker threads (default: one per 8 MB of reports, up to one per core; 1 runs in one thread)')
    .option('--no-progress', 'no progress bar (it is shown only on a terminal anyway)')
    .option('--encoding <name>', 'decode input as this encoding instead of detecting it')
    .option('--force', 'let --out write into a folder being read, or over an input file')
    .option('--include <kinds>', 'also sum target and/or comparison figures, in their own columns: targets, comparisons', commaList)
    .option('--explain <cell>', 'print the figures behind one cell, METRIC/YEAR or METRIC/YEAR/ORG, with their places and their sum')
    .option('--strict', 'treat warnings as errors: exit 1 when there is any')
    .addHelpText('after', `
Indicators come from rules/indicators.yml (with their synonyms). A cell sums the figures done in the
report's year (modality actual) that are levels: targets (力争, 计划, work-plan sections) and
comparisons (同比, 比上年) only with --include, in their own rows; a change (增加5人) never. Units are
converted to the indicator's (rules/unit-conversions.yml: 公里/米, 亩/公顷 …); a unit that does not
convert is never summed. Within a report a figure marked as a total (共, 累计) wins, other figures are
summed, and a passage the report repeats counts once; reports of one group are summed, and the
number of reports is shown. Warnings (a manifest row without its file, two rows for one file, a file
no row names, an indicator without a figure in a year, a jump over 10x, near-copies, units that do not
convert) go to the outputs and to stderr; --strict makes them errors. Exit status 1 when a file could
not be read (it is listed in the outputs) or, with --strict, when there are warnings; 2 when the run
cannot start.

Examples:
  zongjie stats archive/ --out stats/
  zongjie stats archive/ --explain 新会员/2021              # the figures behind one cell
  zongjie stats archive/ --format parquet > figures.parquet
  zongjie stats archive/ --by org,year --format csv > pivot.csv
  zongjie stats archive/ --format ndjson | gzip > reports.ndjson.gz     # the map step of a distributed run
`)
    .action(withStatus(async (paths: string[], opts: StatsCliOptions, command: Command) => {
      const m = await statsModules();
      const { readManifest, ManifestError, runStats, statsJsonChunks, statsPivotCsv, statsMarkdown, cliProgress } = m;
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(say('cli.formatOneOf', { list: FORMATS.join(', '), value: opts.format }));
      const byKeys = opts.by ?? ['year'];
      if (byKeys.some((k) => k !== 'org' && k !== 'year') || !byKeys.includes('year')) throw new UsageError(say('cli.byInvalid'));
      const explain = opts.explain === undefined ? undefined : parseExplain(opts.explain);
      const include = parseInclude(opts.include);
      // A cell of one org needs the sums by org.
      const byOrg = byKeys.includes('org') || explain?.org !== undefined;
      if (opts.format === 'parquet' && !opts.out && !explain && process.stdout.isTTY) throw new UsageError(say('stats.parquetTty'));
      let yearFrom: RegExp | undefined;
      if (opts.yearFrom) {
        try {
          yearFrom = new RegExp(opts.yearFrom);
        } catch (error) {
          throw new UsageError(say('cli.yearFromInvalid', { reason: (error as Error).message }));
        }
      }
      let manifest: Map<string, ManifestEntry> | undefined;
      if (opts.manifest) {
        try {
          manifest = readManifest(opts.manifest);
        } catch (error) {
          if (error instanceof ManifestError) throw new UsageError(error.message);
          throw new UsageError(say('cli.manifestUnreadable', { file: opts.manifest }));
        }
      }
      let workers: number | 'auto' = 'auto';
      if (opts.workers !== undefined) {
        if (!/^\d+$/.test(opts.workers) || Number(opts.workers) < 1) throw new UsageError(say('cli.workersInvalid', { value: opts.workers }));
        workers = Number(opts.workers);
      }
      if (opts.out && !opts.force) checkOutDir(opts.out, paths);
      const streaming = opts.format === 'ndjson' && !opts.out && !explain;
      if (opts.out) mkdirSync(opts.out, { recursive: true });
      const ndjsonFile = opts.out ? createWriteStream(join(opts.out, 'reports.ndjson')) : null;
      const bar = opts.progress !== false && process.stderr.isTTY
        ? new cliProgress.SingleBar({ format: say('cli.progress'), stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
        : null;
      const started = Date.now();
      let result: StatsResult;
      try {
        result = await runStats(paths, {
          workers, byOrg, keepRows: !streaming, include, lang: runState.lang, ...(yearFrom ? { yearFrom } : {}), ...(manifest ? { manifest } : {}), load: loadOptions(opts),
          onStart: (total) => bar?.start(total, 0, { speed: '0' }),
          ...(streaming || ndjsonFile ? {
            onLine: (line: string) => {
              if (streaming) writeOut(line);
              ndjsonFile?.write(`${line}\n`);
            },
          } : {}),
          onReport: (_report, done) => {
            bar?.update(done, { speed: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) });
          },
        });
      } catch (error) {
        if (error instanceof RuleFileError) throw new UsageError(error.message);
        throw error;
      } finally {
        bar?.stop();
        ndjsonFile?.end();
      }
      const legacy = await legacyWordOf(paths, { read: result.files - result.failed.length, failures: result.failed });
      if (result.files === 0) throw legacy.unread.length ? legacyWordOnly(legacy.unread) : new UsageError(say('cli.noInputFound', { paths: paths.join(' ') }));
      for (const f of result.failed) process.stderr.write(`zongjie: ${sayError(f.error.startsWith(f.file) ? f.error : `${f.file}: ${f.error}`)}\n`);
      reportWarnings(result.warnings, opts.strict === true);
      const failing = result.failed.length > 0 || (opts.strict === true && result.warnings.length > 0);
      if (explain) {
        explainStats(result, explain, command.getOptionValueSource('format') === 'default' ? 'text' : opts.format);
        return failing ? EXIT.problems : EXIT.ok;
      }
      const by = byOrg ? 'org,year' : 'year';
      if (opts.format === 'parquet' && !opts.out) {
        process.stdout.write(m.statsParquet(result));
      } else if (opts.out) {
        const written = await writeAll(m, opts.out, result, by);
        process.stderr.write(`${say('cli.wrote', { paths: [...written, join(opts.out, 'reports.ndjson')].join(', ') })}\n`);
      } else if (opts.format === 'json') {
        for (const chunk of statsJsonChunks(result)) process.stdout.write(chunk);
      } else if (!streaming) {
        const text = opts.format === 'csv' ? statsPivotCsv(result, by)
          : opts.format === 'md' ? statsMarkdown(result)
          : await statsHtmlPage(result);
        writeOut(text);
      }
      return legacyWordStatus(legacy) ?? (failing ? EXIT.problems : EXIT.ok);
    }));
}

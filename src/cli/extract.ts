// `zongjie extract PATH…`: figures, placeholders, blank counts, activities and the report year.
import type { Command } from 'commander';
import { Zongjie } from '../api/zongjie.js';
import { EXTRACT_KINDS, type ExtractKind } from '../extract/index.js';
import { CSV_BOM, extractionJson, figureCsvRows } from '../report/extraction.js';
import { legacyWordOf, legacyWordOnly, legacyWordStatus } from './legacy-word.js';
import { EXIT, commaList, loadOptions, reportFailure, say, withStatus, writeOut, UsageError } from './shared.js';

interface ExtractCliOptions {
  format: string;
  only?: string[];
  year?: string;
  encoding?: string;
  stdinFilename?: string;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract figures (数字指标), placeholders (占位符), blank counts (空缺数字), activities and the report year')
    .argument('<paths...>', 'files, directories, globs, or - for stdin')
    .option('-f, --format <format>', 'json (one array), ndjson (one object per line) or csv (one row per figure, UTF-8 with BOM)', 'json')
    .option('--only <kinds>', `comma-separated subset of: ${EXTRACT_KINDS.join(', ')}`, commaList)
    .option('--year <year>', 'the year the reports are about, instead of reading it from title, opening or file name')
    .option('--encoding <name>', 'decode input as this encoding instead of detecting it')
    .option('--stdin-filename <name>', 'the file name to report for stdin (also picks Markdown for .md)')
    .addHelpText('after', `
Output (json): [{ file, year, script, figures: [{ value, unit, subject, qualifier, text, line, column,
offset, section }], placeholders: [{ text, line, column }], blanks: [{ unit, context, line, column }],
activities: [{ verb, object, category, count, participants, text, line, column }] }]
Lines and columns are 1-based in the original file (UTF-16 code units); values are in base units
(35.705萬元 → 357050, unit 元).

Examples:
  zongjie extract corpus/
  zongjie extract --format csv corpus/ > figures.csv
  zongjie extract --only placeholders,blanks draft.md
`)
    .action(withStatus(async (paths: string[], opts: ExtractCliOptions) => {
      if (!['json', 'ndjson', 'csv'].includes(opts.format)) throw new UsageError(say('cli.formatOneOf', { list: 'json, ndjson, csv', value: opts.format }));
      const only = (opts.only ?? [...EXTRACT_KINDS]) as ExtractKind[];
      const unknown = only.filter((k) => !(EXTRACT_KINDS as readonly string[]).includes(k));
      if (unknown.length) throw new UsageError(say('cli.onlyUnknown', { value: unknown[0]!, list: EXTRACT_KINDS.join(', ') }));
      let year: number | undefined;
      if (opts.year !== undefined) {
        year = Number(opts.year);
        if (!/^\d{4}$/.test(opts.year)) throw new UsageError(say('cli.yearInvalid', { value: opts.year }));
      }
      let first = true;
      let read = 0;
      if (opts.format === 'csv') process.stdout.write(CSV_BOM);
      if (paths.length === 0) throw new UsageError(say('cli.noInput'));
      const zongjie = new Zongjie(loadOptions(opts));
      const run = await zongjie.extractFiles(paths, { only, ...(year !== undefined ? { year } : {}) }, (extraction, source) => {
        read++;
        const positions = { positions: source.file.positions };
        // The JSON array is written as it grows: an archive's extraction is never held whole.
        if (opts.format === 'json') process.stdout.write(`${first ? '[\n' : ',\n'}${JSON.stringify(extractionJson(extraction, positions), null, 2)}`);
        else if (opts.format === 'ndjson') writeOut(JSON.stringify(extractionJson(extraction, positions)));
        else process.stdout.write(figureCsvRows(extraction, first));
        first = false;
      }, reportFailure);
      const legacy = await legacyWordOf(paths, { read, failures: run.failures });
      if (run.files === 0) throw legacy.unread.length ? legacyWordOnly(legacy.unread) : new UsageError(say('cli.noInputFound', { paths: paths.join(' ') }));
      if (opts.format === 'json') writeOut(first ? '[]' : '\n]');
      return legacyWordStatus(legacy) ?? (run.failures.length ? EXIT.problems : EXIT.ok);
    }));
}

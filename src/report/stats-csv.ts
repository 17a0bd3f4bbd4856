// `zongjie stats` as CSV: the long table (one row per figure) and the wide pivot (indicator × year,
// or indicator × org × year). UTF-8 with a BOM so Excel reads the Chinese, CRLF record ends (RFC 4180).
import { stringify } from 'csv-stringify/sync';
import type { StatsResult, StatsRow } from '../batch/types.js';
import { CSV_BOM } from './extraction.js';
import { cleanNumber, extraSeriesRows, seriesOrgs, yearColumns } from './stats-common.js';

export { CSV_BOM };

/**
 * The long table's columns: the first eleven as they always were, then where a figure stands and how
 * it was counted (the same columns, in the same order, as the Parquet file's).
 */
export const STATS_ROW_COLUMNS = [
  'file', 'org', 'year', 'indicator', 'subject', 'value', 'unit', 'qualifier', 'text', 'line', 'column',
  'modality', 'relation', 'section', 'sentence', 'indicatorValue', 'indicatorUnit', 'conversion', 'matched', 'counted', 'note', 'duplicate',
] as const;

/** A row's cells in STATS_ROW_COLUMNS order; an unknown year and an absent note are empty. */
export function statsRowCells(r: StatsRow): (string | number | boolean)[] {
  return [
    r.file, r.org, r.year ?? '', r.indicator, r.subject, r.value, r.unit, r.qualifier, r.text, r.line, r.column,
    r.modality, r.relation, r.section, r.sentence, r.indicatorValue, r.indicatorUnit, r.conversion, r.matched, r.counted, r.note ?? '', r.duplicate === true,
  ];
}

/** The pivot's first row: how many reports each year has (all of them, with or without figures). */
export const REPORT_COUNT_LABEL = '报告数';
export const REPORT_COUNT_UNIT = '份';

export type StatsPivotBy = 'year' | 'org,year';

function csv(rows: unknown[][], columns: string[]): string {
  return CSV_BOM + stringify(rows, { header: true, columns, record_delimiter: '\r\n', cast: { boolean: (b) => (b ? 'true' : 'false') } });
}

const LONG_BATCH = 2000;

/**
 * The long table in pieces of a few thousand rows, for writing as it is made: on a large archive
 * the whole table as one string would be tens of MB. Every record ends in CRLF, so the pieces
 * joined are exactly the one-piece table.
 */
export function* statsLongCsvChunks(result: StatsResult): Generator<string> {
  const columns = [...STATS_ROW_COLUMNS];
  for (let i = 0; i === 0 || i < result.rows.length; i += LONG_BATCH) {
    const rows = result.rows.slice(i, i + LONG_BATCH).map(statsRowCells);
    yield i === 0 ? csv(rows, columns) : stringify(rows, { columns, record_delimiter: '\r\n', cast: { boolean: (b) => (b ? 'true' : 'false') } });
  }
}

/** The long table: one row per figure of every report; `year` is empty when unknown. */
export function statsLongCsv(result: StatsResult): string {
  return [...statsLongCsvChunks(result)].join('');
}

/**
 * The wide pivot. by 'year': columns 指标, 单位, then one per year; by 'org,year': 指标, 单位, 单位名称,
 * then the years, one row per indicator and org (an indicator the run did not group by org gets one row
 * with an empty 单位名称 holding its totals). The first row is 报告数 (unit 份): the reports of each year.
 * A year in which no report gave an indicator is an empty cell, not 0. Reports of unknown year form a
 * last column "未知" when there are any.
 */
export function statsPivotCsv(result: StatsResult, by: StatsPivotBy): string {
  const years = yearColumns(result);
  const cells = (byYear: Record<string, number>) => years.map((y) => (byYear[y] === undefined ? '' : cleanNumber(byYear[y])));
  const reportCounts = years.map((y) => result.reportsByYear[y] ?? 0);
  if (by === 'year') {
    const rows: unknown[][] = [[REPORT_COUNT_LABEL, REPORT_COUNT_UNIT, ...reportCounts]];
    for (const s of result.indicators) rows.push([s.id, s.unit, ...cells(s.byYear)]);
    for (const x of extraSeriesRows(result)) rows.push([x.label, x.unit, ...cells(x.cells.byYear)]);
    return csv(rows, ['指标', '单位', ...years]);
  }
  const rows: unknown[][] = [[REPORT_COUNT_LABEL, REPORT_COUNT_UNIT, '', ...reportCounts]];
  for (const s of result.indicators) {
    if (!s.byOrgYear) {
      rows.push([s.id, s.unit, '', ...cells(s.byYear)]);
      continue;
    }
    for (const org of seriesOrgs(result, s)) rows.push([s.id, s.unit, org, ...cells(s.byOrgYear[org]!)]);
  }
  for (const x of extraSeriesRows(result)) {
    if (!x.cells.byOrgYear) rows.push([x.label, x.unit, '', ...cells(x.cells.byYear)]);
    else for (const [org, perYear] of Object.entries(x.cells.byOrgYear)) rows.push([x.label, x.unit, org, ...cells(perYear)]);
  }
  return csv(rows, ['指标', '单位', '单位名称', ...years]);
}

// `zongjie stats --format json`: the DESIGN.md contract, contract fields first (in its order), extra fields after.
import type { IndicatorSeries, SeriesCells, StatsResult, StatsRow, StatsWarning } from '../batch/types.js';
import { nestedJson } from './json-layout.js';

function cellsJson(s: SeriesCells): object {
  return {
    byYear: { ...s.byYear },
    reports: { ...s.reports },
    ...(s.byOrgYear ? { byOrgYear: Object.fromEntries(Object.entries(s.byOrgYear).map(([org, m]) => [org, { ...m }])) } : {}),
  };
}

function indicatorJson(s: IndicatorSeries): object {
  return {
    id: s.id,
    unit: s.unit,
    ...cellsJson(s),
    ...(s.targets ? { targets: cellsJson(s.targets) } : {}),
    ...(s.comparisons ? { comparisons: cellsJson(s.comparisons) } : {}),
  };
}

/** A warning: kind and message first, then the fields it has. */
function warningJson(w: StatsWarning): object {
  const { kind, message, ...rest } = w;
  return { kind, message, ...rest };
}

/** A row of the long table as JSON: the contract fields first, then the extras. */
export function rowJson(r: StatsRow): object {
  return {
    file: r.file,
    org: r.org,
    year: r.year,
    indicator: r.indicator,
    subject: r.subject,
    value: r.value,
    unit: r.unit,
    qualifier: r.qualifier,
    modality: r.modality,
    section: r.section,
    text: r.text,
    line: r.line,
    column: r.column,
    relation: r.relation,
    sentence: r.sentence,
    indicatorValue: r.indicatorValue,
    indicatorUnit: r.indicatorUnit,
    conversion: r.conversion,
    matched: r.matched,
    counted: r.counted,
    ...(r.note ? { note: r.note } : {}),
    ...(r.duplicate ? { duplicate: true } : {}),
    ...(r.positions ? { positions: r.positions } : {}),
  };
}

/** The contract object: files, failed, years, indicators, rows, warnings; then orgs, reportsByYear, themes, activities. */
export function statsJsonObject(result: StatsResult): object {
  return {
    files: result.files,
    failed: result.failed.map((f) => ({ file: f.file, error: f.error })),
    years: [...result.years],
    indicators: result.indicators.map(indicatorJson),
    rows: result.rows.map(rowJson),
    warnings: result.warnings.map(warningJson),
    orgs: [...result.orgs],
    reportsByYear: { ...result.reportsByYear },
    themes: result.themes.map((t) => ({ year: t.year, terms: t.terms.map((x) => ({ term: x.term, score: x.score })) })),
    activities: result.activities.map((a) => ({ year: a.year, categories: { ...a.categories } })),
  };
}

const ROWS_BATCH = 2000;

/**
 * The json output in pieces, laid out exactly as JSON.stringify(object, null, 2) + newline: the
 * rows (a long table, tens of MB on a large archive) a few thousand at a time, never one string.
 */
export function* statsJsonChunks(result: StatsResult): Generator<string> {
  // Laid out with a stand-in for the rows that no other value can hold (JSON writes U+0000 escaped).
  const stand = JSON.stringify('\u0000rows');
  const whole = JSON.stringify({ ...statsJsonObject({ ...result, rows: [] }), rows: '\u0000rows' }, null, 2);
  const at = whole.indexOf(`"rows": ${stand}`) + '"rows": '.length;
  const [head, tail] = [whole.slice(0, at), whole.slice(at + stand.length)];
  if (result.rows.length === 0) {
    yield `${head}[]${tail}\n`;
    return;
  }
  // A row is an element of an array that is a field of the top object: its lines indented by four.
  const element = (r: StatsRow) => `\n    ${nestedJson(rowJson(r), 2)}`;
  yield `${head}[`;
  for (let i = 0; i < result.rows.length; i += ROWS_BATCH) {
    yield result.rows.slice(i, i + ROWS_BATCH).map((r, k) => (i + k === 0 ? '' : ',') + element(r)).join('');
  }
  yield `\n  ]${tail}\n`;
}

/** The json output: one object, indented two spaces, with a final newline. */
export function statsJson(result: StatsResult): string {
  return [...statsJsonChunks(result)].join('');
}

// `zongjie stats --format json`: the DESIGN.md contract, contract fields first (in its order), extra fields after.
import type { IndicatorSeries, StatsResult, StatsRow } from '../batch/types.js';

function indicatorJson(s: IndicatorSeries): object {
  return {
    id: s.id,
    unit: s.unit,
    byYear: { ...s.byYear },
    reports: { ...s.reports },
    ...(s.byOrgYear ? { byOrgYear: Object.fromEntries(Object.entries(s.byOrgYear).map(([org, m]) => [org, { ...m }])) } : {}),
  };
}

function rowJson(r: StatsRow): object {
  return {
    file: r.file,
    org: r.org,
    year: r.year,
    indicator: r.indicator,
    subject: r.subject,
    value: r.value,
    unit: r.unit,
    qualifier: r.qualifier,
    text: r.text,
    line: r.line,
    column: r.column,
    ...(r.duplicate ? { duplicate: true } : {}),
    ...(r.positions ? { positions: r.positions } : {}),
  };
}

/** The contract object: files, failed, years, indicators, rows; then orgs, reportsByYear, themes, activities. */
export function statsJsonObject(result: StatsResult): object {
  return {
    files: result.files,
    failed: result.failed.map((f) => ({ file: f.file, error: f.error })),
    years: [...result.years],
    indicators: result.indicators.map(indicatorJson),
    rows: result.rows.map(rowJson),
    orgs: [...result.orgs],
    reportsByYear: { ...result.reportsByYear },
    themes: result.themes.map((t) => ({ year: t.year, terms: t.terms.map((x) => ({ term: x.term, score: x.score })) })),
    activities: result.activities.map((a) => ({ year: a.year, categories: { ...a.categories } })),
  };
}

/** The json output: one object, indented two spaces, with a final newline. */
export function statsJson(result: StatsResult): string {
  return `${JSON.stringify(statsJsonObject(result), null, 2)}\n`;
}

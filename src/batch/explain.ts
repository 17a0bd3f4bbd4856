// The figures behind one cell of the statistics (an indicator in a year, and an org): the counted
// rows of the long table, whose sum is the cell, added up as the aggregation adds them, and the
// figures of the same indicator and year that were left out, with why. `stats --explain` prints it
// and the HTML report lists it under each cell.
import { indicatorNamed, loadIndicators, type IndicatorDef } from './indicators.js';
import { UNKNOWN_YEAR, yearKey } from './term-sums.js';
import type { StatsResult, StatsRow } from './types.js';
import { round2 } from './units.js';

export interface CellRef {
  /** An indicator's id or one of its synonyms. */
  indicator: string;
  /** A year, or 未知 for reports of unknown year. */
  year: string;
  org?: string;
}

export interface CellExplanation {
  indicator: string;
  unit: string;
  year: string;
  org?: string;
  /** The cell as the statistics give it (undefined: no report gave the indicator that year). */
  value: number | undefined;
  /** How many reports the cell sums. */
  reports: number;
  /** The figures whose sum is the cell, in input order. */
  counted: StatsRow[];
  /** Their sum, added report by report as the aggregation adds. */
  sum: number;
  /** Figures of this indicator, year (and org) that are not in the cell: targets, comparisons, changes, copies, totals, restated. */
  leftOut: StatsRow[];
}

/** "新会员/2021" or "新会员/2021/城东街道总工会" → a cell reference; null when malformed. */
export function parseCellRef(text: string): CellRef | null {
  const parts = text.split('/').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3 || !parts[0] || !parts[1]) return null;
  if (!/^\d{4}$/.test(parts[1]) && parts[1] !== UNKNOWN_YEAR) return null;
  return { indicator: parts[0], year: parts[1], ...(parts.length === 3 ? { org: parts[2]! } : {}) };
}

/** The indicator a reference names, by id or synonym, among those of the result or the rule file. */
export function resolveIndicator(name: string, result: StatsResult, indicators: readonly IndicatorDef[] = loadIndicators()): string | null {
  if (result.indicators.some((s) => s.id === name)) return name;
  return indicatorNamed(name, indicators)?.id ?? null;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The sum of counted rows as the aggregation makes it: per report to two decimals, then report by report. */
export function sumAsAggregated(rows: readonly StatsRow[]): number {
  let total = 0;
  let file: string | null = null;
  let part = 0;
  for (const r of rows) {
    if (r.file !== file) {
      if (file !== null) total = round(total + round2(part));
      file = r.file;
      part = 0;
    }
    part += r.indicatorValue;
  }
  if (file !== null) total = round(total + round2(part));
  return total;
}

/** The figures behind a cell; `indicator` must be an id (see resolveIndicator). */
export function explainCell(result: StatsResult, ref: CellRef): CellExplanation {
  const series = result.indicators.find((s) => s.id === ref.indicator);
  const inCell = (r: StatsRow) => r.indicator === ref.indicator && yearKey(r.year) === ref.year && (ref.org === undefined || r.org === ref.org);
  const rows = result.rows.filter(inCell);
  const counted = rows.filter((r) => r.counted && r.modality === 'actual');
  const value = ref.org === undefined ? series?.byYear[ref.year] : series?.byOrgYear?.[ref.org]?.[ref.year];
  return {
    indicator: ref.indicator,
    unit: series?.unit ?? rows[0]?.indicatorUnit ?? '',
    year: ref.year,
    ...(ref.org !== undefined ? { org: ref.org } : {}),
    value,
    reports: new Set(counted.map((r) => r.file)).size,
    counted,
    sum: sumAsAggregated(counted),
    leftOut: rows.filter((r) => !(r.counted && r.modality === 'actual')),
  };
}

// What the stats formatters share: which year columns and which orgs a result has, and how a number reads.
import type { IndicatorSeries, SeriesCells, StatsResult } from '../batch/types.js';

/**
 * The year columns of a result, as the keys of `byYear`: the known years in order, then any other key
 * the aggregation used (reports whose year is unknown are grouped under "未知"), so no sum is dropped.
 */
export function yearColumns(result: StatsResult): string[] {
  const known = result.years.map(String);
  const seen = new Set(known);
  const extra = new Set<string>();
  const note = (key: string) => {
    if (!seen.has(key)) extra.add(key);
  };
  for (const key of Object.keys(result.reportsByYear)) note(key);
  for (const s of result.indicators) {
    for (const key of Object.keys(s.byYear)) note(key);
    for (const perOrg of Object.values(s.byOrgYear ?? {})) for (const key of Object.keys(perOrg)) note(key);
  }
  return [...known, ...[...extra].sort()];
}

/** The orgs an indicator has sums for: in the order of `result.orgs`, then any other (such as "" for no org). */
export function seriesOrgs(result: StatsResult, series: IndicatorSeries): string[] {
  const present = Object.keys(series.byOrgYear ?? {});
  const listed = result.orgs.filter((org) => present.includes(org));
  return [...listed, ...present.filter((org) => !result.orgs.includes(org)).sort()];
}

/** Whether the result was grouped by org (some indicator carries `byOrgYear`). */
export function hasOrgSeries(result: StatsResult): boolean {
  return result.indicators.some((s) => s.byOrgYear !== undefined);
}

/** Text as HTML text or attribute value: nothing in it can open a tag or leave an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A sum without floating-point noise (0.1 + 0.2 → 0.3), for tables. */
export function cleanNumber(value: number): number {
  return Number(value.toPrecision(12));
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A number as a reader sees it: grouped thousands, at most two decimals (357050 → "357,050"). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** The name shown for an org; reports without one are grouped under "". */
export function orgLabel(org: string): string {
  return org === '' ? '（未指定单位）' : org;
}

/** "新会员（人）", or just the id when the indicator has no unit. */
export function indicatorLabel(series: IndicatorSeries): string {
  return series.unit ? `${series.id}（${series.unit}）` : series.id;
}

/** Activity categories as rows over years, the most frequent overall first. */
export function activityTable(result: StatsResult): { category: string; counts: (number | undefined)[]; total: number }[] {
  const totals = new Map<string, number>();
  for (const a of result.activities) for (const [category, n] of Object.entries(a.categories)) totals.set(category, (totals.get(category) ?? 0) + n);
  return [...totals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([category, total]) => ({ category, total, counts: result.activities.map((a) => a.categories[category]) }));
}

/**
 * The target and comparison sums a run was asked to include, as extra rows after the indicators:
 * 新会员（目标）, 新会员（对比）. Never mixed into an indicator's own row, which sums actual figures.
 */
export function extraSeriesRows(result: StatsResult): { id: string; label: string; unit: string; kind: 'targets' | 'comparisons'; cells: SeriesCells }[] {
  const rows: { id: string; label: string; unit: string; kind: 'targets' | 'comparisons'; cells: SeriesCells }[] = [];
  for (const kind of ['targets', 'comparisons'] as const) {
    for (const s of result.indicators) {
      const cells = s[kind];
      if (cells) rows.push({ id: s.id, label: `${s.id}（${kind === 'targets' ? '目标' : '对比'}）`, unit: s.unit, kind, cells });
    }
  }
  return rows;
}

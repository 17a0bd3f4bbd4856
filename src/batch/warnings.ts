// What an archive run must not keep silent: a year in which an indicator has no figure, a year that
// jumps more than tenfold from the one before, reports that are near-copies of each other; and the
// wording of every warning in the run's language (a report's own warnings come without words, so that
// its ndjson line does not depend on the language of the run that made it).
import { nearCopyPairs } from '../rules/duplicates/index.js';
import { t, type Lang, type MessageData, type MessageKey } from '../text/messages.js';
import type { IndicatorSeries, StatsWarning } from './types.js';

/** A year more than this many times the year before (or less than its 1/this) is reported. */
export const JUMP_RATIO = 10;
/** Reports at least this similar (estimated Jaccard of their folded text) are near-copies. */
export const NEAR_COPY_SIMILARITY = 0.9;

const ratioText = (r: number) => String(Math.round(r * 10) / 10);
const formatValue = (v: number) => String(Number(v.toPrecision(12)));

/** The warning's message in `lang`, from its kind and fields. */
export function warningMessage(w: StatsWarning, lang: Lang): string {
  const manifest = w.manifest ?? '';
  const say = (key: MessageKey, data: MessageData) => t(lang, key, data);
  const org = w.org ? (lang === 'zh' ? `（${w.org}）` : ` (${w.org})`) : '';
  switch (w.kind) {
    case 'manifest-missing-file':
      return say('stats.warnManifestMissingFile', { manifest, line: w.line ?? '', file: w.file ?? '' });
    case 'manifest-duplicate-row':
      return say('stats.warnManifestDuplicateRow', { manifest, lines: (w.lines ?? []).join(lang === 'zh' ? '、' : ', '), file: w.file ?? '' });
    case 'manifest-unlisted-file':
      return say('stats.warnManifestUnlistedFile', { manifest, file: w.file ?? '' });
    case 'missing-year': {
      const years = (w.years ?? []).join(lang === 'zh' ? '、' : ', ');
      return w.org !== undefined
        ? say('stats.warnMissingOrgYear', { indicator: w.indicator ?? '', org: w.org || '—', years })
        : say('stats.warnMissingYear', { indicator: w.indicator ?? '', years });
    }
    case 'year-jump': {
      const [previous = 0, value = 0] = w.values ?? [];
      const up = value > previous;
      return say(up ? 'stats.warnYearJumpUp' : 'stats.warnYearJumpDown', {
        indicator: w.indicator ?? '', org, year: w.year ?? '', from: w.from ?? '', value: formatValue(value), previous: formatValue(previous),
        ratio: ratioText(up ? value / previous : previous / value),
      });
    }
    case 'near-copy':
      return say('stats.warnNearCopy', { a: w.files?.[0] ?? '', b: w.files?.[1] ?? '', similarity: (w.similarity ?? 0).toFixed(2) });
    case 'unit-mismatch':
      return say('stats.warnUnitMismatch', {
        file: w.file ?? '', line: w.line ?? '', column: w.column ?? '', text: w.text ?? '', indicator: w.indicator ?? '', unit: w.units?.[0] ?? '', expected: w.units?.[1] ?? '',
      });
  }
}

/** Years in a sums object that hold a value, in order (the unknown year left out). */
const knownYears = (sums: Record<string, number>) => Object.keys(sums).filter((y) => /^\d+$/.test(y)).sort();

/** A year more than JUMP_RATIO times the previous year with a value, or less than its 1/JUMP_RATIO. */
function jumps(indicator: string, sums: Record<string, number>, org?: string): StatsWarning[] {
  const out: StatsWarning[] = [];
  const years = knownYears(sums);
  for (let i = 1; i < years.length; i++) {
    const previous = sums[years[i - 1]!]!;
    const value = sums[years[i]!]!;
    if (previous <= 0 || value <= 0) continue;
    if (value > previous * JUMP_RATIO || previous > value * JUMP_RATIO) {
      out.push({ kind: 'year-jump', message: '', indicator, year: years[i]!, from: years[i - 1]!, values: [previous, value], ...(org !== undefined ? { org } : {}) });
    }
  }
  return out;
}

/**
 * Gaps and jumps of the indicators' actual sums: the years of the archive in which an indicator has
 * no figure (one warning per indicator), and when grouped by org, the years in which an org that
 * gives the indicator in other years filed reports without it (a year without it anywhere is
 * reported once, for the indicator).
 */
export function seriesWarnings(
  indicators: readonly IndicatorSeries[],
  reportsByYear: Record<string, number>,
  orgYears: ReadonlyMap<string, ReadonlySet<string>>,
): StatsWarning[] {
  const out: StatsWarning[] = [];
  const years = knownYears(reportsByYear);
  for (const s of indicators) {
    if (Object.keys(s.byYear).length === 0) continue;
    const missing = years.filter((y) => s.byYear[y] === undefined);
    if (missing.length) out.push({ kind: 'missing-year', message: '', indicator: s.id, years: missing });
    for (const [org, perYear] of Object.entries(s.byOrgYear ?? {})) {
      const orgMissing = [...(orgYears.get(org) ?? [])].filter((y) => /^\d+$/.test(y) && perYear[y] === undefined && !missing.includes(y)).sort();
      if (orgMissing.length) out.push({ kind: 'missing-year', message: '', indicator: s.id, years: orgMissing, org });
    }
    out.push(...jumps(s.id, s.byYear));
    for (const [org, perYear] of Object.entries(s.byOrgYear ?? {})) out.push(...jumps(s.id, perYear, org));
  }
  return out;
}

/** Pairs of reports that are near-copies of each other, by their MinHash signatures. */
export function nearCopyWarnings(files: readonly string[], signatures: readonly (readonly number[])[]): StatsWarning[] {
  return nearCopyPairs(signatures, NEAR_COPY_SIMILARITY).map(({ a, b, similarity }) => ({
    kind: 'near-copy' as const, message: '', files: [files[a]!, files[b]!], similarity: Math.round(similarity * 100) / 100,
  }));
}

// truth.json: what each report planted (values, the sentence, its line and column, the repeated
// paragraph) and the sums per indicator, year and unit that `zongjie stats` should find.
import { INDICATORS, PHRASE_PATTERNS } from './indicators.mjs';

/** A report's entry in truth.json, from the built report, its text and the line of each block. */
export function reportTruth(rel, unit, year, report, text, lineOf, pool) {
  const lines = text.split('\n');
  return {
    file: rel,
    org: unit.name,
    year,
    script: unit.script,
    sources: [...new Set([report.primary.id, ...report.sections.map((s) => ownerOf(pool, s))])],
    values: report.values,
    planted: report.planted.map((p) => {
      const line = lineOf.get(p.block);
      return {
        indicator: p.indicator,
        value: p.value,
        unit: p.unit,
        text: p.text,
        sentence: p.sentence,
        line,
        column: lines[line - 1].indexOf(p.text) + 1,
      };
    }),
    repeated: report.repeated
      ? {
          indicators: report.repeated.original.planted.slice(),
          line: lineOf.get(report.repeated.original),
          copyLine: lineOf.get(report.repeated.copy),
        }
      : null,
  };
}

function ownerOf(pool, section) {
  for (const p of pool) if (p.sections.includes(section)) return p.id;
  return '?';
}

export function makeTruth(opts, years, orgs, reports, bytes) {
  const indicators = INDICATORS.map((ind) => {
    const byYear = {};
    const count = {};
    const byOrgYear = {};
    for (const r of reports) {
      const v = r.values[ind.id];
      byYear[r.year] = (byYear[r.year] ?? 0) + v;
      count[r.year] = (count[r.year] ?? 0) + 1;
      (byOrgYear[r.org] ??= {})[r.year] = (byOrgYear[r.org]?.[r.year] ?? 0) + v;
    }
    return {
      id: ind.id,
      unit: ind.unit,
      phrase: PHRASE_PATTERNS[ind.id],
      byYear,
      reports: count,
      byOrgYear,
    };
  });
  const byYear = {};
  const byOrgYear = {};
  for (const r of reports) {
    const y = (byYear[r.year] ??= Object.fromEntries(INDICATORS.map((i) => [i.id, 0])));
    for (const ind of INDICATORS) y[ind.id] += r.values[ind.id];
    (byOrgYear[r.org] ??= {})[r.year] = { ...r.values };
  }
  return {
    generator: 'scripts/make-archive.mjs',
    seed: opts.seed,
    years: [years[0], years[years.length - 1]],
    files: reports.length,
    bytes,
    orgs,
    indicators,
    byYear,
    byOrgYear,
    reports,
  };
}

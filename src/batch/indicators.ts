// Indicators: map a figure to one of the indicators of rules/indicators.yml (新会员, 慰问金 …) and
// combine one report's figures of an indicator into one value (a total wins, else distinct figures
// are summed, duplicated passages left out).
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Figure } from '../extract/index.js';
import { rulesDir } from '../config/paths.js';
import { loadYamlRules } from '../config/yaml-file.js';
import type { ReportIndicator } from './types.js';

export interface IndicatorDef {
  id: string;
  unit: string;
  subjects: string[];
  phrases: string[];
  exclude: string[];
  /** Other units taken as the same count (合理化建议: 条, also 项). Empty when not given. */
  also?: string[];
}

/** Shares, not counts: never an indicator's unit, never mapped. */
const SHARE_UNITS = new Set(['%', '‰', '百分点', '个百分点', '倍']);
/** The same count of people. 人次 is not among them: 37人次 may be 20 people. */
const PEOPLE_UNITS = new Set(['人', '名', '位']);

const word = z.string().min(1);
const unit = word.refine((u) => !SHARE_UNITS.has(u), { message: 'a share (%, 倍, 百分点) is not a count and cannot be an indicator unit' });

const indicatorSchema = z
  .object({
    id: word,
    unit,
    also: z.array(unit).default([]),
    subjects: z.array(word).default([]),
    phrases: z.array(word).default([]),
    exclude: z.array(word).default([]),
  })
  .strict()
  .superRefine((def, ctx) => {
    if (def.subjects.length === 0 && def.phrases.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['subjects'], message: 'an indicator needs at least one word in subjects or phrases' });
    }
    def.also.forEach((u, i) => {
      if ((def.unit === '人次' && PEOPLE_UNITS.has(u)) || (PEOPLE_UNITS.has(def.unit) && u === '人次')) {
        ctx.addIssue({ code: 'custom', path: ['also', i], message: '人次 is not 人: count people and attendances as two indicators' });
      }
    });
  });

const indicatorsSchema = z
  .object({ indicators: z.array(indicatorSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.indicators.forEach((def, i) => {
      if (seen.has(def.id)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `duplicate indicator id "${def.id}"` });
      seen.add(def.id);
    });
  });

const cache = new Map<string, IndicatorDef[]>();

/** The indicators of a rule file (rules/indicators.yml by default), checked and cached per file. */
export function loadIndicators(file: string = join(rulesDir(), 'indicators.yml')): IndicatorDef[] {
  const key = resolve(file);
  const cached = cache.get(key);
  if (cached) return cached;
  const parsed = loadYamlRules(file, indicatorsSchema);
  const defs: IndicatorDef[] = parsed.indicators.map((d) => ({
    id: d.id,
    unit: d.unit,
    subjects: d.subjects,
    phrases: d.phrases,
    exclude: d.exclude,
    also: d.also,
  }));
  cache.set(key, defs);
  return defs;
}

/** Clause punctuation: a figure's clause starts after the last of these before it. */
const CLAUSE_END = /[。！？；，,;!?\n]/;

/**
 * The normalised text of the clause holding the figure at `offset`, up to the figure: at most 200
 * characters, as no real clause is longer; scanning an unbounded one back from every figure was
 * quadratic on a long line.
 */
export function clauseBefore(text: string, offset: number): string {
  let start = offset;
  const lower = Math.max(0, offset - 200);
  while (start > lower && !CLAUSE_END.test(text[start - 1]!)) start--;
  return text.slice(start, offset);
}

/**
 * The part of the clause that describes this figure. When earlier numbers sit in the clause, the
 * words between the last of them and a list break (、和及与) name that earlier figure (选树表彰了
 * 10名劳动模范和18名…: 劳动模范 is not the 18's): keep the lead before the first number (the verb
 * and topic the list shares: “金秋助学”资助18个家庭、19名学生) and what follows the last break.
 */
function ownClause(clause: string): string {
  const first = clause.search(/[0-9]/);
  if (first < 0) return clause;
  const last = Math.max(...[...'0123456789'].map((d) => clause.lastIndexOf(d)));
  const rest = clause.slice(last + 1);
  const cut = Math.max(...[...'、和及与'].map((c) => rest.lastIndexOf(c)));
  // A separator no word contains, so no phrase matches across the gap.
  return `${clause.slice(0, first)}\u0000${cut < 0 ? rest : rest.slice(cut + 1)}`;
}

function unitFits(figureUnit: string, def: IndicatorDef): boolean {
  if (SHARE_UNITS.has(figureUnit) || figureUnit === '') return false;
  if (figureUnit === def.unit || (def.also ?? []).includes(figureUnit)) return true;
  return PEOPLE_UNITS.has(figureUnit) && PEOPLE_UNITS.has(def.unit);
}

const hasAny = (text: string, words: readonly string[]) => text !== '' && words.some((w) => text.includes(w));

/**
 * The indicator a figure belongs to, or null. `clause` is the normalised text of the figure's
 * clause up to the figure. The first indicator in file order whose subject words (in the figure's
 * subject) or phrases (in the clause) match, whose unit fits and whose exclude words are absent wins.
 */
export function indicatorFor(figure: Figure, clause: string, indicators: readonly IndicatorDef[]): IndicatorDef | null {
  if (SHARE_UNITS.has(figure.unit) || figure.unit === '') return null;
  const own = ownClause(clause);
  const subject = figure.subject;
  for (const def of indicators) {
    if (!unitFits(figure.unit, def)) continue;
    if (!hasAny(subject, def.subjects) && !hasAny(own, def.phrases)) continue;
    if (hasAny(subject, def.exclude) || hasAny(own, def.exclude)) continue;
    return def;
  }
  return null;
}

/** Drops binary noise from sums of decimals (0.1 + 0.2); values are money in 元 or counts. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One report's value per indicator: figures in duplicated passages are left out; a total (共, 累计,
 * 全年 …) wins, the largest if several; otherwise the distinct figures are summed (the same value and
 * text counted once, as when a summary sentence restates a figure — unless their subjects differ). Indicators in order of first figure.
 */
export function combineReport(figures: readonly { figure: Figure; indicator: IndicatorDef; duplicate: boolean }[]): ReportIndicator[] {
  const groups = new Map<string, { indicator: IndicatorDef; figures: Figure[] }>();
  for (const { figure, indicator, duplicate } of figures) {
    if (duplicate) continue;
    const group = groups.get(indicator.id) ?? { indicator, figures: [] };
    group.figures.push(figure);
    groups.set(indicator.id, group);
  }
  const result: ReportIndicator[] = [];
  for (const { indicator, figures: group } of groups.values()) {
    const totals = group.filter((f) => f.total);
    if (totals.length > 0) {
      const value = totals.reduce((max, f) => Math.max(max, f.value), -Infinity);
      result.push({ id: indicator.id, unit: indicator.unit, value: round2(value), figures: 1, fromTotal: true });
      continue;
    }
    // The same value written the same way again is a restatement (a summary sentence), unless the
    // two count different things: 产生1名劳动模范、1名劳模工匠 are two people.
    const distinct: Figure[] = [];
    for (const f of group) {
      const same = distinct.some(
        (d) => d.value === f.value && d.text.trim() === f.text.trim() && (d.subject === f.subject || d.subject === '' || f.subject === ''),
      );
      if (!same) distinct.push(f);
    }
    const sum = distinct.reduce((a, f) => a + f.value, 0);
    result.push({ id: indicator.id, unit: indicator.unit, value: round2(sum), figures: distinct.length, fromTotal: false });
  }
  return result;
}

// Indicators: map a figure to one of the indicators of rules/indicators.yml (新会员, 慰问金 …), by
// its subject, its clause or a synonym, in a unit that fits or converts (rules/unit-conversions.yml).
// How one report's figures of an indicator combine is combine.ts.
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Figure } from '../extract/index.js';
import { rulesDir } from '../config/paths.js';
import { loadYamlRules } from '../config/yaml-file.js';
import { conversionFactor } from './units.js';

export interface IndicatorDef {
  id: string;
  unit: string;
  subjects: string[];
  phrases: string[];
  exclude: string[];
  /** Other units taken as the same count (合理化建议: 条, also 项). Empty when not given. */
  also?: string[];
  /** Other names of the metric (提案 for 职代会提案): matched as subject words and phrases, and accepted by `stats --explain`. */
  synonyms?: string[];
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
    synonyms: z.array(word).default([]),
    subjects: z.array(word).default([]),
    phrases: z.array(word).default([]),
    exclude: z.array(word).default([]),
  })
  .strict()
  .superRefine((def, ctx) => {
    if (def.subjects.length === 0 && def.phrases.length === 0 && def.synonyms.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['subjects'], message: 'an indicator needs at least one word in subjects, phrases or synonyms' });
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
    // A name (id or synonym) names one metric: otherwise `--explain 提案/2021` could mean two.
    const owner = new Map<string, string>();
    for (const def of file.indicators) owner.set(def.id, def.id);
    file.indicators.forEach((def, i) => {
      def.synonyms.forEach((name, k) => {
        const other = owner.get(name);
        if (other !== undefined && other !== def.id) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'synonyms', k], message: `"${name}" already names the indicator "${other}"` });
        owner.set(name, def.id);
      });
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
    synonyms: d.synonyms,
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

/** Whether a figure in `figureUnit` can be counted under `def`: its unit, one of its `also`, or one that converts (公顷 → 亩). */
export function unitFits(figureUnit: string, def: IndicatorDef): boolean {
  if (SHARE_UNITS.has(figureUnit) || figureUnit === '') return false;
  if (figureUnit === def.unit || (def.also ?? []).includes(figureUnit)) return true;
  if (PEOPLE_UNITS.has(figureUnit) && PEOPLE_UNITS.has(def.unit)) return true;
  return conversionFactor(figureUnit, def.unit) !== null;
}

const hasAny = (text: string, words: readonly string[]) => text !== '' && words.some((w) => text.includes(w));

/** The first of `words` found in `text`, or null. */
const firstIn = (text: string, words: readonly string[]): string | null => (text === '' ? null : (words.find((w) => text.includes(w)) ?? null));

export interface IndicatorMatch {
  /** The indicator the figure is counted under, or null. */
  indicator: IndicatorDef | null;
  /** The word of the rule file that named it (a subject word, phrase or synonym). */
  word: string;
  /** When no indicator takes the figure: the first whose words name it but whose unit does not fit. */
  unitMismatch?: IndicatorDef;
}

/**
 * The indicator a figure belongs to, and the word that decided it. `clause` is the normalised text
 * of the figure's clause up to the figure. The first indicator in file order whose subject words or
 * synonyms (in the figure's subject) or phrases or synonyms (in the clause) match, whose unit fits and
 * whose exclude words are absent wins.
 */
export function matchIndicator(figure: Figure, clause: string, indicators: readonly IndicatorDef[]): IndicatorMatch {
  if (SHARE_UNITS.has(figure.unit) || figure.unit === '') return { indicator: null, word: '' };
  const own = ownClause(clause);
  const subject = figure.subject;
  let unitMismatch: IndicatorDef | undefined;
  for (const def of indicators) {
    const synonyms = def.synonyms ?? [];
    const named = firstIn(subject, def.subjects) ?? firstIn(subject, synonyms);
    const word = named ?? firstIn(own, def.phrases) ?? firstIn(own, synonyms);
    if (word === null) continue;
    if (hasAny(subject, def.exclude) || hasAny(own, def.exclude)) continue;
    if (!unitFits(figure.unit, def)) {
      unitMismatch ??= def;
      continue;
    }
    // 一 with a unit taken only as another way to count (项 for 劳动竞赛 in 次) is mostly an article:
    // in 竞赛活动是贯穿全年的一项活动 the 一项 counts 活动; it counts the metric only when its subject says so.
    if (named === null && figure.text.trim().startsWith('一') && (def.also ?? []).includes(figure.unit)) continue;
    return { indicator: def, word };
  }
  return { indicator: null, word: '', ...(unitMismatch ? { unitMismatch } : {}) };
}

/** The indicator a figure belongs to, or null (see matchIndicator). */
export function indicatorFor(figure: Figure, clause: string, indicators: readonly IndicatorDef[]): IndicatorDef | null {
  return matchIndicator(figure, clause, indicators).indicator;
}

/** The indicator named `name`: its id or one of its synonyms. */
export function indicatorNamed(name: string, indicators: readonly IndicatorDef[] = loadIndicators()): IndicatorDef | null {
  return indicators.find((d) => d.id === name) ?? indicators.find((d) => (d.synonyms ?? []).includes(name)) ?? null;
}

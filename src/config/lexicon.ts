// The word lists the extraction reads from rules/: units, placeholders, activities, not-figures.
// Loaded and checked once per process (per rules directory).
import { join } from 'node:path';
import { z } from 'zod';
import { rulesDir } from './paths.js';
import { Literals } from '../text/literals.js';
import { loadYamlRules } from './yaml-file.js';
import { compileRuleRegex, regexProblem } from './safe-regex.js';

export const UNIT_KINDS = ['person', 'count', 'money', 'percent', 'measure', 'time'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const unitsSchema = z.object({
  units: z.array(
    z.object({
      unit: z.string().min(1),
      kind: z.enum(UNIT_KINDS),
      scale: z.number().positive().optional(),
      base: z.string().optional(),
      risky: z.boolean().optional(),
    }).strict(),
  ).min(1),
  money_cues: z.array(z.string().min(1)).default([]),
  period_words: z.array(z.string().min(1)).default([]),
}).passthrough();

/** A regular expression from a rule file: valid, and unable to hang the run. */
export const ruleRegex = z.string().min(1).superRefine((source, ctx) => {
  const problem = regexProblem(source);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const placeholdersSchema = z.object({
  patterns: z.array(z.object({ id: z.string().min(1), description: z.string().default(''), regex: ruleRegex }).strict()).min(1),
});

const activitiesSchema = z.object({
  verbs: z.array(z.string().min(1)).min(1),
  light_verbs: z.array(z.string().min(1)).default([]),
  verb_aliases: z.record(z.string().min(1), z.string().min(1)).default({}),
  pivot_verbs: z.array(z.string().min(1)).default([]),
  abstract_objects: z.array(z.string().min(1)).default([]),
  categories: z.array(z.object({ id: z.string().min(1), keywords: z.array(z.string().min(1)).min(1) }).strict()).min(1),
});

const notFiguresSchema = z.object({
  slogans: z.array(z.string().min(1)).default([]),
  period_words: z.array(z.string().min(1)).default([]),
  ordinal_prefixes: z.array(z.string().min(1)).default([]),
});

export interface UnitEntry {
  unit: string;
  kind: UnitKind;
  /** Multiply the value by this and report `base` (万元 → ×10000, 元). */
  scale: number;
  base: string;
  /** Also a common part of words (名义, 对于, 期间): trusted only right after an Arabic number. */
  risky: boolean;
}

export interface PlaceholderPattern {
  id: string;
  description: string;
  regex: RegExp;
}

export interface Lexicon {
  /** Longest first, so 人次 wins over 人 and 万元 over 万. */
  units: UnitEntry[];
  unitByText: Map<string, UnitEntry>;
  /** The units' texts, longest first: matchAt finds the longest unit at a place, without a slice per length tried. */
  unitText: Literals;
  moneyCues: string[];
  /** Longest first. */
  periodWords: string[];
  periodWordText: Literals;
  ordinalPrefixes: string[];
  slogans: string[];
  /** The slogans, to find in characters (a paragraph without one needs no search for each). */
  sloganText: Literals;
  placeholders: PlaceholderPattern[];
  activityVerbs: string[];
  activityVerbSet: Set<string>;
  activityCategories: { id: string; keywords: string[] }[];
  /** Every activity keyword, longest first; `keywordCategory` gives its category's index. */
  activityKeywords: Literals;
  keywordCategory: Map<string, number>;
  /** Other spellings of a verb (签定 → 签订), reported in the spelling on the right. */
  activityVerbAliases: Map<string, string>;
  /** Verbs that say nothing of what was done (进行, 给予): the verb after them is the activity. */
  activityLightVerbs: Set<string>;
  /** Verbs that make others act (组织职工参加…): the activity is the second verb's. */
  activityPivotVerbs: Set<string>;
  /** Object heads that make an object abstract (意识, 作用, 机制): no activity. */
  abstractObjects: string[];
  /** Units that can stand alone where a count was left out (blank counts): no measures, no scaled units. */
  blankUnits: Set<string>;
  /** The blank units by their first character: where a character scan looks for one. */
  blankUnitsByFirst: Map<string, string[]>;
  /** The activity verbs, to find in characters (a clause without one needs no segmenting for activities). */
  activityVerbText: Literals;
}

const cache = new Map<string, Lexicon>();

export function loadLexicon(dir: string = rulesDir()): Lexicon {
  const cached = cache.get(dir);
  if (cached) return cached;
  const unitsFile = join(dir, 'units.yml');
  const units = loadYamlRules(unitsFile, unitsSchema);
  const placeholders = loadYamlRules(join(dir, 'placeholders.yml'), placeholdersSchema);
  const activities = loadYamlRules(join(dir, 'activities.yml'), activitiesSchema);
  const notFigures = loadYamlRules(join(dir, 'not-figures.yml'), notFiguresSchema);

  const entries: UnitEntry[] = units.units
    .map((u) => ({ unit: u.unit, kind: u.kind, scale: u.scale ?? 1, base: u.base ?? u.unit, risky: u.risky ?? false }))
    .sort((a, b) => b.unit.length - a.unit.length);
  const periodWords = [...new Set([...units.period_words, ...notFigures.period_words])].sort((a, b) => b.length - a.length);
  const lexicon: Lexicon = {
    units: entries,
    unitByText: new Map(entries.map((u) => [u.unit, u])),
    unitText: new Literals(entries.map((u) => u.unit)),
    moneyCues: units.money_cues,
    periodWords,
    periodWordText: new Literals(periodWords),
    ordinalPrefixes: notFigures.ordinal_prefixes,
    slogans: notFigures.slogans,
    sloganText: new Literals(notFigures.slogans),
    placeholders: placeholders.patterns.map((p) => ({ id: p.id, description: p.description, regex: compileRuleRegex(p.regex, 'gu') })),
    activityVerbs: [...new Set(activities.verbs)].sort((a, b) => b.length - a.length),
    activityVerbSet: new Set([...activities.verbs, ...activities.light_verbs, ...activities.pivot_verbs, ...Object.keys(activities.verb_aliases)]),
    activityCategories: activities.categories,
    activityKeywords: new Literals([...new Set(activities.categories.flatMap((c) => c.keywords))].sort((a, b) => b.length - a.length)),
    keywordCategory: new Map(),
    activityVerbAliases: new Map(Object.entries(activities.verb_aliases)),
    activityLightVerbs: new Set(activities.light_verbs),
    activityPivotVerbs: new Set(activities.pivot_verbs),
    abstractObjects: activities.abstract_objects,
    blankUnits: new Set(entries.filter((u) => u.kind !== 'measure' && u.kind !== 'time' && u.scale === 1).map((u) => u.unit)),
    blankUnitsByFirst: new Map(),
    activityVerbText: new Literals([...new Set([...activities.verbs, ...activities.light_verbs, ...Object.keys(activities.verb_aliases)])]),
  };
  for (const unit of lexicon.blankUnits) {
    const first = unit[0]!;
    lexicon.blankUnitsByFirst.set(first, [...(lexicon.blankUnitsByFirst.get(first) ?? []), unit]);
  }
  // The first category that lists a keyword owns it (the file orders specific before general).
  activities.categories.forEach((c, index) => {
    for (const k of c.keywords) if (!lexicon.keywordCategory.has(k)) lexicon.keywordCategory.set(k, index);
  });
  cache.set(dir, lexicon);
  return lexicon;
}

// Units made comparable for statistics (rules/unit-conversions.yml): a figure in 公里 counted under a
// metric in 米, 公顷 under 亩. Factors are kept as fractions (1亩 = 10000/15 平方米) so that a
// conversion multiplies and divides whole numbers once and brings in no binary noise.
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { rulesDir } from '../config/paths.js';
import { loadYamlRules } from '../config/yaml-file.js';

/** A factor as a fraction of two positive numbers. */
interface Fraction {
  num: number;
  den: number;
}

const factor = z.union([
  z.number().positive(),
  z.string().regex(/^\s*\d+(?:\.\d+)?\s*\/\s*\d+(?:\.\d+)?\s*$/, { message: 'a factor is a number or a fraction written "a/b"' }),
]);

const conversionsSchema = z
  .object({
    groups: z.array(z.object({ name: z.string().min(1), base: z.string().min(1), units: z.record(z.string().min(1), factor) }).strict()).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.groups.forEach((group, g) => {
      if (!(group.base in group.units)) ctx.addIssue({ code: 'custom', path: ['groups', g, 'base'], message: `the base unit "${group.base}" must be one of the group's units` });
      for (const unit of Object.keys(group.units)) {
        const other = seen.get(unit);
        if (other !== undefined) ctx.addIssue({ code: 'custom', path: ['groups', g, 'units', unit], message: `"${unit}" is already in group ${other + 1}: a unit belongs to one group` });
        seen.set(unit, g);
      }
    });
  });

export interface UnitConversions {
  /** Unit → its group's name and its size in the group's base unit. */
  units: Map<string, { group: string; size: Fraction }>;
}

const cache = new Map<string, UnitConversions>();

function fraction(value: number | string): Fraction {
  if (typeof value === 'number') return { num: value, den: 1 };
  const [num, den] = value.split('/').map((s) => Number(s.trim()));
  return { num: num!, den: den! };
}

/** The conversions of a rule file (rules/unit-conversions.yml by default), checked and cached. */
export function loadUnitConversions(file: string = join(rulesDir(), 'unit-conversions.yml')): UnitConversions {
  const key = resolve(file);
  const cached = cache.get(key);
  if (cached) return cached;
  const parsed = loadYamlRules(file, conversionsSchema);
  const units = new Map<string, { group: string; size: Fraction }>();
  for (const group of parsed.groups) for (const [unit, size] of Object.entries(group.units)) units.set(unit, { group: group.name, size: fraction(size) });
  const conversions = { units };
  cache.set(key, conversions);
  return conversions;
}

/** The multiplier from `from` to `to` as a fraction, or null when the two cannot be converted. Equal units: 1/1. */
export function conversionFactor(from: string, to: string, conversions: UnitConversions = loadUnitConversions()): Fraction | null {
  if (from === to) return { num: 1, den: 1 };
  const a = conversions.units.get(from);
  const b = conversions.units.get(to);
  if (!a || !b || a.group !== b.group) return null;
  return { num: a.size.num * b.size.den, den: a.size.den * b.size.num };
}

/** Drops binary noise from sums of decimals (0.1 + 0.2); statistics keep two decimals. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** `value` in `from` expressed in `to`, to two decimals; null when the units do not convert. */
export function convertValue(value: number, from: string, to: string, conversions?: UnitConversions): number | null {
  const f = conversionFactor(from, to, conversions);
  return f === null ? null : round2((value * f.num) / f.den);
}

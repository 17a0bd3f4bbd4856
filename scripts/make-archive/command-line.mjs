// The command line of scripts/make-archive.mjs: its usage text, its options parsed and checked,
// and UsageError, which the entry point reports with its exit code (2: bad usage, 1: other).
import path from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `usage: node scripts/make-archive.mjs OUT_DIR [--units N] [--years YYYY-YYYY] [--seed N] [--size-mb N]

  OUT_DIR        folder to write (created; must be empty or hold an earlier archive, which is replaced)
  --units N      number of units (organisations), default 8; with --size-mb, the minimum
  --years A-B    years of reports, default 2016-2025 (a single year is allowed)
  --seed N       PRNG seed, a non-negative integer, default 42
  --size-mb N    keep adding units until the reports total about N MB (1 MB = 10^6 bytes)`;

export class UsageError extends Error {
  constructor(message, code = 2) {
    super(message);
    this.code = code;
  }
}

export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        units: { type: 'string' },
        years: { type: 'string' },
        seed: { type: 'string' },
        'size-mb': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    const ambiguous = /Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(err.message);
    throw new UsageError(ambiguous ? `${ambiguous[1]} needs a value, and negative numbers are not allowed` : err.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'missing OUT_DIR' : `one OUT_DIR expected, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  const intOption = (name, raw, min, max) => {
    if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
  const units = values.units === undefined ? 8 : intOption('units', values.units, 1, 100000);
  const seed = values.seed === undefined ? 42 : intOption('seed', values.seed, 0, 4294967295);
  let years = [2016, 2025];
  if (values.years !== undefined) {
    const m = /^(\d{4})(?:\s*[-–~]\s*(\d{4}))?$/.exec(values.years.trim());
    if (!m) throw new UsageError(`--years must look like 2016-2025 or 2020, got "${values.years}"`);
    years = [Number(m[1]), Number(m[2] ?? m[1])];
    if (years[0] > years[1]) throw new UsageError(`--years: ${years[0]} is after ${years[1]}`);
    if (years[0] < 1990 || years[1] > 2100) throw new UsageError(`--years must lie within 1990-2100, got "${values.years}"`);
  }
  let sizeMb = null;
  if (values['size-mb'] !== undefined) {
    const raw = values['size-mb'];
    sizeMb = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || !(sizeMb > 0) || sizeMb > 10000) {
      throw new UsageError(`--size-mb must be a positive number of MB up to 10000, got "${raw}"`);
    }
  }
  return { outDir: path.resolve(positionals[0]), units, unitsGiven: values.units !== undefined, seed, years, sizeMb };
}

// Which org and year a report belongs to: a manifest (file, org, year), a --year-from pattern on
// the path, the first folder under the input directory, or the report's own year.
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { StatsWarning } from './types.js';

export interface ManifestEntry {
  org: string;
  year: number | null;
  /** The file as the manifest writes it, and the manifest's line that names it (the last, when several do). */
  file?: string;
  line?: number;
}

export class ManifestError extends Error {}

/** A manifest's rows by resolved file path, and what an analyst must hear about it. */
export class Manifest extends Map<string, ManifestEntry> {
  constructor(
    /** The manifest file, as given. */
    readonly path: string,
    /** Files that more than one row names, with the lines that do. */
    readonly repeated: { file: string; lines: number[] }[] = [],
  ) {
    super();
  }
}

/** A CSV with columns file, org, year (header required; UTF-8, a BOM is fine). Paths are relative to the manifest. */
export function readManifest(path: string): Manifest {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(readFileSync(path, 'utf8'), { bom: true, columns: true, skip_empty_lines: true, trim: true, info: true });
  } catch (error) {
    throw new ManifestError(`${path}: ${(error as Error).message}`);
  }
  const first = records[0]?.record;
  if (first && !('file' in first)) throw new ManifestError(`${path}: the header must name the columns file, org, year`);
  const entries = new Manifest(path);
  const lines = new Map<string, number[]>();
  const base = resolve(path, '..');
  records.forEach(({ record: r, info }) => {
    const line = info.lines;
    const year = r.year ? Number(r.year) : null;
    if (year !== null && !Number.isInteger(year)) throw new ManifestError(`${path}:${line}: year must be a whole number, not "${r.year}"`);
    const key = resolve(base, r.file ?? '');
    lines.set(key, [...(lines.get(key) ?? []), line]);
    entries.set(key, { org: r.org ?? '', year, file: r.file ?? '', line });
  });
  for (const [key, at] of lines) if (at.length > 1) entries.repeated.push({ file: entries.get(key)!.file!, lines: at });
  return entries;
}

/** The year a --year-from pattern finds in a path: its first group, or the whole match. */
export function yearFromPath(path: string, pattern: RegExp): number | null {
  const m = pattern.exec(path.split(sep).join('/'));
  if (!m) return null;
  const year = Number(m[1] ?? m[0]);
  return Number.isInteger(year) ? year : null;
}

/** The first folder of `file` under whichever input directory holds it ("" when none). */
export function orgFromPath(file: string, inputs: string[]): string {
  for (const input of inputs) {
    const rel = relative(resolve(input), resolve(file));
    if (rel && !rel.startsWith('..')) {
      const parts = rel.split(sep);
      return parts.length > 1 ? parts[0]! : '';
    }
  }
  return '';
}

/**
 * What a manifest leaves unsaid: a row whose file does not exist, a file named by two rows, and an
 * input that no row names (its org and year then come from elsewhere). Worded later (warnings.ts).
 */
export function manifestWarnings(manifest: Map<string, ManifestEntry>, inputs: readonly string[]): StatsWarning[] {
  const path = manifest instanceof Manifest ? manifest.path : '';
  const out: StatsWarning[] = [];
  for (const [key, entry] of manifest) {
    if (!existsSync(key)) out.push({ kind: 'manifest-missing-file', message: '', manifest: path, file: entry.file ?? key, ...(entry.line ? { line: entry.line } : {}) });
  }
  if (manifest instanceof Manifest) for (const r of manifest.repeated) out.push({ kind: 'manifest-duplicate-row', message: '', manifest: path, file: r.file, lines: r.lines });
  for (const file of inputs) if (!manifest.has(resolve(file))) out.push({ kind: 'manifest-unlisted-file', message: '', manifest: path, file });
  return out;
}

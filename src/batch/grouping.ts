// Which org and year a report belongs to: a manifest (file, org, year), a --year-from pattern on
// the path, the first folder under the input directory, or the report's own year.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface ManifestEntry {
  org: string;
  year: number | null;
}

export class ManifestError extends Error {}

/** A CSV with columns file, org, year (header required; UTF-8, a BOM is fine). Paths are relative to the manifest. */
export function readManifest(path: string): Map<string, ManifestEntry> {
  let records: Record<string, string>[];
  try {
    records = parse(readFileSync(path, 'utf8'), { bom: true, columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new ManifestError(`${path}: ${(error as Error).message}`);
  }
  const first = records[0];
  if (first && !('file' in first)) throw new ManifestError(`${path}: the header must name the columns file, org, year`);
  const entries = new Map<string, ManifestEntry>();
  const base = resolve(path, '..');
  records.forEach((r, i) => {
    const year = r.year ? Number(r.year) : null;
    if (year !== null && !Number.isInteger(year)) throw new ManifestError(`${path}:${i + 2}: year must be a whole number, not "${r.year}"`);
    entries.set(resolve(base, r.file ?? ''), { org: r.org ?? '', year });
  });
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

// Formats for `zongjie extract`: json (the DESIGN.md contract), ndjson, csv (one row per figure).
import { stringify } from 'csv-stringify/sync';
import type { Extraction } from '../extract/index.js';

/**
 * The contract object: internal offsets (span) stay inside the library. `positions: 'paragraph'`
 * (a Word document) is stated on the object: lines are paragraph numbers there.
 */
export function extractionJson(e: Extraction, options: { positions?: 'paragraph' | undefined } = {}): object {
  // Copied key by key: a rest spread ({ span, ...rest }) took the slow path for every item (twice
  // the time on an archive), and an item's getters (a figure's subject) are read here either way.
  const strip = <T extends { span: unknown }>(items: T[]): Omit<T, 'span'>[] =>
    items.map((item) => {
      const out: Record<string, unknown> = {};
      for (const key in item) if (key !== 'span') out[key] = item[key];
      return out as Omit<T, 'span'>;
    });
  return {
    file: e.file,
    year: e.year,
    script: e.script,
    figures: strip(e.figures),
    placeholders: strip(e.placeholders),
    blanks: strip(e.blanks),
    activities: strip(e.activities),
    ...(options.positions ? { positions: options.positions } : {}),
  };
}

export const CSV_BOM = '\uFEFF';
export const FIGURE_COLUMNS = ['file', 'year', 'section', 'subject', 'value', 'max', 'unit', 'qualifier', 'total', 'text', 'line', 'column', 'modality', 'relation'] as const;

/** One row per figure; the caller writes CSV_BOM once first so Excel reads the Chinese as UTF-8. */
export function figureCsvRows(e: Extraction, header: boolean): string {
  const rows = e.figures.map((f) => [e.file, e.year ?? '', f.section, f.subject, f.value, f.max ?? '', f.unit, f.qualifier, f.total, f.text, f.line, f.column, f.modality, f.relation]);
  return stringify(rows, { header, columns: [...FIGURE_COLUMNS], record_delimiter: '\r\n' });
}

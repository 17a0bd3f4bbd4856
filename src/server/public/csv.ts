// The figures or activities as CSV (the same columns as `zongjie extract --format csv`), downloaded.
import { el } from './dom.js';
import { state } from './state.js';

function csvCell(value: unknown): string {
  const s = value === undefined || value === null ? '' : value === true ? '1' : value === false ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function download(kind: string | undefined): void {
  const r = state.result;
  if (!r) return;
  let header: string[];
  let rows: unknown[][];
  if (kind === 'figures') {
    header = ['file', 'year', 'section', 'subject', 'value', 'max', 'unit', 'qualifier', 'total', 'text', 'line', 'column', 'modality', 'relation'];
    rows = r.figures.map((f) => [r.file, r.year, f.section, f.subject, f.value, f.max, f.unit, f.qualifier, f.total, f.text, f.line, f.column, f.modality, f.relation]);
  } else {
    header = ['file', 'year', 'section', 'verb', 'object', 'category', 'count', 'participants', 'text', 'line', 'column'];
    rows = r.activities.map((a) => [r.file, r.year, a.section, a.verb, a.object, a.category, a.count, a.participants, a.text, a.line, a.column]);
  }
  const csv = [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
  const blob = new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: `${r.file.replace(/\.[^.]+$/, '')}-${kind}.csv` });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

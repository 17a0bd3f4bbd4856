// `zongjie stats --explain METRIC/YEAR[/ORG]`: the figures behind one cell, for a person (text) or a
// program (json): where each is, what it says, how it was converted, and the sum next to the cell.
import type { CellExplanation } from '../batch/explain.js';
import type { NotCounted, StatsRow } from '../batch/types.js';
import { t, type Lang, type MessageKey } from '../text/messages.js';
import { rowJson } from './stats-json.js';
import { formatNumber } from './stats-common.js';

function place(r: StatsRow): string {
  return `${r.file}:${r.line}:${r.column}${r.positions === 'paragraph' ? '¶' : ''}`;
}

/** Why a row is not in the cell, in `lang`: its modality, or the note combining gave it. */
const NOTE_KEYS: Record<NotCounted, MessageKey> = { copy: 'stats.noteCopy', change: 'stats.noteChange', total: 'stats.noteTotal', restated: 'stats.noteRestated' };

function whyLeftOut(r: StatsRow, lang: Lang): string {
  if (r.note) return t(lang, NOTE_KEYS[r.note]);
  if (r.modality === 'target') return t(lang, 'stats.modalityTarget');
  if (r.modality === 'comparison') return t(lang, 'stats.modalityComparison');
  return '';
}

function figureLines(r: StatsRow, index: number, showOrg: boolean, extra: string): string[] {
  const value = `${formatNumber(r.indicatorValue)} ${r.indicatorUnit}`;
  const head = `  ${index}. ${place(r)}${showOrg && r.org ? `  [${r.org}]` : ''}  ${extra}${value}${r.conversion ? `（${r.conversion}）` : ''}`;
  return [head, ...(r.section ? [`     ${r.section}`] : []), `     “${r.sentence}”`];
}

/** The explanation as text: the cell, each counted figure with its place, the sum, then the figures left out. */
export function explainText(e: CellExplanation, lang: Lang): string {
  const org = e.org !== undefined ? ` · ${e.org || '—'}` : '';
  const out: string[] = [];
  if (e.counted.length === 0) out.push(t(lang, 'stats.explainEmpty', { indicator: e.indicator, year: e.year, org }));
  else {
    out.push(t(lang, 'stats.explainCell', {
      indicator: e.indicator, year: e.year, org, value: e.value === undefined ? '—' : formatNumber(e.value), unit: e.unit, reports: e.reports, figures: e.counted.length,
    }));
    e.counted.forEach((r, i) => {
      out.push(...figureLines(r, i + 1, e.org === undefined, ''));
    });
    const equal = e.value !== undefined && e.sum === e.value;
    out.push(t(lang, 'stats.explainSum', {
      sum: formatNumber(e.sum), unit: e.unit, value: e.value === undefined ? '—' : formatNumber(e.value), verdict: t(lang, equal ? 'stats.explainEqual' : 'stats.explainDiffers'),
    }));
  }
  if (e.leftOut.length) {
    out.push('', t(lang, 'stats.explainLeftOut'));
    e.leftOut.forEach((r, i) => {
      out.push(...figureLines(r, i + 1, e.org === undefined, `[${whyLeftOut(r, lang)}] `));
    });
  }
  return `${out.join('\n')}\n`;
}

/** The explanation as JSON: the cell, its sum, and the rows as in the long table. */
export function explainJson(e: CellExplanation): string {
  return `${JSON.stringify({ ...e, counted: e.counted.map(rowJson), leftOut: e.leftOut.map(rowJson) }, null, 2)}\n`;
}

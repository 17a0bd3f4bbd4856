// The part of the stats page that makes every cell traceable: under 数字来源, one list per cell of
// the indicator × year table (anchored, so the cell links to it) with the figures whose sum is the
// cell (file, line:column, org, the headings over it, the sentence, the conversion) and the sum;
// the figures of that indicator and year left out follow, folded, with why. Orgs' cells link to
// their part of the same list. The warnings of the run get their own section.
import { sumAsAggregated } from '../batch/explain.js';
import { yearKey } from '../batch/term-sums.js';
import type { StatsResult, StatsRow } from '../batch/types.js';
import { escapeHtml, formatNumber, orgLabel } from './stats-common.js';

/** At most this many figures are listed under one cell; `stats --explain` lists them all. */
const MAX_PER_CELL = 200;

const NOTES: Record<string, string> = { copy: '重复段落', change: '变化量', total: '另有总数', restated: '重复提及', target: '目标', comparison: '对比' };

/** Whether a row is in its cell, as the detail table says it: 计入, 目标, 对比, or why not (变化量, 另有总数 …); "" for a figure no indicator takes. */
export function countedLabel(r: StatsRow): string {
  if (!r.indicator) return '';
  if (r.note) return NOTES[r.note]!;
  return r.modality === 'actual' ? '计入' : NOTES[r.modality]!;
}

/** The anchor of a cell (an indicator by its index, a year, and an org by its index in the result's orgs). */
export function cellAnchor(indicator: number, year: string, org?: number): string {
  return `src-${indicator}-${encodeURIComponent(year)}${org === undefined ? '' : `-o${org}`}`;
}

/** An org's index for anchors: its place in result.orgs, or -1 for reports without one. */
export function orgIndex(result: StatsResult, org: string): number {
  return result.orgs.indexOf(org);
}

function rowLine(r: StatsRow, note?: string): string {
  const where = r.positions === 'paragraph' ? `第${r.line}段:${r.column}` : `${r.line}:${r.column}`;
  return `<tr><td>${escapeHtml(r.file)}<br><small>${where}</small></td><td>${escapeHtml(orgLabel(r.org))}</td>`
    + `<td class="num">${escapeHtml(formatNumber(r.indicatorValue))}${note ? `<small>${escapeHtml(note)}</small>` : ''}</td>`
    + `<td>${escapeHtml(r.conversion || r.text)}</td><td><small>${escapeHtml(r.section)}</small><br>${escapeHtml(r.sentence)}</td></tr>`;
}

const HEAD = '<thead><tr><th>文件 行:列</th><th>单位名称</th><th>数值</th><th>原文 / 换算</th><th>章节 / 句子</th></tr></thead>';

/** The lists behind every cell; empty when the run kept no rows. */
export function sourcesSection(result: StatsResult): string {
  if (result.rows.length === 0) return '<p>无（明细未保留或没有数字）。</p>';
  const byCell = new Map<string, StatsRow[]>();
  for (const r of result.rows) {
    if (!r.indicator) continue;
    const key = `${r.indicator}\u0000${yearKey(r.year)}`;
    const list = byCell.get(key);
    if (list) list.push(r);
    else byCell.set(key, [r]);
  }
  const parts: string[] = [];
  result.indicators.forEach((s, i) => {
    for (const year of Object.keys(s.byYear)) {
      const rows = byCell.get(`${s.id}\u0000${year}`) ?? [];
      const counted = rows.filter((r) => r.counted && r.modality === 'actual');
      const leftOut = rows.filter((r) => !(r.counted && r.modality === 'actual'));
      const orgs = [...new Set(counted.map((r) => r.org))];
      const body = orgs.map((org) => {
        const mine = counted.filter((r) => r.org === org);
        const shown = mine.slice(0, MAX_PER_CELL).map((r) => rowLine(r)).join('');
        const more = mine.length > MAX_PER_CELL ? `<tr><td colspan="5">其余 ${mine.length - MAX_PER_CELL} 个见 zongjie stats --explain</td></tr>` : '';
        return `<tbody id="${cellAnchor(i, year, orgIndex(result, org))}">${shown}${more}</tbody>`;
      }).join('');
      const sum = sumAsAggregated(counted);
      const left = leftOut.length
        ? `<details><summary>未计入的 ${leftOut.length} 个数字</summary><table class="sources">${HEAD}<tbody>${leftOut.slice(0, MAX_PER_CELL).map((r) => rowLine(r, NOTES[r.note ?? r.modality])).join('')}</tbody></table></details>`
        : '';
      parts.push(`<section class="cell" id="${cellAnchor(i, year)}"><h3>${escapeHtml(s.id)} · ${escapeHtml(year)}：${escapeHtml(formatNumber(s.byYear[year]!))} ${escapeHtml(s.unit)}</h3>`
        + `<table class="sources">${HEAD}${body}</table><p class="note">合计 ${escapeHtml(formatNumber(sum))} ${escapeHtml(s.unit)}${sum === s.byYear[year] ? '，与单元格相等' : '，与单元格不等'}。</p>${left}</section>`);
    }
  });
  return parts.length ? `<p class="note">表中每个数字都链接到这里：计入它的每个数字、所在文件与行列、章节和原句。</p>${parts.join('\n')}` : '<p>无。</p>';
}

/** The run's warnings, one per line. */
export function warningsSection(result: StatsResult): string {
  if (result.warnings.length === 0) return '<p>无。</p>';
  return `<ul class="warnings">${result.warnings.map((w) => `<li data-kind="${escapeHtml(w.kind)}">${escapeHtml(w.message)}</li>`).join('')}</ul>`;
}

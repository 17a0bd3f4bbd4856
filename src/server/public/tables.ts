// The figures, activities and outline panels: what the extraction found, each row a link to its place.
import { isMessageKey, type MessageKey } from '../../text/messages.js';
import { byId, el } from './dom.js';
import { state, tr } from './state.js';
import type { CheckResult, OutlineItem, Place } from './types.js';

interface Column {
  key: MessageKey;
  num?: boolean;
}

interface Row {
  item: Place;
  title: string | undefined;
  cells: unknown[];
}

function table(columns: Column[], rows: Row[]): HTMLTableElement {
  return el('table', null, [
    el('thead', null, [el('tr', null, columns.map((c) => el('th', { class: c.num ? 'num' : null, text: tr(c.key) })))]),
    el('tbody', null, rows.map((row) => el('tr', { 'data-offset': row.item.offset, 'data-end-offset': row.item.endOffset, title: row.title || null },
      row.cells.map((cell, k) => el('td', { class: columns[k]!.num ? 'num' : null, text: cell === undefined || cell === null ? '' : String(cell) }))))),
  ]);
}

function qualifierText(qualifier: string): string {
  const key = `qualifier.${qualifier}`;
  return isMessageKey(key) ? tr(key) : qualifier;
}

export function renderFigures(result: CheckResult): void {
  const figures = result.figures;
  const box = byId('figures');
  if (!figures.length) {
    box.replaceChildren(el('p', { class: 'empty', text: tr('page.noFigures') }));
    return;
  }
  const locale = state.lang === 'en' ? 'en' : 'zh-CN';
  const columns: Column[] = [
    { key: 'page.colValue', num: true }, { key: 'page.colUnit' }, { key: 'page.colSubject' },
    { key: 'page.colQualifier' }, { key: 'page.colText' }, { key: 'page.colLine', num: true },
  ];
  const rows = figures.map((f) => ({
    item: f, title: f.section,
    cells: [f.value.toLocaleString(locale) + (f.max !== undefined && f.max !== null ? `–${f.max.toLocaleString(locale)}` : ''),
      f.unit, f.subject, qualifierText(f.qualifier), f.text, f.line],
  }));
  box.replaceChildren(table(columns, rows));
}

export function renderActivities(result: CheckResult): void {
  const activities = result.activities;
  const box = byId('activities');
  if (!activities.length) {
    box.replaceChildren(el('p', { class: 'empty', text: tr('page.noActivities') }));
    return;
  }
  const columns: Column[] = [
    { key: 'page.colVerb' }, { key: 'page.colObject' }, { key: 'page.colCategory' },
    { key: 'page.colCount', num: true }, { key: 'page.colText' }, { key: 'page.colLine', num: true },
  ];
  const rows = activities.map((a) => ({ item: a, title: a.section, cells: [a.verb, a.object, a.category, a.count, a.text, a.line] }));
  box.replaceChildren(table(columns, rows));
}

export function countNodes(nodes: OutlineItem[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}

export function renderOutline(result: CheckResult): void {
  const box = byId('outline');
  if (!result.outline.length) {
    box.replaceChildren(el('p', { class: 'empty', text: tr('page.noOutline') }));
    return;
  }
  const list = (nodes: OutlineItem[]): HTMLElement => el('ul', null, nodes.map((n) => el('li', null, [
    el('button', { type: 'button', 'data-offset': n.offset, 'data-end-offset': n.endOffset }, [el('span', { text: n.title }), el('span', { class: 'ln', text: String(n.line) })]),
    n.children.length ? list(n.children) : null,
  ])));
  box.replaceChildren(list(result.outline));
}

// The list of problems, grouped by rule, and the selection of one problem in the list and the draft.
import { isMessageKey } from '../../text/messages.js';
import { showTab } from './chrome.js';
import { el } from './dom.js';
import { firstRect, flash, scrollViewTo } from './marks.js';
import { state, tr, ui } from './state.js';
import type { CheckResult } from './types.js';

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function loc(item: { line: number; column: number }): string {
  return `${item.line}:${item.column}`;
}

/** A rule's short name from the catalogue, else its description as the server gives it, else its id. */
function ruleName(id: string): string {
  const key = `rule.${id}`;
  if (isMessageKey(key)) return tr(key);
  const rule = state.result?.rules.find((r) => r.id === id);
  return rule ? rule.description : id;
}

export function summaryLine(result: CheckResult): string {
  const l = result.lint;
  return tr('page.summary', { n: l.messages.length, e: l.errorCount, w: l.warningCount, i: l.infoCount });
}

export function renderProblems(result: CheckResult): void {
  const messages = result.lint.messages;
  const groups = new Map<string, number[]>();
  messages.forEach((m, i) => {
    const list = groups.get(m.ruleId);
    if (list) list.push(i);
    else groups.set(m.ruleId, [i]);
  });
  const group = (id: string) => groups.get(id)!;
  const worst = (list: number[]) => Math.min(...list.map((i) => SEVERITY_RANK[messages[i]!.severity] ?? 3));
  const order = Array.from(groups.keys()).sort((a, b) =>
    worst(group(a)) - worst(group(b)) || group(b).length - group(a).length || (a < b ? -1 : 1));
  const parts: HTMLElement[] = [];
  parts.push(el('div', { class: 'summary' }, [
    el('strong', { text: result.title || result.file }),
    el('span', { text: summaryLine(result) }),
    result.positions === 'paragraph' ? el('span', { text: tr('page.paragraphs') }) : null,
  ]));
  if (!messages.length) parts.push(el('p', { class: 'empty', text: tr('page.noProblems') }));
  for (const id of order) {
    const list = group(id);
    const severity = messages[list[0]!]!.severity;
    const rule = result.rules.find((r) => r.id === id);
    const items = list.map((i) => {
      const m = messages[i]!;
      const button = el('button', { type: 'button', class: `problem sev-${m.severity}`, 'data-msg-index': i, 'data-rule': m.ruleId, title: m.source || null }, [
        el('span', { class: 'loc', text: loc(m) }),
        el('span', { class: 'msg' }, [m.message, m.fix ? el('span', { class: 'fixable', text: tr('page.fixable') }) : null]),
      ]);
      const links = (m.related ?? []).map((r, j) => el('button', {
        type: 'button', class: 'rel-link', 'data-msg-index': i, 'data-rel': j, title: tr('page.relatedTitle', { line: r.line }),
      }, [tr('page.related', { loc: loc(r) })]));
      return el('li', null, [button, ...links]);
    });
    parts.push(el('section', { class: 'group', 'data-rule': id }, [
      el('h3', { title: rule ? rule.description : null }, [
        el('span', { class: `dot sev-${severity}` }), ruleName(id), el('code', { text: id }), el('span', { class: 'count', text: String(list.length) }),
      ]),
      el('ol', null, items),
    ]));
  }
  ui.problems.replaceChildren(...parts);
}

/** Select problem i (or the other copy "rel" of a duplicate): mark it in the draft and in the list. */
export function showProblem(i: number, rel: number | undefined, fromDraft: boolean): void {
  const anchor = rel === undefined ? state.anchors.get(i) : state.relAnchors.get(`${i}:${rel}`);
  for (const node of ui.view.querySelectorAll('mark.selected')) node.classList.remove('selected');
  const selector = rel === undefined ? `mark[data-msgs~="${i}"]` : `mark[data-rels~="${i}:${rel}"]`;
  for (const node of ui.view.querySelectorAll<HTMLElement>(selector)) {
    node.classList.add('selected');
    flash(node);
  }
  if (anchor && !fromDraft) scrollViewTo(firstRect(anchor));
  for (const node of ui.problems.querySelectorAll('button.problem.selected')) node.classList.remove('selected');
  const item = ui.problems.querySelector<HTMLElement>(`button.problem[data-msg-index="${i}"]`);
  if (item) {
    item.classList.add('selected');
    if (fromDraft) {
      showTab('problems');
      item.scrollIntoView({ block: 'nearest' });
      flash(item);
    }
  }
}

// Draw a check's answer everywhere at once: the marked draft, the panels, the counts, the status.
import { applyStrings, setStatus } from './chrome.js';
import { byId } from './dom.js';
import { renderView } from './marks.js';
import { renderProblems, summaryLine } from './problems.js';
import { state, tr } from './state.js';
import { countNodes, renderActivities, renderFigures, renderOutline } from './tables.js';
import type { CheckResult } from './types.js';

export function summaryText(result: CheckResult): string {
  return `${summaryLine(result)} · ${tr('page.took', { ms: result.elapsedMs })}`;
}

function setCount(tab: string, n: number | null): void {
  const node = document.querySelector<HTMLElement>(`.tabs [data-tab="${tab}"] .n`);
  if (!node) return;
  node.textContent = n === null ? '' : String(n);
  node.hidden = n === null;
}

export function render(): void {
  const result = state.result;
  applyStrings();
  if (!result) return;
  renderView(result);
  renderProblems(result);
  renderFigures(result);
  renderActivities(result);
  renderOutline(result);
  byId('figures-note').textContent = tr('page.figuresNote', { n: result.figures.length });
  byId('activities-note').textContent = tr('page.activitiesNote', { n: result.activities.length });
  byId('file-name').textContent = result.file + (result.positions === 'paragraph' ? ` · ${tr('page.paragraphs')}` : '');
  setCount('problems', result.lint.messages.length);
  setCount('figures', result.figures.length);
  setCount('activities', result.activities.length);
  setCount('outline', countNodes(result.outline));
  for (const b of document.querySelectorAll<HTMLButtonElement>('button.csv')) b.disabled = false;
  setStatus(summaryText(result));
}

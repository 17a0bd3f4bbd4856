// The page of `zongjie serve` (bundled by scripts/build-page.mjs into page.js). It only draws what
// POST /api/check answers: no analysis here. This module wires the events; the others do the work.
import { runCheck, scheduleCheck } from './api.js';
import { applyStrings, showTab } from './chrome.js';
import { download } from './csv.js';
import { byId, closest } from './dom.js';
import { acceptDroppedFiles, loadFile } from './files.js';
import { showPlace } from './marks.js';
import { showProblem } from './problems.js';
import { render } from './render.js';
import { state, ui } from './state.js';

ui.editor.addEventListener('input', scheduleCheck);
const chooser = byId<HTMLInputElement>('file');
chooser.addEventListener('change', () => {
  const file = chooser.files?.[0];
  if (file) loadFile(file);
  chooser.value = '';
});
byId('lang').addEventListener('click', () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  render();
  if (state.payload) void runCheck(state.payload, false);
});
for (const b of document.querySelectorAll<HTMLElement>('.tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab ?? 'problems'));
for (const b of document.querySelectorAll<HTMLElement>('button.csv')) b.addEventListener('click', () => download(b.dataset.kind));
ui.problems.addEventListener('click', (event) => {
  const button = closest(event, 'button[data-msg-index]');
  if (!button) return;
  showProblem(Number(button.dataset.msgIndex), button.dataset.rel === undefined ? undefined : Number(button.dataset.rel), false);
});
ui.view.addEventListener('click', (event) => {
  const mark = closest(event, 'mark.zj');
  if (mark) showProblem(Number(mark.dataset.msgIndex), undefined, true);
});
for (const id of ['figures', 'activities', 'outline']) {
  byId(id).addEventListener('click', (event) => {
    const row = closest(event, '[data-offset]');
    if (row) showPlace(Number(row.dataset.offset), Number(row.dataset.endOffset));
  });
}
acceptDroppedFiles();

applyStrings();
showTab('problems');

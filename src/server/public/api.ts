// Talking to the server: POST /api/check with the draft, newest request wins, errors shown in place.
import { errorText, hideError, setStatus, showError } from './chrome.js';
import { render, summaryText } from './render.js';
import { state, tr, ui } from './state.js';
import type { CheckResult, ErrorAnswer, Payload } from './types.js';

/** Typing pauses this long before the draft is checked again. */
const DEBOUNCE_MS = 400;

/** Check the draft; `fromFile`: it is a file just loaded, whose text then replaces the editor's. */
export async function runCheck(payload: Payload, fromFile: boolean): Promise<void> {
  const seq = ++state.seq;
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  state.payload = payload;
  setStatus(tr('page.checking'), true);
  let response: Response;
  let body: (CheckResult & ErrorAnswer) | null = null;
  try {
    response = await fetch('/api/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...payload, lang: state.lang }),
      signal: controller.signal,
    });
    body = await response.json().catch(() => null) as (CheckResult & ErrorAnswer) | null;
  } catch (error) {
    if (seq !== state.seq || (error instanceof Error && error.name === 'AbortError')) return;
    setStatus('');
    showError(tr('page.network', { msg: errorText(error) }));
    return;
  }
  if (seq !== state.seq) return;
  state.controller = null;
  if (!response.ok || !body || body.error) {
    setStatus(state.result ? summaryText(state.result) : '');
    const e = body?.error;
    showError(e ? (e[state.lang] || e.message) : `${response.status} ${response.statusText}`);
    if (fromFile && state.result) state.payload = state.lastGood;
    return;
  }
  hideError();
  state.lastGood = payload;
  if (fromFile) ui.editor.value = body.text;
  state.name = body.file;
  state.result = body;
  document.body.classList.add('has-draft');
  render();
}

/** Check the editor's text once typing pauses. */
export function scheduleCheck(): void {
  clearTimeout(state.timer);
  state.timer = window.setTimeout(() => {
    if (!state.name) state.name = tr('page.pastedName');
    void runCheck({ name: state.name, text: ui.editor.value }, false);
  }, DEBOUNCE_MS);
}

// The page around the results: its texts in the current language, the status line, the error box, the tabs.
import { byId } from './dom.js';
import { state, tr, trNamed, ui } from './state.js';

/** Every text of the markup (data-i18n, data-i18n-placeholder, data-i18n-title) in the current language. */
export function applyStrings(): void {
  const root = document.documentElement;
  root.lang = state.lang === 'en' ? 'en' : 'zh-CN';
  root.dataset.lang = state.lang;
  document.title = tr('page.title');
  byId('dropzone').dataset.i18n = state.result ? 'page.dropShort' : 'page.drop';
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = trNamed(node.dataset.i18n);
  for (const node of document.querySelectorAll<HTMLTextAreaElement>('[data-i18n-placeholder]')) node.placeholder = trNamed(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-title]')) node.title = trNamed(node.dataset.i18nTitle);
  // Shown over the page while a file is dragged over it (CSS: content: attr(data-drop)).
  document.body.dataset.drop = tr('page.dropNow');
}

export function setStatus(text: string, busy = false): void {
  ui.status.textContent = text;
  ui.status.classList.toggle('busy', busy);
}

export function showError(text: string): void {
  ui.error.textContent = text;
  ui.error.hidden = false;
}

export function hideError(): void {
  ui.error.hidden = true;
  ui.error.textContent = '';
}

export function showTab(name: string): void {
  state.tab = name;
  for (const b of document.querySelectorAll<HTMLElement>('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  for (const p of document.querySelectorAll<HTMLElement>('.panel')) p.hidden = p.id !== `panel-${name}`;
}

/** An error's message, whatever was thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

// The page's state and settings, shared by its modules, and its texts in the current language.
import { isMessageKey, t, type Lang, type MessageData, type MessageKey } from '../../text/messages.js';
import { byId } from './dom.js';
import type { CheckResult, Payload } from './types.js';

/** Set by the server on <html>: the language at start and the largest file it accepts. */
const root = document.documentElement;
export const MAX_BYTES = Number(root.dataset.maxBytes) || 5 * 1024 * 1024;

export interface PageState {
  lang: Lang;
  /** The draft's file name, sent with every check (it decides Markdown or text). */
  name: string;
  payload: Payload | null;
  /** The last payload the server accepted (restored when a dropped file is refused). */
  lastGood: Payload | null;
  result: CheckResult | null;
  /** Numbers the checks, so that only the latest answer is drawn. */
  seq: number;
  controller: AbortController | null;
  timer: number;
  highlightTimer: number;
  /** The mark where each problem starts, by message index (and "index:related" for other copies). */
  anchors: Map<number, HTMLElement>;
  relAnchors: Map<string, HTMLElement>;
  /** The draft's text nodes with their offsets, to turn an offset range into a DOM Range. */
  textNodes: { node: Text; start: number }[];
  tab: string;
}

export const state: PageState = {
  lang: root.dataset.lang === 'en' ? 'en' : 'zh',
  name: '', payload: null, lastGood: null, result: null, seq: 0, controller: null, timer: 0, highlightTimer: 0,
  anchors: new Map(), relAnchors: new Map(), textNodes: [], tab: 'problems',
};

/** The message in the page's current language. */
export function tr(key: MessageKey, data?: MessageData): string {
  return t(state.lang, key, data);
}

/** A message named in the markup (data-i18n): an unknown key is shown as it is. */
export function trNamed(key: string | undefined): string {
  return key === undefined ? '' : isMessageKey(key) ? tr(key) : key;
}

export const ui = {
  view: byId('view'),
  editor: byId<HTMLTextAreaElement>('editor'),
  problems: byId('problems'),
  error: byId('error'),
  status: byId('status'),
};

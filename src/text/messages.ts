// The one catalogue of user-facing texts: the lint rules' descriptions and messages (`check.*`, read
// by each rule's meta), the page of `zongjie serve`, the server's HTTP errors, the CLI's own texts,
// and the library's error texts as the CLI shows them (`err.*`, see errors.ts). Chinese is the
// default; English must have every key (the type says so). Keys are ASCII and namespaced by who shows
// them: `page.*` the browser page, `http.*` the server's error answers, `cli.*` the command line,
// `rule.*` and `qualifier.*` short names shared by the page and any other interface. The texts are in
// messages-zh.ts and messages-en.ts (and, in traditional characters, messages-zh-hant.ts, read
// through traditional.ts); nothing else is imported, since the page bundles this module.

import { zh } from './messages-zh.js';
import { en } from './messages-en.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
/** The characters Chinese texts are shown in; unset: each document's own (traditional for a traditional draft). */
export type ChineseScript = 'simplified' | 'traditional';

/**
 * A language as `--lang`, `--locale` and ZONGJIE_LANG take it: zh (Chinese, in each draft's own
 * characters), zh-Hans / zh-CN / zh-SG (simplified always), zh-Hant / zh-TW / zh-HK / zh-MO
 * (traditional always), en (English); case and `_` or `-` do not matter, nor an encoding after a
 * dot (zh_TW.UTF-8). null: none of these.
 */
export function parseLocale(value: string): { lang: Lang; script?: ChineseScript } | null {
  const m = /^(zh|en)(?:[-_]([a-z]{2,4}))?(?:[.@].*)?$/i.exec(value.trim());
  if (!m) return null;
  if (m[1]!.toLowerCase() === 'en') return { lang: 'en' };
  const region = (m[2] ?? '').toLowerCase();
  if (region === '') return { lang: 'zh' };
  if (['hans', 'cn', 'sg', 'my'].includes(region)) return { lang: 'zh', script: 'simplified' };
  if (['hant', 'tw', 'hk', 'mo'].includes(region)) return { lang: 'zh', script: 'traditional' };
  return null;
}

export type MessageKey = keyof typeof zh;

export const messages: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { zh, en };

/** Values for the `{name}` slots of a message. */
export type MessageData = Readonly<Record<string, string | number>>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

/** The message `key` in `lang`, its `{name}` slots filled from `data` (a slot without data stays as written). */
export function t(lang: Lang, key: MessageKey, data?: MessageData): string {
  return fillSlots(messages[lang][key], data);
}

/** `text` with its `{name}` slots filled from `data`; a slot without data stays as written. */
export function fillSlots(text: string, data?: MessageData): string {
  if (!data) return text;
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : slot));
}


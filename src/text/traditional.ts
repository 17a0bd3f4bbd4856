// The catalogue in the characters asked for: its traditional texts (messages-zh-hant.ts, made from
// the simplified ones by scripts/make-traditional-messages.mjs) for a traditional draft and for
// --lang zh-Hant. Apart from messages.ts so that the editors' page does not bundle them.
import { zhHant } from './messages-zh-hant.js';
import { fillSlots, t, type ChineseScript, type Lang, type MessageData, type MessageKey } from './messages.js';

/** The message `key` in `lang`, in traditional characters when `script` says so. */
export function textIn(lang: Lang, key: MessageKey, data?: MessageData, script?: ChineseScript): string {
  return lang === 'zh' && script === 'traditional' ? fillSlots(zhHant[key], data) : t(lang, key, data);
}

/** The traditional text of `key`, slots unfilled. */
export function traditionalText(key: MessageKey): string {
  return zhHant[key];
}

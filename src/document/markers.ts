// Chinese outline numbering at a position: 一、 (一) 1、 1. (1) ① ⒈ 第一章 — its kind and number.
import { parseChineseNumeral } from '../normalize/numerals.js';

export interface Marker {
  /** Which numbering scheme: items of one kind are siblings, other kinds nest. */
  kind: string;
  number: number;
  /** Length of the marker text, e.g. 2 for "一、". */
  length: number;
}

const CN = '一二三四五六七八九十';
// `digitMayFollow`: a heading may start with a year (一、2023年工作回顾), except after "1." where a
// digit would make it a decimal number.
const PATTERNS: { kind: string; re: RegExp; cn: boolean; digitMayFollow: boolean }[] = [
  { kind: '第N章', re: new RegExp(`^第([${CN}百]+|\\d{1,3})(章|部分)`), cn: true, digitMayFollow: true },
  { kind: '一、', re: new RegExp(`^([${CN}]{1,3})[、.．]`), cn: true, digitMayFollow: true },
  // (一) （一） and the scraped (二、) / (一)、 forms
  { kind: '(一)', re: new RegExp(`^[(（]([${CN}]{1,3})、?[)）]、?`), cn: true, digitMayFollow: true },
  { kind: '(1)', re: /^[(（](\d{1,2})[)）]、?/, cn: false, digitMayFollow: true },
  { kind: '1、', re: /^(\d{1,2})、/, cn: false, digitMayFollow: false },
  { kind: '1.', re: /^(\d{1,2})[.．](?!\d)/, cn: false, digitMayFollow: false },
];

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const DOTTED = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';

// What may follow a marker: a heading starts with a word, a quote or a title mark, not a digit.
const HEADING_START = /^[\p{Script=Han}“‘"《「【A-Za-z_＿~×○]/u; // placeholders too: 四、__年工作

export function markerAt(text: string, at: number): Marker | null {
  const ch = text[at];
  if (ch === undefined) return null;
  const circled = CIRCLED.indexOf(ch);
  if (circled >= 0) return follows(text, at + 1) ? { kind: '①', number: circled + 1, length: 1 } : null;
  const dotted = DOTTED.indexOf(ch);
  if (dotted >= 0) return follows(text, at + 1) ? { kind: '⒈', number: dotted + 1, length: 1 } : null;
  const head = text.slice(at, at + 12);
  for (const { kind, re, cn, digitMayFollow } of PATTERNS) {
    const m = re.exec(head);
    if (!m) continue;
    const number = cn ? parseChineseNumeral(m[1]!) : Number(m[1]);
    if (number === null || number === 0) return null;
    return follows(text, at + m[0].length, digitMayFollow) ? { kind, number, length: m[0].length } : null;
  }
  return null;
}

function follows(text: string, at: number, digitMayFollow = false): boolean {
  let i = at;
  while (text[i] === ' ' || text[i] === '\u3000') i++;
  const next = text.slice(i, i + 1);
  return HEADING_START.test(next) || (digitMayFollow && /\d/.test(next));
}

/** 篇N / 第N篇 part headings: "2023企业工会年度工作计划 篇1", "第三篇 …". */
export function partNumber(line: string): number | null {
  const trimmed = line.trim();
  const suffix = /篇\s*(\d{1,2}|[一二三四五六七八九十]{1,3})$/.exec(trimmed);
  const prefix = /^第(\d{1,2}|[一二三四五六七八九十]{1,3})篇/.exec(trimmed);
  const m = suffix ?? prefix;
  if (!m || trimmed.length > 60) return null;
  return /\d/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!);
}

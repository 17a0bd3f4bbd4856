// Folds a paragraph to what copies share: placeholders, numbers, list markers, spacing and punctuation go.
//
// Copies of a template differ in the blanks (20xx / 20__ / XX), the figures filled in, the list
// numbering they were pasted under, and in punctuation or spacing: none of that makes two
// paragraphs different texts, so all of it is folded before shingling.

import { charClass } from '../../normalize/char-class.js';

/** What every placeholder becomes (not a punctuation or symbol character, so it survives stripping). */
export const PLACEHOLDER_SYMBOL = '□';
/** What every number becomes. */
export const NUMBER_SYMBOL = '#';

// Private-use stand-ins while punctuation and symbols (□ and # among them) are stripped.
const PH = '\uE000';
const NUM = '\uE001';
const PH_CODE = PH.charCodeAt(0);
const NUM_CODE = NUM.charCodeAt(0);

// ○ (a geometric circle) stands in for 〇 in many typed years: 二○二三年.
const CN_DIGITS = '零〇○一二两三四五六七八九';
const CN_UNITS = '十百千万亿';
const CN = CN_DIGITS + CN_UNITS;

// Circled and dotted numbers are folded by NFKC into "1" / "1.", so they go before NFKC.
const ENCLOSED_MARKER = /^[\u2460-\u2473\u2474-\u2487\u2488-\u249B\u2776-\u2793\u24EA\u24F5-\u24FE]\s*/u;

// Leading list markers, after NFKC (so brackets, digits and the full stop are ASCII). Tried in a
// loop: "一、(一)" and "1. (1)" stack.
const LEADING_MARKERS: RegExp[] = [
  new RegExp(`^第[${CN}\\d]+(?:章|节|部分|条|篇)[、,.:]?`, 'u'),
  new RegExp(`^第[${CN}]+(?=[、,.:，：])[、,.:，：]`, 'u'),
  new RegExp(`^[${CN}]{1,3}[、.．](?!\\d)`, 'u'),
  new RegExp(`^\\([${CN}]{1,3}、?\\)[、.]?`, 'u'),
  /^\(\d{1,2}\)[、.]?/u,
  /^\d{1,2}、/u,
  /^\d{1,2}\.(?!\d)/u,
  /^[A-Za-z][、)]/u,
  new RegExp(`^[${CN_DIGITS}十]{1,3}是(?=[^${CN}])`, 'u'),
  new RegExp(`^其[${CN_DIGITS}十]{1,2}[、,:，：]`, 'u'),
  new RegExp(`^篇\\s*[${CN}\\d]+[、.:：]?`, 'u'),
];
// The first characters any of them can start with: most paragraphs start otherwise and skip them all.
const MARKER_START = new RegExp(`^[第(\\dA-Za-z其篇${CN}]`, 'u');

// Placeholders: the blank itself and the digits of a half-written year glued to it (20xx, 202_,
// 20~). A lone x counts only away from Latin letters (not the x of "Excel"); ~ between two digits
// is a range (1~3月), not a blank; ○○ between Chinese digits is a zero (二○○八). The digits are
// bounded (\d{0,8}, not \d*): from every start of a long run of digits, \d* took the whole run
// before failing, which was quadratic.
const PLACEHOLDER = new RegExp(
  [
    '\\d{0,8}(?<![A-Za-z])[xX]+(?![A-Za-z])',
    '\\d{0,8}_+',
    '\\d{0,8}×+',
    `\\d{0,8}(?<![${CN_DIGITS}])○{2,}(?![${CN_DIGITS}])`,
    '某{2,}',
    '\\*{2,}',
    '\\d{0,8}(?<!\\d)~+',
    '\\d{0,8}~+(?!\\d)',
  ].join('|'),
  'gu',
);

// Arabic numbers with decimals and thousands separators, and a percent or multiplier unit after.
const ARABIC = /\d+(?:[.,]\d+)*/gu;

// Chinese numerals used as numbers: before a measure word (三个, 两次, 二〇二三年, 五十余人), after
// 第, or a run of a digit and a unit (十八, 三百五十). 统一, 一线 or 千方百计 are words and stay.
// 分, 成 and 时 are left out: 十分, 一成不变 and 一时 are words, not counts.
const MEASURE = '个年月日号天周次人名位项件条家所户元角米吨台辆套场期届批篇本份部座处季岁倍秒里亩株只支队组类节章段点级';
// Runs are bounded ({1,16}): a numeral is never longer, and unbounded runs that must be followed
// by something else were quadratic on a long run of numerals.
const CHINESE_NUMBER = new RegExp(
  [
    `第[${CN}]+`,
    `${NUM}?[${CN}]{1,16}(?=[多余]?[${MEASURE}])`,
    `[${CN_DIGITS}]{1,16}[${CN_UNITS}][${CN}]*`,
    `[${CN_UNITS}][${CN}]{0,16}[${CN_DIGITS}][${CN}]*`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'gu',
);

// What never distinguishes two copies: spacing, punctuation, symbols, controls and format marks.
const NOISE = /^[\s\p{P}\p{S}\p{Cc}\p{Cf}]$/u;

// A global replace with NOISE and CHINESE_NUMBER tried a match at every character, which made them
// most of the folding time; a table lookup per character finds the few places worth a regex.
const isNoise = charClass(NOISE);

// Only these characters can start a CHINESE_NUMBER match.
const NUMBER_START = new Uint8Array(0x10000);
for (const ch of `${CN}第${NUM}`) NUMBER_START[ch.charCodeAt(0)] = 1;
const CHINESE_NUMBER_AT = new RegExp(CHINESE_NUMBER.source, 'uy');

/** text.replace(CHINESE_NUMBER, …), trying the regex only where a match can start. */
function foldChineseNumbers(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    if (NUMBER_START[text.charCodeAt(i)] === 0) continue;
    CHINESE_NUMBER_AT.lastIndex = i;
    const m = CHINESE_NUMBER_AT.exec(text);
    if (!m) continue;
    const run = m[0];
    out += text.slice(copied, i) + (run === NUM ? run : run.startsWith('第') ? `第${NUM}` : NUM);
    copied = i + run.length;
    i = copied - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Drops noise and turns each run of placeholders or numbers (noise between them dropped first:
 * 20xx-20xx, 3.5%-4%) into one symbol. Lower-casing after the symbols are in changes nothing:
 * neither the private-use stand-ins nor □ and # are cased or case-ignorable.
 */
function dropNoise(text: string): string {
  let out = '';
  let copied = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const slot = code === PH_CODE || code === NUM_CODE;
    const noise = !slot && isNoise(code);
    if (slot || noise) {
      out += text.slice(copied, i);
      if (slot && code !== last) out += code === PH_CODE ? PLACEHOLDER_SYMBOL : NUMBER_SYMBOL;
      copied = i + width;
    }
    if (!noise) last = code;
    i += width - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function stripLeadingMarkers(text: string): string {
  let rest = text.trim().replace(ENCLOSED_MARKER, '');
  rest = rest.normalize('NFKC').trim();
  for (let changed = true; changed && MARKER_START.test(rest); ) {
    changed = false;
    for (const marker of LEADING_MARKERS) {
      const m = marker.exec(rest);
      if (m && m[0].length > 0 && m[0].length < rest.length) {
        rest = rest.slice(m[0].length).trimStart();
        changed = true;
      }
    }
  }
  return rest;
}

// Characters without which PLACEHOLDER and ARABIC cannot match: most paragraphs skip both.
const PLACEHOLDER_CHAR = /[xX_×○某*~]/u;
const DIGIT = /\d/u;

/** Folds a paragraph for comparison: equal results mean "the same text up to blanks, figures and layout". */
export function foldForComparison(text: string): string {
  let folded = stripLeadingMarkers(text);
  if (PLACEHOLDER_CHAR.test(folded)) folded = folded.replace(PLACEHOLDER, PH);
  if (DIGIT.test(folded)) folded = folded.replace(ARABIC, NUM);
  folded = foldChineseNumbers(folded);
  return dropNoise(folded).toLowerCase();
}

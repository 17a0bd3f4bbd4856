// Folds a paragraph to what copies share: placeholders, numbers, list markers, spacing and punctuation go.
//
// Copies of a template differ in the blanks (20xx / 20__ / XX), the figures filled in, the list
// numbering they were pasted under, and in punctuation or spacing: none of that makes two
// paragraphs different texts, so all of it is folded before shingling.

/** What every placeholder becomes (not a punctuation or symbol character, so it survives stripping). */
export const PLACEHOLDER_SYMBOL = '□';
/** What every number becomes. */
export const NUMBER_SYMBOL = '#';

// Private-use stand-ins while punctuation and symbols (□ and # among them) are stripped.
const PH = '\uE000';
const NUM = '\uE001';

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
const NOISE = /[\s\p{P}\p{S}\p{Cc}\p{Cf}]+/gu;

function stripLeadingMarkers(text: string): string {
  let rest = text.trim().replace(ENCLOSED_MARKER, '');
  rest = rest.normalize('NFKC').trim();
  for (let changed = true; changed; ) {
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

/** Folds a paragraph for comparison: equal results mean "the same text up to blanks, figures and layout". */
export function foldForComparison(text: string): string {
  let folded = stripLeadingMarkers(text);
  folded = folded.replace(PLACEHOLDER, PH);
  folded = folded.replace(ARABIC, NUM);
  folded = folded.replace(CHINESE_NUMBER, (run) => (run === NUM ? run : run.startsWith('第') ? '第' + NUM : NUM));
  folded = folded.replace(NOISE, '').toLowerCase();
  // Two blanks or two figures in a row (20xx-20xx, 3.5%~4%) are one slot of the template.
  return folded
    .replace(/\uE000+/gu, PLACEHOLDER_SYMBOL)
    .replace(/\uE001+/gu, NUMBER_SYMBOL);
}

// Chinese numerals (一百二十三, 两千, 壹贰叁, 〇) to numbers; shared by the outline and the figure scanner.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5,
  六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const DIGIT = 0;
const UNIT = 1;
const NUMERAL_KINDS = new Map<number, number>([
  ...Object.keys(DIGITS).map((ch) => [ch.charCodeAt(0), DIGIT] as const),
  ...Object.keys({ ...SMALL_UNITS, ...BIG_UNITS }).map((ch) => [ch.charCodeAt(0), UNIT] as const),
]);


/**
 * The value of a Chinese numeral, or null when the string is not one. Handles positional forms
 * (一百二十三, 十五, 两千零八, 三万五千) and digit-by-digit forms (二〇二三).
 */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  // Every numeral character is one code unit: a lookup per unit, no strings made.
  let hasUnit = false;
  for (let i = 0; i < text.length; i++) {
    const kind = NUMERAL_KINDS.get(text.charCodeAt(i));
    if (kind === undefined) return null;
    if (kind === UNIT) hasUnit = true;
  }
  if (!hasUnit) {
    // 二〇二三 reads digit by digit; a single digit is itself.
    let value = 0;
    for (const ch of text) value = value * 10 + DIGITS[ch]!;
    return value;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      // 一二十 is no numeral (two digits in a row), but a digit after 零 is: 一千零五十, 两万零三百.
      if (digit !== null && digit !== 0 && DIGITS[ch] !== 0) return null;
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0) || 1) * 1e4;
      section = 0;
      digit = null;
    } else {
      // 亿 scales everything before it (一万亿), 万 only its own section (一亿二千万).
      total = (total + section + (digit ?? 0) || 1) * 1e8;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

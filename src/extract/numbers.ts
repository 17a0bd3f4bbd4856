// The number scanner: Arabic numbers (thousands separators, decimals, 万/亿/千/W magnitudes),
// Chinese numerals, 百分之N and N分之M, with exact values. It knows nothing of units or context.
import { parseChineseNumeral } from '../normalize/numerals.js';
import { CharSet } from './context.js';

export interface NumberLiteral {
  start: number;
  end: number;
  value: number;
  kind: 'arabic' | 'chinese' | 'percent' | 'fraction';
  /** A magnitude word was applied (2.5万, 1.9W, 三千): a bare amount may then still be money. */
  magnitude: boolean;
  /** A bare magnitude word (百人, 千余人, 逾万人次): a count only with a unit, as figures decides. */
  bare?: boolean;
  /** Written digit by digit (五一, 三八, 二〇二三): names and years, never counts. */
  digitByDigit?: boolean;
  /** For Arabic numbers read with a magnitude: the value without it, and where the magnitude sits. */
  unscaled?: number;
  magnitudeAt?: number;
}

const ARABIC = /\d+(?:,\d{3})*(?:\.\d+)?/y;
// At most 32 characters (no numeral is longer): a run that is no number (万万万…) is read again from
// each of its characters, which was quadratic on a long run.
const CHINESE_RUN = /[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]{1,32}/y;
const HAS_DIGIT = /[零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]/;
const MAGNITUDES: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 100, W: 1e4, w: 1e4 };

/**
 * `digits` × `scale` exactly: the digits are an integer and the scale a power of ten, so the
 * division is correctly rounded once (0.56万 is 5600, not 5600.000000000001).
 */
export function exactValue(literal: string, scale = 1): number {
  const [whole, fraction = ''] = literal.replace(/,/g, '').split('.');
  const numerator = BigInt(whole! + fraction) * BigInt(scale);
  return Number(numerator) / 10 ** fraction.length;
}

function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

const BARE = /^[百千万]$/;

function readChinese(text: string, at: number): { end: number; value: number; bare: boolean } | null {
  CHINESE_RUN.lastIndex = at;
  const m = CHINESE_RUN.exec(text);
  if (!m) return null;
  const bare = BARE.test(m[0]);
  if (!bare && !HAS_DIGIT.test(m[0])) return null;
  const value = parseChineseNumeral(m[0]);
  return value === null ? null : { end: at + m[0].length, value, bare };
}

function readArabic(text: string, at: number): { end: number; literal: string } | null {
  ARABIC.lastIndex = at;
  const m = ARABIC.exec(text);
  if (!m) return null;
  let literal = m[0];
  // "20,135人" reads as a list as often as a number: keep a comma only in 1-3 digit groups.
  if (literal.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(literal)) literal = literal.slice(0, literal.indexOf(','));
  return { end: at + literal.length, literal };
}

// Where a number can start: every reading below opens on an Arabic digit or a Chinese numeral
// (百分之 too). The scan jumps from one to the next instead of trying each reading at every character.
const NUMBER_START = new CharSet('0123456789零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟');

export function scanNumbers(text: string): NumberLiteral[] {
  const found: NumberLiteral[] = [];
  let i = 0;
  while (i < text.length) {
    i = NUMBER_START.next(text, i);
    if (i === text.length) break;
    const ch = text[i]!;
    // 百分之九十, 百分之15
    if (text.startsWith('百分之', i)) {
      const after = i + 3;
      const arabic = /\d/.test(text[after] ?? '') ? readArabic(text, after) : null;
      const chinese = arabic ? null : readChinese(text, after);
      const value = arabic ? exactValue(arabic.literal) : chinese?.value;
      const end = arabic?.end ?? chinese?.end;
      if (value !== undefined && end !== undefined) {
        found.push({ start: i, end, value, kind: 'percent', magnitude: false });
        i = end;
        continue;
      }
    }
    if (/\d/.test(ch) && !/[\d.]/.test(text[i - 1] ?? '')) {
      const arabic = readArabic(text, i)!;
      let end = arabic.end;
      let scale = 1;
      const next = text[end];
      // 2.5万, 3千, 1.9W — a W must not start a Latin word (1.9Wh).
      if (next && next in MAGNITUDES && !(isLatin(next) && isLatin(text[end + 1]))) {
        scale = MAGNITUDES[next]!;
        end++;
        if (text[end] === '亿' && next === '万') {
          scale = 1e12;
          end++;
        }
      }
      // Optional fields assigned, not spread in: a conditional spread took V8's slow path per number.
      const literal: NumberLiteral = { start: i, end, value: exactValue(arabic.literal, scale), kind: 'arabic', magnitude: scale !== 1 };
      if (scale !== 1) {
        literal.unscaled = exactValue(arabic.literal);
        literal.magnitudeAt = arabic.end;
      }
      found.push(literal);
      i = end;
      continue;
    }
    const chinese = readChinese(text, i);
    if (chinese) {
      // 三分之一 → a share, as a percentage.
      if (text.startsWith('分之', chinese.end)) {
        const numerator = readChinese(text, chinese.end + 2);
        if (numerator && chinese.value > 0) {
          const value = Math.round((numerator.value / chinese.value) * 10000) / 100;
          found.push({ start: i, end: numerator.end, value, kind: 'fraction', magnitude: false });
          i = numerator.end;
          continue;
        }
      }
      const run = text.slice(i, chinese.end);
      const literal: NumberLiteral = { start: i, end: chinese.end, value: chinese.value, kind: 'chinese', magnitude: /[万亿千百]/.test(run) };
      if (chinese.bare) literal.bare = true;
      if (run.length > 1 && !/[十百千万亿拾佰仟]/.test(run)) literal.digitByDigit = true;
      found.push(literal);
      i = chinese.end;
      continue;
    }
    i++;
  }
  return found;
}

// Script detection and conversion to simplified Chinese with opencc-js (converters built once).
import * as OpenCC from 'opencc-js';
import { MappedTextBuilder, type OffsetMap } from './mapped-text.js';

export type Script = 'simplified' | 'traditional';
export type Variant = 'cn' | 'tw' | 'hk';
/** What opencc-js converts from: a variant, or Taiwan with its vocabulary (twp). */
export type ConversionSource = 'tw' | 'twp' | 'hk' | 't';

type Convert = (text: string) => string;
const converters = new Map<string, Convert>();

/** One converter per direction per process: building one costs more than converting a report. */
export function converter(from: Variant | ConversionSource, to: Variant | 't'): Convert {
  const key = `${from}>${to}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = OpenCC.Converter({ from, to } as never) as Convert;
    converters.set(key, convert);
  }
  return convert;
}

const HAN_RUN = /\p{Script=Han}+/gu;
// Forms Hong Kong (and OpenCC's standard) traditional uses where Taiwan's differs.
const HK_FORMS = /[羣裏着綫衞麪峯鷄爲僞]/g;
const TW_FORMS = /[裡著線衛麵峰雞為偽]/g;

export interface ScriptInfo {
  script: Script;
  variant: Variant;
  /** Share of Han characters that change when converted to simplified. */
  traditionalShare: number;
}

export function detectScript(text: string): ScriptInfo {
  // A sample decides: the script of a report does not change halfway through.
  const sample = text.length > 4_000 ? text.slice(0, 4_000) : text;
  // One conversion of the whole sample (a call per Han run costs far more than the characters).
  const converted = converter('hk', 'cn')(sample);
  let han = 0;
  let changed = 0;
  for (const m of sample.matchAll(HAN_RUN)) han += m[0].length;
  if (converted.length === sample.length) {
    for (let i = 0; i < sample.length; i++) if (converted.charCodeAt(i) !== sample.charCodeAt(i)) changed++;
  } else {
    changed = Math.abs(converted.length - sample.length) + [...sample].filter((ch, i) => ch !== converted[i]).length;
  }
  const traditionalShare = han === 0 ? 0 : changed / han;
  // Simplified text changes almost nowhere; traditional text changes in roughly a fifth of its
  // characters. 3% leaves room for a few traditional names quoted in a simplified report.
  if (traditionalShare < 0.03) return { script: 'simplified', variant: 'cn', traditionalShare };
  const hk = sample.match(HK_FORMS)?.length ?? 0;
  const tw = sample.match(TW_FORMS)?.length ?? 0;
  return { script: 'traditional', variant: hk > tw ? 'hk' : 'tw', traditionalShare };
}

/**
 * Convert traditional text to simplified. Conversion nearly always keeps the length, and then maps
 * character to character; when a phrase changes length, convert one Han run at a time so only that
 * run's characters map to the whole run.
 */
export function toSimplified(text: string, from: ConversionSource): { text: string; map: OffsetMap } {
  const convert = converter(from, 'cn');
  const out = new MappedTextBuilder(text);
  const whole = convert(text);
  if (whole.length === text.length && sameSurrogateLayout(text, whole)) {
    out.replace(0, text.length, whole);
    return out.build();
  }
  let cursor = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    out.keep(cursor, m.index);
    const converted = convert(m[0]);
    if (converted.length === m[0].length && sameSurrogateLayout(m[0], converted)) out.replace(m.index, m.index + m[0].length, converted);
    else replaceByCodePoint(out, m[0], m.index, converted, convert);
    cursor = m.index + m[0].length;
  }
  out.keep(cursor, text.length);
  return out.build();
}

/** Equal lengths map unit to unit only if no character changed between one and two code units. */
function sameSurrogateLayout(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    if (((a.charCodeAt(i) & 0xfc00) === 0xd800) !== ((b.charCodeAt(i) & 0xfc00) === 0xd800)) return false;
  }
  return true;
}

/**
 * A run whose conversion changed its length: map each character's conversion to that character
 * when converting character by character gives the same text; otherwise the whole run maps to
 * the whole run (a phrase conversion such as 原子筆 → 圆珠笔 has no finer correspondence).
 */
function replaceByCodePoint(out: MappedTextBuilder, run: string, at: number, converted: string, convert: Convert): void {
  const pieces = [...run].map((ch) => convert(ch));
  if (pieces.join('') !== converted) {
    out.replace(at, at + run.length, converted);
    return;
  }
  let offset = at;
  for (let i = 0, k = 0; i < run.length; k++) {
    const width = run.codePointAt(i)! > 0xffff ? 2 : 1;
    out.replace(offset, offset + width, pieces[k]!);
    offset += width;
    i += width;
  }
}

const residualCache = new Map<string, string>();

/**
 * Convert, one character at a time, the traditional characters a first pass left (衞 and 枱 are not
 * in the tw table but are in hk's). Each distinct character is converted once per process, so this
 * costs a lookup per character instead of a second conversion of the text. Null when nothing is left.
 */
export function convertResidual(text: string, from: ConversionSource): { text: string; map: OffsetMap } | null {
  const convert = converter(from, 'cn');
  let out: MappedTextBuilder | null = null;
  let cursor = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    for (let i = m.index; i < m.index + m[0].length; i++) {
      const ch = text[i]!;
      if ((ch.charCodeAt(0) & 0xfc00) === 0xd800) continue; // astral Han: left as it is
      let converted = residualCache.get(ch);
      if (converted === undefined) {
        converted = convert(ch);
        if (converted.length !== 1) converted = ch;
        residualCache.set(ch, converted);
      }
      if (converted === ch) continue;
      out ??= new MappedTextBuilder(text);
      out.keep(cursor, i);
      out.replace(i, i + 1, converted);
      cursor = i + 1;
    }
  }
  if (!out) return null;
  out.keep(cursor, text.length);
  return out.build();
}

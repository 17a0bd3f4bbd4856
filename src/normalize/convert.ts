// Script detection and conversion to simplified Chinese with opencc-js.
import { CHANGES, IRREGULAR, characterConversions } from './char-table.js';
import { converter, type Convert, type ConversionSource, type Variant } from './converter.js';
import { MappedTextBuilder, OffsetMap } from './mapped-text.js';

export { converter, type ConversionSource, type Variant } from './converter.js';
export type Script = 'simplified' | 'traditional';

const HAN_RUN = /\p{Script=Han}+/gu;
// Forms Hong Kong (and OpenCC's standard) traditional uses where Taiwan's differs.
const HK_FORMS = /[羣裏着綫衞麪峯鷄爲僞]/g;
const TW_FORMS = /[裡著線衛麵峰雞為偽]/g;

export interface ScriptInfo {
  script: Script;
  variant: Variant;
  /**
   * Share of the sample's Han characters that change when converted to simplified: counted
   * character by character, or by converting the sample where the two could decide differently.
   */
  traditionalShare: number;
}

// Simplified text changes almost nowhere; traditional text changes in roughly a fifth of its
// characters. 3% leaves room for a few traditional names quoted in a simplified report.
const TRADITIONAL_SHARE = 0.03;
// The share is counted character by character, with a table: that misses only what opencc's
// phrases do (乾隆 stays, 乾淨 → 干净), at most 0.2% of the Han characters over the 7,000 reports of
// the corpus, tests and bench archives. Where that could matter the sample is converted instead, so
// the decisions are those of a full conversion: a share within this distance of the threshold, a
// short sample (a few phrases are a large share of it), or a character that moves lengths.
const NEAR_THRESHOLD = 0.015;
const MIN_COUNTED_HAN = 1_000;

export function detectScript(text: string): ScriptInfo {
  // A sample decides: the script of a report does not change halfway through.
  const sample = text.length > 4_000 ? text.slice(0, 4_000) : text;
  let han = 0;
  for (const m of sample.matchAll(HAN_RUN)) han += m[0].length;
  let traditionalShare = 0;
  if (han >= MIN_COUNTED_HAN) {
    const { changed, irregular } = countChanging(sample);
    traditionalShare = changed / han;
    if (irregular || Math.abs(traditionalShare - TRADITIONAL_SHARE) < NEAR_THRESHOLD) traditionalShare = countConverted(sample) / han;
  } else if (han > 0) {
    traditionalShare = countConverted(sample) / han;
  }
  if (traditionalShare < TRADITIONAL_SHARE) return { script: 'simplified', variant: 'cn', traditionalShare };
  const hk = sample.match(HK_FORMS)?.length ?? 0;
  const tw = sample.match(TW_FORMS)?.length ?? 0;
  return { script: 'traditional', variant: hk > tw ? 'hk' : 'tw', traditionalShare };
}

/** Code units of characters that change when converted alone (a table lookup each, no conversion). */
function countChanging(sample: string): { changed: number; irregular: boolean } {
  const { kinds, astralKinds } = characterConversions('hk');
  let changed = 0;
  let flags = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    let kind: number;
    if ((code & 0xfc00) === 0xd800 && (sample.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      kind = astralKinds.get(sample.codePointAt(i)!) ?? 0;
      changed += (kind & CHANGES) * 2;
      i++;
    } else {
      kind = kinds[code]!;
      changed += kind & CHANGES;
    }
    flags |= kind;
  }
  return { changed, irregular: (flags & IRREGULAR) !== 0 };
}

/** Code units that a conversion of the whole sample changes. */
function countConverted(sample: string): number {
  const converted = converter('hk', 'cn')(sample);
  if (converted.length !== sample.length) {
    return Math.abs(converted.length - sample.length) + [...sample].filter((ch, i) => ch !== converted[i]).length;
  }
  let changed = 0;
  for (let i = 0; i < sample.length; i++) if (converted.charCodeAt(i) !== sample.charCodeAt(i)) changed++;
  return changed;
}

/**
 * Convert traditional text to simplified. Conversion nearly always keeps the length, and then maps
 * character to character; when a phrase changes length, convert one Han run at a time so only that
 * run's characters map to the whole run.
 */
export function toSimplified(text: string, from: ConversionSource): { text: string; map: OffsetMap } {
  const convert = converter(from, 'cn');
  const whole = convert(text);
  // Unit for unit: each converted unit comes from the unit at its own offset, an identity map.
  if (whole.length === text.length && sameSurrogateLayout(text, whole)) return { text: whole, map: OffsetMap.identity(text.length) };
  const out = new MappedTextBuilder(text);
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

/**
 * Convert, one character at a time, the traditional Han characters a first pass left (衞 and 枱 are
 * not in the tw table but are in hk's): a table lookup per code unit instead of a second conversion
 * of the text. Only one-unit-to-one-unit conversions are made, so the map stays an identity.
 * Null when nothing is left.
 */
export function convertResidual(text: string, from: ConversionSource): { text: string; map: OffsetMap } | null {
  const { hanOneToOne } = characterConversions(from);
  let out: string[] | null = null;
  let cursor = 0;
  for (let i = 0; i < text.length; i++) {
    const to = hanOneToOne[text.charCodeAt(i)]!;
    if (to === 0) continue;
    out ??= [];
    out.push(text.slice(cursor, i), String.fromCharCode(to));
    cursor = i + 1;
  }
  if (!out) return null;
  out.push(text.slice(cursor));
  return { text: out.join(''), map: OffsetMap.identity(text.length) };
}

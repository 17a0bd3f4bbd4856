// What opencc does to each character on its own, from one traditional variant to simplified: the
// table behind script detection and the per-character residual pass. Built once per process and
// source, on first use, from opencc-js's own dictionaries: only a character that is a key of one of
// them can change, so those few thousand are converted, in one call, by the converter itself.
import * as OpenCC from 'opencc-js';
import { converter, type ConversionSource } from './converter.js';

/** Flags of a character in CharacterConversions.kinds. */
export const CHANGES = 1;
/**
 * Converting a text with this character may not be the sum of its characters' conversions in a
 * way that moves lengths: its own conversion changes length, it is part of a phrase whose
 * conversion does (二噁英 → 二𫫇英), or it is an ideographic description character (⿰), after which
 * opencc leaves the sequence it describes alone.
 */
export const IRREGULAR = 2;

export interface CharacterConversions {
  /** BMP code unit → CHANGES | IRREGULAR flags (0 for most). */
  kinds: Uint8Array;
  /** The same for code points beyond the BMP that have any flag. */
  astralKinds: Map<number, number>;
  /** BMP Han code unit → the one BMP code unit it converts to alone, 0 when none or unchanged. */
  hanOneToOne: Uint16Array;
}

const HAN = /\p{Script=Han}/u;
const isIdeographicDescription = (cp: number) => cp >= 0x2ff0 && cp <= 0x2fff;
const tables = new Map<ConversionSource, CharacterConversions>();

export function characterConversions(from: ConversionSource): CharacterConversions {
  let table = tables.get(from);
  if (!table) {
    table = buildTable(from);
    tables.set(from, table);
  }
  return table;
}

function buildTable(from: ConversionSource): CharacterConversions {
  const keys = new Set<number>();
  const lengthChangingPhrases: string[] = [];
  const visit = (key: string, value: string) => {
    const cp = key.codePointAt(0)!;
    if (key.length === (cp > 0xffff ? 2 : 1)) keys.add(cp);
    else if (key.length !== value.length) lengthChangingPhrases.push(key);
  };
  // The dictionaries opencc-js chains for this direction (as its Converter picks them), and the
  // locale tables on either side in case a version names its configurations differently.
  forEachEntry(OpenCC.Locale.configs[from === 'twp' ? 'tw2sp' : `${from}2s`], visit);
  forEachEntry(OpenCC.Locale.from[from], visit);
  forEachEntry(OpenCC.Locale.to.cn, visit);

  const candidates = [...keys].filter((cp) => !isIdeographicDescription(cp)).map((cp) => String.fromCodePoint(cp));
  // Line ends between them: no dictionary entry spans one, so each converts as it would alone.
  const converted = converter(from, 'cn')(candidates.join('\n')).split('\n');
  if (converted.length !== candidates.length) throw new Error('opencc changed the number of lines of the character table');

  const kinds = new Uint8Array(0x10000);
  const astralKinds = new Map<number, number>();
  const kindOf = (cp: number) => (cp > 0xffff ? (astralKinds.get(cp) ?? 0) : kinds[cp]!);
  const flag = (cp: number, kind: number) => {
    if (cp > 0xffff) astralKinds.set(cp, kindOf(cp) | kind);
    else kinds[cp] |= kind;
  };
  const hanOneToOne = new Uint16Array(0x10000);
  candidates.forEach((ch, index) => {
    const to = converted[index]!;
    if (to === ch) return;
    const cp = ch.codePointAt(0)!;
    flag(cp, to.length === ch.length ? CHANGES : CHANGES | IRREGULAR);
    if (ch.length === 1 && to.length === 1 && !isSurrogate(cp) && !isSurrogate(to.charCodeAt(0)) && HAN.test(ch)) {
      hanOneToOne[cp] = to.charCodeAt(0);
    }
  });
  for (const phrase of lengthChangingPhrases) {
    const chars = [...phrase].map((ch) => ch.codePointAt(0)!);
    // The characters that change alone say the phrase is there; if none does, any of them may.
    const changing = chars.filter((cp) => kindOf(cp) & CHANGES);
    for (const cp of changing.length ? changing : chars) flag(cp, IRREGULAR);
  }
  for (let cp = 0x2ff0; cp <= 0x2fff; cp++) flag(cp, IRREGULAR);
  return { kinds, astralKinds, hanOneToOne };
}

const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/**
 * Every entry of opencc-js dictionaries: a string "from to|from to|…", an array of [from, to]
 * pairs, or any nesting of those in arrays and objects (groups, chains, configurations).
 */
function forEachEntry(dict: unknown, visit: (key: string, value: string) => void): void {
  if (typeof dict === 'string') {
    if (!dict.includes(' ')) return;
    for (const entry of dict.split('|')) {
      // As opencc-js reads an entry: the first two of its space-separated fields.
      const [key, value] = entry.split(' ');
      if (key && value !== undefined) visit(key, value);
    }
  } else if (Array.isArray(dict)) {
    if (dict.length === 2 && typeof dict[0] === 'string' && typeof dict[1] === 'string' && !dict[0].includes(' ')) {
      if (dict[0]) visit(dict[0], dict[1]);
      return;
    }
    for (const item of dict) forEachEntry(item, visit);
  } else if (dict && typeof dict === 'object') {
    for (const item of Object.values(dict)) forEachEntry(item, visit);
  }
}

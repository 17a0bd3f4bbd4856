// Script detection counts characters with a table instead of converting a sample: the table must
// be what opencc does to each character, and the decisions those of converting the sample.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANGES, IRREGULAR, characterConversions } from '../../src/normalize/char-table.js';
import { converter, detectScript, type Variant } from '../../src/normalize/convert.js';
import { CORPUS, ROOT } from '../helpers/corpus.js';

const HAN = /\p{Script=Han}/u;

/** Detection as it was: convert the sample with opencc and count the code units that changed. */
function detectByConversion(text: string): { script: string; variant: Variant } {
  const sample = text.length > 4_000 ? text.slice(0, 4_000) : text;
  const converted = converter('hk', 'cn')(sample);
  let han = 0;
  for (const m of sample.matchAll(/\p{Script=Han}+/gu)) han += m[0].length;
  let changed = 0;
  if (converted.length === sample.length) {
    for (let i = 0; i < sample.length; i++) if (converted.charCodeAt(i) !== sample.charCodeAt(i)) changed++;
  } else {
    changed = Math.abs(converted.length - sample.length) + [...sample].filter((ch, i) => ch !== converted[i]).length;
  }
  if (han === 0 || changed / han < 0.03) return { script: 'simplified', variant: 'cn' };
  const hk = sample.match(/[羣裏着綫衞麪峯鷄爲僞]/g)?.length ?? 0;
  const tw = sample.match(/[裡著線衛麵峰雞為偽]/g)?.length ?? 0;
  return { script: 'traditional', variant: hk > tw ? 'hk' : 'tw' };
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(dir, f));
}

describe('the character table', () => {
  for (const from of ['hk', 'tw'] as const) {
    it(`holds opencc's own conversion of every Han character, from ${from}`, () => {
      const convert = converter(from, 'cn');
      const table = characterConversions(from);
      let changing = 0;
      const wrong: string[] = [];
      for (let cp = 0x2e80; cp < 0x32400; cp++) {
        if (cp >= 0xa000 && cp < 0xf900) cp = 0xf900; // nothing Han between
        if (cp >= 0xfb00 && cp < 0x20000) cp = 0x20000;
        const ch = String.fromCodePoint(cp);
        if (!HAN.test(ch)) continue;
        const to = convert(ch);
        const kind = cp > 0xffff ? (table.astralKinds.get(cp) ?? 0) : table.kinds[cp]!;
        if (((kind & CHANGES) !== 0) !== (to !== ch)) wrong.push(`${ch}→${to}`);
        if (cp <= 0xffff && to !== ch) {
          const oneToOne = to.length === 1 ? to.charCodeAt(0) : 0;
          if (table.hanOneToOne[cp] !== oneToOne) wrong.push(`${ch}⇒${to}`);
        }
        if (to !== ch) changing++;
      }
      expect(wrong).toEqual([]);
      expect(changing).toBeGreaterThan(3_000);
      expect(String.fromCharCode(table.hanOneToOne['國'.charCodeAt(0)]!)).toBe('国');
      expect(table.hanOneToOne['国'.charCodeAt(0)]).toBe(0);
    });
  }

  it('marks what moves lengths: a conversion into two code units, a length-changing phrase, ⿰', () => {
    const { kinds } = characterConversions('hk');
    expect(kinds['㗲'.charCodeAt(0)]! & IRREGULAR).toBe(IRREGULAR); // 㗲 → 𠵾
    expect(kinds['噁'.charCodeAt(0)]! & IRREGULAR).toBe(IRREGULAR); // 二噁英 → 二𫫇英
    expect(kinds['⿰'.charCodeAt(0)]! & IRREGULAR).toBe(IRREGULAR);
    expect(kinds['國'.charCodeAt(0)]).toBe(CHANGES);
    expect(kinds['的'.charCodeAt(0)]).toBe(0);
  });
});

describe('script detection decides as converting the sample does', () => {
  it('on every corpus report and test fixture', () => {
    const files = [CORPUS, join(ROOT, 'test/fixtures/heldout'), join(ROOT, 'test/fixtures/clean'), join(ROOT, 'test/fixtures/gold')].flatMap(textFiles);
    expect(files.length).toBeGreaterThan(20);
    const scripts = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const { script, variant } = detectScript(text);
      expect({ file, script, variant }).toEqual({ file, ...detectByConversion(text) });
      scripts.add(script);
    }
    expect([...scripts].sort()).toEqual(['simplified', 'traditional']);
  });

  it('on simplified text with more and more traditional clauses, through the threshold', () => {
    const simplified = readFileSync(join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith('000'))!), 'utf8');
    const clauses = simplified.split(/(?<=[，。])/);
    const toTraditional = [converter('cn', 'tw'), converter('cn', 'hk')];
    const shares = new Set<string>();
    for (const convert of toTraditional) {
      for (const every of [400, 100, 50, 40, 30, 25, 20, 17, 15, 13, 11, 9, 7, 5, 3, 1]) {
        const text = clauses.map((c, i) => (i % every === 0 ? convert(c) : c)).join('');
        const detected = detectScript(text);
        expect(detected.script).toBe(detectByConversion(text).script);
        expect(detected.variant).toBe(detectByConversion(text).variant);
        shares.add(detected.script);
      }
    }
    expect(shares.size).toBe(2);
  });

  it('on short texts, where a phrase is a large share (乾隆 keeps its 乾), and around ⿰ sequences', () => {
    for (const text of ['乾隆皇帝南巡', '乾淨的房間', '二噁英检测', '⿰氵青是一个字。⿱艹頭', '臺灣', '台湾', '', 'abc', '㗲']) {
      const { script, variant } = detectScript(text);
      expect({ text, script, variant }).toEqual({ text, ...detectByConversion(text) });
    }
    expect(detectScript('乾隆皇帝南巡').script).toBe('simplified');
  });
});

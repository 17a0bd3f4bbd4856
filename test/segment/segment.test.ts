// Segmentation: numbers whole, the domain dictionary, 员工|人 told from 工人, offsets exact.
import { SourceCode } from '../../src/source/source-code.js';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { segment, type Token } from '../../src/segment/index.js';
import { CORPUS_FILES, ROOT, corpusDoc } from '../helpers/corpus.js';

const HELDOUT = join(ROOT, 'test', 'fixtures', 'heldout');

const words = (text: string) => segment(text).map((t) => t.word);

describe('segment', () => {
  it('tells a blank count (员工|人) from a word (工人, 个人, 每人)', () => {
    expect(words('公司现有员工人(含临时用工)')).toEqual(expect.arrayContaining(['员工', '人']));
    expect(words('组织生产一线工人')).toContain('工人');
    expect(words('评选先进个人')).toContain('个人');
  });
  it('keeps numbers whole: digits, decimals and thousands separators', () => {
    expect(words('发展新会员26人，慰问金35.705万元，共筹集善款134,138.78元')).toEqual(
      expect.arrayContaining(['26', '35.705', '134,138.78']),
    );
  });
  it('keeps domain terms whole with the user dictionary', () => {
    const w = words('召开职代会，开展安康杯竞赛，深化金秋助学，建设劳模创新工作室和职工之家，推进厂务公开，帮扶困难职工，签订集体合同');
    for (const term of ['职代会', '安康杯', '金秋助学', '劳模创新工作室', '职工之家', '厂务公开', '困难职工', '集体合同']) expect(w).toContain(term);
  });
  it('gives offsets that slice back to each word, and POS tags on request', () => {
    const text = '资助18个家庭19名学生，发放助学金21.8万元。';
    const tokens = segment(text, { pos: true, offset: 100 });
    for (const t of tokens) expect(text.slice(t.start - 100, t.end - 100)).toBe(t.word);
    expect(tokens.find((t) => t.word === '18')?.tag).toBe('m');
    expect(tokens.find((t) => t.word === '21.8')?.tag).toBe('m');
    expect(tokens.find((t) => t.word === '学生')?.tag).toMatch(/^n/);
  });
  it('segments a document once and shares the result', () => {
    const doc = corpusDoc('000');
    const first = doc.paragraphTokens();
    expect(doc.paragraphTokens()).toBe(first);
    expect(first).toHaveLength(doc.paragraphs.length);
    expect(first.flat().every((t) => doc.normalized.text.slice(t.start, t.end) === t.word)).toBe(true);
  });
});

describe('SourceCode.words: a clause cut on its own', () => {
  // What the extractors rely on to segment only the clauses a decision needs: jieba never joins a
  // clause break to its neighbours, so clause by clause gives the paragraph's words. Only a number
  // merged across a comma (1,200) differs, and words() then cuts the clause itself.
  const BREAK = /[。！？!?；;，,：:\n]/;
  const texts = [
    ...CORPUS_FILES.map((f) => corpusDoc(f.slice(0, 3))),
    ...readdirSync(HELDOUT).filter((f) => /\.(txt|md)$/.test(f)).map((f) => SourceCode.fromText(f, readFileSync(join(HELDOUT, f), 'utf8'))),
  ];
  it(`gives the words of the whole paragraph, on ${texts.length} reports`, () => {
    let clauses = 0;
    let differing = 0;
    for (const doc of texts) {
      // A copy of the document, so that no whole-document segmentation is cached for it.
      const fresh = SourceCode.fromText(doc.path, doc.original);
      const whole = doc.paragraphTokens();
      for (const p of fresh.paragraphs) {
        const expected = whole[p.index]!.filter((t) => !(t.word.length === 1 && BREAK.test(t.word)));
        const got: Token[] = [];
        let start = p.start;
        for (let i = p.start; i <= p.end; i++) {
          if (i < p.end && !BREAK.test(fresh.normalized.text[i]!)) continue;
          if (i > start) {
            got.push(...fresh.words(start, i));
            clauses++;
          }
          start = i + 1;
        }
        const straddling = expected.filter((t) => /^\d+[,.]\d/.test(t.word) && t.word.includes(','));
        if (straddling.length) {
          differing++;
          continue;
        }
        expect(got.map((t) => [t.word, t.start])).toEqual(expected.map((t) => [t.word, t.start]));
      }
    }
    expect(clauses).toBeGreaterThan(3000);
    expect(differing).toBeLessThan(clauses / 100);
  });
  it('serves a clause from the whole-document segmentation when there is one', () => {
    const doc = corpusDoc('001');
    const whole = doc.paragraphTokens();
    const p = doc.paragraphs.find((q) => /[，,]/.test(q.text))!;
    const end = p.start + p.text.search(/[，,]/);
    expect(doc.words(p.start, end)).toEqual(whole[p.index]!.filter((t) => t.end <= end));
  });
});

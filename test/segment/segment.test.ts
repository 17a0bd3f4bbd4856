// Segmentation: numbers whole, the domain dictionary, 员工|人 told from 工人, offsets exact.
import { describe, expect, it } from 'vitest';
import { segment, segmentDocument } from '../../src/segment/index.js';
import { corpusDoc } from '../helpers/corpus.js';

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
    const first = segmentDocument(doc);
    expect(segmentDocument(doc)).toBe(first);
    expect(first).toHaveLength(doc.paragraphs.length);
    expect(first.flat().every((t) => doc.normalized.text.slice(t.start, t.end) === t.word)).toBe(true);
  });
});

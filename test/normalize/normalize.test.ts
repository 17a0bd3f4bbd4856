// Normalisation: conversion to simplified, width folding, artifact clean-up with original places.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { normalize, detectScript } from '../../src/normalize/index.js';
import { decodeBytes } from '../../src/io/index.js';
import { LineIndex } from '../../src/document/index.js';
import { corpusText } from '../helpers/corpus.js';

describe('conversion to simplified', () => {
  it('detects the script of each corpus report', () => {
    expect(detectScript(corpusText('000')).script).toBe('simplified');
    expect(detectScript(corpusText('003')).script).toBe('simplified');
    for (const prefix of ['001', '002', '004']) expect(detectScript(corpusText(prefix)).script).toBe('traditional');
  });

  it('turns 004 into simplified Chinese without the pinyin a bad converter left', () => {
    const n = normalize(corpusText('004'));
    expect(n.script).toBe('traditional');
    expect(n.text).not.toMatch(/\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/);
    expect(n.text.startsWith('总工会2023年度工作总结报告\n')).toBe(true);
    expect(n.text).toContain('走访慰问困难职工、农民工490人，发放慰问金35.705万元'.replace('，', ','));
    expect(n.text).toContain('实打?”服务职工');
  });

  it('converts Hong Kong forms too (羣 裏 着 in 002)', () => {
    const n = normalize(corpusText('002'));
    expect(n.text).toContain('这段时间里,相信大家面临着许多挑战');
    expect(n.text).not.toMatch(/[羣裏]/);
  });
});

describe('width folding', () => {
  it('folds full-width digits, letters and ％ and keeps Chinese punctuation', () => {
    const n = normalize('发展会员１２０人，占９５．５％。ＡＢＣ');
    expect(n.text).toBe('发展会员120人，占95.5%。ABC');
  });
  it('keeps a full-width full stop that is a list marker', () => {
    expect(normalize('１．加强学习').text).toBe('1．加强学习');
  });
});

describe('artifact clean-up', () => {
  it('records each clean-up of 004 at its original line:column', () => {
    const original = corpusText('004');
    const n = normalize(original);
    const lines = new LineIndex(original);
    const first = n.artifacts[0]!;
    expect(first).toMatchObject({ kind: 'pinyin', text: '(jié)', replacement: '' });
    expect(lines.position(first.start)).toMatchObject({ line: 1, column: 14 });
    const entity = n.artifacts.find((a) => a.kind === 'entity')!;
    expect(entity.text).toBe('?rdquo;');
    expect(lines.position(entity.start).line).toBe(20);
    expect(n.artifacts.every((a) => original.slice(a.start, a.end) === a.text)).toBe(true);
    expect(n.artifacts.filter((a) => a.kind === 'pinyin').length).toBeGreaterThan(300);
  });

  it('removes characters inserted inside a word, only between Han characters', () => {
    const n = normalize('取得比赛的.第三名，民-主管理，11.28到段，每年2-3次，A-B');
    expect(n.text).toBe('取得比赛的第三名，民主管理，11.28到段，每年2-3次，A-B');
    expect(n.artifacts.map((a) => [a.kind, a.text, a.start])).toEqual([
      ['inserted', '.', 5],
      ['inserted', '-', 11],
    ]);
  });

  it('does not take placeholders for inserted characters', () => {
    expect(normalize('黨的__大精神，的_大').text).toBe('党的__大精神，的_大');
  });

  it('joins words that page numbers cut in two (003)', () => {
    const n = normalize(corpusText('003'));
    expect(n.text).toContain('签订集体合同女职工专项集体合同');
    expect(n.text.startsWith('国企工会2022年度上半年工作总结')).toBe(true);
    expect(n.artifacts.filter((a) => a.kind === 'line-number')).toHaveLength(8);
  });

  it('leaves numbered paragraphs that end their sentences alone', () => {
    const text = '1、加强学习。\n2、强化服务。\n3、做好帮扶。\n';
    expect(normalize(text).text).toBe(text);
  });
});

describe('encodings', () => {
  it('gives the same normalised text for GB18030, Big5, UTF-16 and UTF-8 copies of a report', () => {
    for (const prefix of ['000', '004']) {
      const utf8 = corpusText(prefix);
      const expected = normalize(utf8).text;
      const variants = [
        iconv.encode(utf8, 'gb18030'),
        iconv.encode(utf8, 'utf16le', { addBOM: true }),
        Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(utf8, 'utf16be')]),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8.replace(/\n/g, '\r\n'))]),
      ];
      for (const bytes of variants) expect(normalize(decodeBytes(bytes).text).text).toBe(expected);
    }
  });
});

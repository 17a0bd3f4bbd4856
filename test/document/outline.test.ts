// Document structure on the corpus: title, the section tree, paragraphs and sentences.
import { describe, expect, it } from 'vitest';
import { sectionAt } from '../../src/document/index.js';
import type { SourceCode } from '../../src/source/source-code.js';
import { corpusDoc, textDoc } from '../helpers/corpus.js';

const tops = (doc: SourceCode) => doc.sections.filter((s) => s.parent === null);
const line = (doc: SourceCode, offset: number) => doc.locate(offset, offset + 1).line;

describe('outline of the corpus', () => {
  it('001: eight parts 篇1 … 篇8 with their numbered sections', () => {
    const doc = corpusDoc('001');
    expect(doc.title).toBe('2023企業工會年度工作計畫');
    const parts = tops(doc);
    expect(parts.map((p) => [p.kind, p.number])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => ['part', n]));
    expect(parts.map((p) => line(doc, p.start))).toEqual([3, 105, 259, 413, 437, 539, 587, 643]);
    const children = (id: number) => doc.sections[id]!.children.map((c) => doc.sections[c]!);
    expect(children(parts[0]!.id).map((s) => s.title)).toEqual(['一、指導思想和工作重點', '二、“建家”情況概述']);
    expect(children(parts[5]!.id)).toHaveLength(8); // 篇6: 一、… 八、
    expect(children(parts[3]!.id).map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]); // 篇4: 1、… 9、
    const builder = children(parts[1]!.id).find((s) => s.title.includes('建家'))!;
    expect(children(builder.id).map((s) => s.title)).toEqual(['(一)、組織建設', '(二、)日常工作', '(三)、民主管理', '(四)、民眾生產工作', '(五)、宣教文體工作', '(六)、財務管理工作']);
  });

  it('004: sections 一、… 五、 each with its (一) (二) (三)', () => {
    const doc = corpusDoc('004');
    expect(tops(doc).map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    expect(tops(doc).map((s) => s.children.length)).toEqual([3, 3, 3, 2, 3]);
    expect(tops(doc)[0]!.title).toBe('一、加強思想政治引領(lǐng),增強工會組織活力');
    expect(tops(doc)[0]!.normalizedTitle).toBe('一、加强思想政治引领,增强工会组织活力');
  });

  it('000: 一、… 四、, a heading glued into a paragraph, and an unnumbered heading', () => {
    const doc = corpusDoc('000');
    expect(doc.title).toBe('电厂工会工作年度总结');
    expect(tops(doc).map((s) => s.normalizedTitle)).toEqual([
      '一、202_年度工作概况', '二、当前工会工作存在的难点和突出问题', '三、202_年工会工作思路及主要工作计划安排', '四、对宁夏电力公司的工会工作建议',
    ]);
    const first = tops(doc)[0]!.children.map((c) => doc.sections[c]!);
    expect(first.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first[1]).toMatchObject({ inline: true, normalizedTitle: '(二)突出主业主责,打通工会联系职工群众的“最后一公里”' });
    expect(tops(doc)[2]!.children).toHaveLength(9);
  });

  it('003: headings glued into run-on text and cut by page numbers', () => {
    const doc = corpusDoc('003');
    expect(tops(doc).map((s) => s.normalizedTitle)).toEqual([
      '一、突出思想政治引领,增强工会组织政治性', '二、围绕中心工作大局,构建企业职工和谐关系', '三、丰富关爱文化活动,凝聚职工智慧力量', '四、工作中存在的问题', '五、下半年工作打算',
    ]);
    expect(tops(doc).map((s) => s.children.length)).toEqual([3, 4, 3, 3, 3]);
    expect(doc.sections[tops(doc)[0]!.children[0]!]!.normalizedTitle).toBe('1.加强工会组织建设');
  });

  it('002: five reports numbered by a repeated title (基层工会年度工作总结1 … 5)', () => {
    const doc = corpusDoc('002');
    const parts = tops(doc).filter((s) => s.kind === 'part');
    expect(parts.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(parts.map((p) => doc.sections[p.children[0]!]!.normalizedTitle)).toEqual([
      '1、以深入推进“服务职工在基层”活动为主线,当好职工的“娘家人”', '一、加强政治理论学习,提高工会干部素质', '一、工会组织巩固发展建设好', '一、以职工民主管理为导向,努力推进工会维权工作', '一、提升工会劳资纠纷应对水平',
    ]);
  });

  it('places an offset in its innermost section', () => {
    const doc = corpusDoc('004');
    const at = doc.normalized.text.indexOf('35.705万元');
    expect(sectionAt(doc, at)?.normalizedTitle).toBe('(二)提高困难帮扶受众率');
  });
});

describe('Markdown', () => {
  const md = [
    '# 2023年度社区工作总结', '', '## 一、主要工作', '', '### （一）党建引领', '', '开展**主题党日**活动12次。', '',
    '- 走访独居老人35户', '- 组织志愿服务xx次', '', '## 二、存在问题', '', '1. 人手不足。', '',
  ].join('\n');
  const doc = textDoc(md, 'draft.md');
  it('builds sections from headings and keeps Chinese numbering under them', () => {
    expect(doc.format).toBe('markdown');
    expect(doc.sections.map((s) => [s.kind, s.level, s.normalizedTitle])).toEqual([
      ['h1', 1, '2023年度社区工作总结'], ['h2', 2, '一、主要工作'], ['h3', 3, '（一）党建引领'], ['h2', 2, '二、存在问题'],
    ]);
    expect(doc.title).toBe('2023年度社区工作总结');
  });
  it('blanks Markdown syntax inside a block but keeps offsets', () => {
    const p = doc.paragraphs.find((x) => x.text.includes('主题党日'))!;
    expect(p.text).toBe('开展  主题党日  活动12次。');
    expect(doc.normalized.text.slice(p.start, p.end)).toBe('开展**主题党日**活动12次。');
    expect(doc.paragraphs.map((x) => x.text)).toContain('走访独居老人35户');
  });
});

describe('sentences', () => {
  it('splits on 。！？； and keeps quotes and brackets whole', () => {
    const doc = textDoc('他说：“今年要做好三件事。一是学习。”我们同意！（括号里。也算一句）下一步？好；完\n第二段');
    expect(doc.sentences.map((s) => s.text)).toEqual(['他说：“今年要做好三件事。一是学习。”', '我们同意！', '（括号里。也算一句）下一步？', '好；', '完', '第二段']);
  });
  it('finds the sentence 001 repeats inside one paragraph (line 569) as two sentences', () => {
    const doc = corpusDoc('001');
    const inLine = doc.sentences.filter((s) => doc.locate(s.start, s.end).line === 569);
    const counts = new Map<string, number[]>();
    for (const s of inLine) counts.set(s.text, [...(counts.get(s.text) ?? []), doc.locate(s.start, s.end).column]);
    const repeated = [...counts.entries()].filter(([, cols]) => cols.length > 1);
    expect(repeated).toHaveLength(1);
    expect(repeated[0]![1]).toEqual([127, 180]);
  });
});

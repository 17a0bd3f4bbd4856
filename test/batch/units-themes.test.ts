// Units made comparable (rules/unit-conversions.yml), indicator synonyms (rules/indicators.yml) and
// theme words without numerals, stop words or placeholders.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorNamed, loadIndicators } from '../../src/batch/indicators.js';
import { runStats } from '../../src/batch/run.js';
import { isNumeralWord, themeWordFilter } from '../../src/batch/theme-words.js';
import { conversionFactor, convertValue, loadUnitConversions } from '../../src/batch/units.js';
import { RuleFileError } from '../../src/config/errors.js';
import { tempDir } from '../helpers/temp.js';

describe('unit conversions', () => {
  it('convert within a group, exactly, and never across groups', () => {
    expect(convertValue(2, '公顷', '亩')).toBe(30);
    expect(convertValue(30, '亩', '公顷')).toBe(2);
    expect(convertValue(800, '米', '公里')).toBe(0.8);
    expect(convertValue(2.5, '公里', '米')).toBe(2500);
    expect(convertValue(3, '亩', '平方米')).toBe(2000);
    expect(convertValue(1.5, '万元', '元')).toBe(15000);
    expect(convertValue(7, '名', '人')).toBe(7);
    expect(convertValue(1, '公里', '亩')).toBeNull();
    expect(convertValue(5, '人次', '人')).toBeNull();
    expect(conversionFactor('元/人', '元')).toBeNull();
    expect(conversionFactor('亩', '亩')).toEqual({ num: 1, den: 1 });
  });

  it('refuse a rule file that puts a unit in two groups or a base outside its group', () => {
    const dir = tempDir('zongjie-units-');
    const file = join(dir, 'conversions.yml');
    writeFileSync(file, 'groups:\n  - name: 长度\n    base: 米\n    units: { 米: 1, 公里: 1000 }\n  - name: 别的\n    base: 尺\n    units: { 尺: 1, 米: 3 }\n');
    expect(() => loadUnitConversions(file)).toThrow(RuleFileError);
    expect(() => loadUnitConversions(file)).toThrow(/already in group 1/);
    writeFileSync(file, 'groups:\n  - name: 长度\n    base: 丈\n    units: { 米: 1 }\n');
    expect(() => loadUnitConversions(file)).toThrow(/base unit "丈"/);
    writeFileSync(file, 'groups:\n  - name: 面积\n    base: 平方米\n    units: { 平方米: 1, 亩: "10000/x" }\n');
    expect(() => loadUnitConversions(file)).toThrow(/fraction/);
  });
});

describe('indicator synonyms', () => {
  it('name an indicator by another of its names, each name belonging to one indicator', () => {
    expect(indicatorNamed('提案')?.id).toBe('职代会提案');
    expect(indicatorNamed('金点子')?.id).toBe('合理化建议');
    expect(indicatorNamed('新会员')?.id).toBe('新会员');
    expect(indicatorNamed('没有这个')).toBeNull();
    const dir = tempDir('zongjie-synonyms-');
    const file = join(dir, 'indicators.yml');
    writeFileSync(file, 'indicators:\n  - id: 甲\n    unit: 项\n    synonyms: [提案]\n  - id: 乙\n    unit: 条\n    synonyms: [提案]\n');
    expect(() => loadIndicators(file)).toThrow(/"提案" already names the indicator "甲"/);
  });

  it('count a figure named by a synonym under its indicator', async () => {
    const dir = tempDir('zongjie-synonym-run-');
    writeFileSync(join(dir, '2021.txt'), '甲工会2021年度工作总结\n一、民主管理\n全年收到职工代表提案十二件，征集“金点子”三十条。\n');
    const r = await runStats([dir], { workers: 1, byOrg: false });
    expect(r.indicators.find((s) => s.id === '职代会提案')?.byYear).toEqual({ 2021: 12 });
    expect(r.indicators.find((s) => s.id === '合理化建议')?.byYear).toEqual({ 2021: 30 });
    expect(r.rows.find((x) => x.indicator === '合理化建议')?.matched).toBe('金点子');
  });
});

describe('theme words', () => {
  it('leave out numerals with what they count, but keep words with a numeral inside', () => {
    for (const w of ['三个', '一次', '七届', '十四五', '二十大', '第一', '一百周年', '三分之一', '两个', '四季度', '一个班', '五一']) expect(isNumeralWord(w), w).toBe(true);
    for (const w of ['统一', '一线', '一流', '零事故', '一定', '四位一体', '一盘棋', '五一劳动节']) expect(isNumeralWord(w), w).toBe(false);
  });

  it('leave out stop words, placeholders, units and non-Chinese words', () => {
    const theme = themeWordFilter();
    expect(['劳动竞赛', '班组建设', '统一'].filter(theme)).toEqual(['劳动竞赛', '班组建设', '统一']);
    expect(['工作', '开展', '某某', '某某单位', '万元', '三个', 'xx', '2021', '会'].filter(theme)).toEqual([]);
  });

  it('of the corpus have none of those, though its reports use them', async () => {
    const counted = new Set<string>();
    const r = await runStats(['corpus/'], { workers: 1, byOrg: false, themeTerms: 100, onReport: (report) => {
      for (const t of Object.keys(report.terms)) counted.add(t);
    } });
    // The reports' own word counts hold numeral words (三个, 两个, 十四五 …): the themes must drop them.
    expect([...counted].filter((t) => isNumeralWord(t)).length).toBeGreaterThan(10);
    const terms = r.themes.flatMap((t) => t.terms.map((x) => x.term));
    expect(terms.length).toBe(300);
    expect(terms.filter((t) => isNumeralWord(t))).toEqual([]);
  });
});

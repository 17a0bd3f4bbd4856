import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { SourceCode } from '../../src/source/source-code.js';

function figuresOf(path: string, text: string) {
  return extractDocument(SourceCode.fromText(path, text), { only: ['figures'] }).figures.map((f) => ({
    text: f.text, value: f.value, unit: f.unit, subject: f.subject, modality: f.modality, relation: f.relation, total: f.total,
  }));
}

describe('tables', () => {
  it('reads a Markdown table: unit and subject from the row and column headers', () => {
    const md = '# 2023年医院工作总结\n\n| 指标 | 2022年 | 2023年 |\n| --- | --- | --- |\n| 门诊人次 | 12,345 | 13,000 |\n| 业务收入（万元） | 1,200 | 1,350.5 |\n';
    expect(figuresOf('report.md', md)).toEqual([
      { text: '12,345', value: 12345, unit: '人次', subject: '门诊人次', modality: 'comparison', relation: 'level', total: false },
      { text: '13,000', value: 13000, unit: '人次', subject: '门诊人次', modality: 'actual', relation: 'level', total: false },
      { text: '1,200', value: 12000000, unit: '元', subject: '业务收入', modality: 'comparison', relation: 'level', total: false },
      { text: '1,350.5', value: 13505000, unit: '元', subject: '业务收入', modality: 'actual', relation: 'level', total: false },
    ]);
  });

  it('reads a cross table by its column headers, and a total row', () => {
    const text = '科室\t门诊人次\t住院人数\n内科\t1200\t300\n外科\t800\t250\n合计\t2000\t550\n';
    const figures = figuresOf('report.txt', text);
    expect(figures.map((f) => [f.value, f.unit, f.subject, f.total])).toEqual([
      [1200, '人次', '门诊人次', false], [300, '人', '住院人数', false],
      [800, '人次', '门诊人次', false], [250, '人', '住院人数', false],
      [2000, '人次', '门诊人次', true], [550, '人', '住院人数', true],
    ]);
  });

  it('reads a plain-text table aligned with spaces, with a caption giving the unit', () => {
    const text = '单位：万元\n项目        计划      完成      同比增减\n工会经费    50        52.5      +3\n';
    expect(figuresOf('report.txt', text).map((f) => [f.value, f.unit, f.subject, f.modality, f.relation])).toEqual([
      [500000, '元', '工会经费', 'target', 'level'],
      [525000, '元', '工会经费', 'actual', 'level'],
      [30000, '元', '工会经费', 'comparison', 'change'],
    ]);
  });

  it('leaves prose with a double space alone', () => {
    expect(figuresOf('report.txt', '全年发展会员20人。  另有  说明。\n第二行  没有数字\n').map((f) => [f.text, f.value, f.unit])).toEqual([['20人', 20, '人']]);
  });
});

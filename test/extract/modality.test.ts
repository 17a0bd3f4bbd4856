import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { SourceCode } from '../../src/source/source-code.js';

function figuresOf(text: string, path = 'report.txt') {
  return extractDocument(SourceCode.fromText(path, text), { only: ['figures'] }).figures.map((f) => [f.text, f.modality, f.relation]);
}

describe('modality', () => {
  it('is target after a plan word in the sentence', () => {
    expect(figuresOf('全年力争发展新会员200人。计划举办培训班3期。预计投入资金50万元。')).toEqual([
      ['200人', 'target', 'level'],
      ['3期', 'target', 'level'],
      ['50万元', 'target', 'level'],
    ]);
  });

  it('is target under a heading about next year, and actual under a summary heading', () => {
    const text = '一、工作回顾\n今年举办培训班3期。\n二、明年工作打算\n举办培训班5期。\n';
    expect(figuresOf(text)).toEqual([
      ['3期', 'actual', 'level'],
      ['5期', 'target', 'level'],
    ]);
  });

  it('is comparison for a figure measured against another period', () => {
    expect(figuresOf('会员人数同比增长12%，比去年多5人，去年同期为300人。')).toEqual([
      ['12%', 'comparison', 'change'],
      ['5人', 'comparison', 'change'],
      ['300人', 'comparison', 'level'],
    ]);
  });

  it('stays actual when the plan word is followed by what was done', () => {
    expect(figuresOf('确保实现了安全生产300天。')).toEqual([['300天', 'actual', 'level']]);
  });

  it('does not read 计划生育 as a plan', () => {
    expect(figuresOf('计划生育宣传覆盖家庭120户。')).toEqual([['120户', 'actual', 'level']]);
  });
});

describe('relation', () => {
  it('is change after a verb of change, level after one that names the level reached', () => {
    expect(figuresOf('会员增加了20人，由120人增加到150人，成本下降3.2%，合格率提高2个百分点。')).toEqual([
      ['20人', 'actual', 'change'],
      ['120人', 'actual', 'level'],
      ['150人', 'actual', 'level'],
      ['3.2%', 'actual', 'change'],
      ['2个百分点', 'actual', 'change'],
    ]);
  });

  it('counts new members as a level, and an at-least count as no change', () => {
    expect(figuresOf('新增会员50人，至少3条建议被采纳。')).toEqual([
      ['50人', 'actual', 'level'],
      ['3条', 'actual', 'level'],
    ]);
  });

  it('is change for a signed value', () => {
    expect(figuresOf('事故起数减少-5起。')).toEqual([['5起', 'actual', 'change']]);
  });
});

describe('campaign names', () => {
  it('takes no figure from a quoted campaign name, but keeps a figure after it', () => {
    expect(figuresOf('开展了“大干100天”活动，参加职工300人。')).toEqual([['300人', 'actual', 'level']]);
  });
});

describe('modality from the part and document titles', () => {
  it('is target in a part titled as a plan unless a nearer heading says summary', () => {
    const text = '年度工作计划 篇1\n一、工作情况概述\n全年举办培训班3期。\n二、重点工作\n举办培训班5期。\n';
    expect(figuresOf(text)).toEqual([
      ['3期', 'actual', 'level'],
      ['5期', 'target', 'level'],
    ]);
  });

  it('is target when a goal is named after the figure', () => {
    expect(figuresOf('紧扣会员年增长15%的目标任务，做好工作。')).toEqual([['15%', 'target', 'change']]);
  });

  it('is a change, not a comparison, when only another clause names last year', () => {
    expect(figuresOf('在去年45家的基础上，今年又增加5家。')).toEqual([
      ['45家', 'comparison', 'level'],
      ['5家', 'actual', 'change'],
    ]);
  });
});

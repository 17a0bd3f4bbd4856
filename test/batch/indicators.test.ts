// Indicators: mapping figures to rules/indicators.yml and combining one report's figures.
import { SourceCode } from '../../src/source/source-code.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combineReport } from '../../src/batch/combine.js';
import { clauseBefore, indicatorFor, loadIndicators, type IndicatorDef } from '../../src/batch/indicators.js';

import { extractDocument, type Figure } from '../../src/extract/index.js';
import { RuleFileError } from '../../src/config/errors.js';
import { tempDir } from '../helpers/temp.js';

const indicators = loadIndicators();

let offset = 0;
/** A hand-made figure; only what mapping and combining read matters. */
function fig(value: number, unit: string, subject: string, text: string, extra: Partial<Figure> = {}): Figure {
  const start = (offset += 100);
  return {
    value, unit, subject, text, qualifier: 'exact', total: false, section: '',
    line: 1, column: 1, offset: start, endLine: 1, endColumn: 1 + text.length, endOffset: start + text.length,
    span: { start, end: start + text.length },
    ...extra,
  };
}
const idOf = (figure: Figure, clause: string) => indicatorFor(figure, clause, indicators)?.id ?? null;
const byId = (id: string): IndicatorDef => {
  const def = indicators.find((d) => d.id === id);
  if (!def) throw new Error(`no indicator ${id}`);
  return def;
};

describe('rules/indicators.yml', () => {
  it('ships at least 24 indicators with unique Chinese ids, including the six of issue 5', () => {
    expect(indicators.length).toBeGreaterThanOrEqual(24);
    const ids = indicators.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[\u4e00-\u9fff]+$/);
    const units = Object.fromEntries(indicators.map((d) => [d.id, d.unit]));
    expect(units).toMatchObject({ 新会员: '人', 职代会提案: '项', 慰问金: '元', 劳动竞赛: '次', 合理化建议: '条', 培训: '期' });
  });
  it('is cached per file', () => {
    expect(loadIndicators()).toBe(indicators);
  });
});

describe('indicatorFor', () => {
  it('maps the six required indicators', () => {
    expect(idOf(fig(20, '人', '新会员', '20人'), '发展新会员')).toBe('新会员');
    expect(idOf(fig(1850, '人', '会员', '1850人'), '新增会员')).toBe('新会员');
    expect(idOf(fig(12000, '人', '农民工会员', '12000人'), '新发展农民工会员')).toBe('新会员');
    expect(idOf(fig(300, '名', '职工', '300名'), '吸纳农民工入会')).toBe('新会员');
    expect(idOf(fig(26, '项', '提案', '26项'), '本年度共征集提案')).toBe('职代会提案');
    expect(idOf(fig(357050, '元', '', '35.705萬元'), '发放慰问金')).toBe('慰问金');
    expect(idOf(fig(14400, '元', '', '14400元'), '慰问金额达')).toBe('慰问金');
    expect(idOf(fig(1000, '元', '救助金', '1000元'), '发放救助金')).toBe('慰问金');
    expect(idOf(fig(19, '次', '劳动竞赛', '19次'), '共组织各类劳动竞赛')).toBe('劳动竞赛');
    expect(idOf(fig(14, '条', '合理化建议', '14条'), '收到合理化建议')).toBe('合理化建议');
    expect(idOf(fig(300, '条', '', '300条'), '征集“金点子”')).toBe('合理化建议');
    expect(idOf(fig(12, '期', '培训班', '12期'), '举办各级各类培训班')).toBe('培训');
  });

  it('maps other indicators of union, community and 妇联 reports', () => {
    expect(idOf(fig(600, '人次', '工会干部', '600余人次'), '培训工会干部')).toBe('培训人次');
    expect(idOf(fig(2722, '份', '集体合同', '2722份'), '签订25人以下集体合同')).toBe('集体合同');
    expect(idOf(fig(30, '份', '工资专项集体合同', '30份'), '签订工资专项集体合同')).toBe('工资集体协议');
    expect(idOf(fig(5, '次', '技能比武', '5次'), '开展技能比武')).toBe('技能比武');
    expect(idOf(fig(98, '名', '困难职工', '98名'), '“金秋助学”共资助')).toBe('金秋助学');
    expect(idOf(fig(218000, '元', '助学金', '21.8萬元'), '发放助学金')).toBe('助学金');
    expect(idOf(fig(300, '户', '居民', '300户'), '入户走访居民')).toBe('走访');
    expect(idOf(fig(20, '户', '困难职工家庭', '20户'), '结对帮扶困难职工家庭')).toBe('困难职工帮扶');
    expect(idOf(fig(37, '人次', '职工', '37人次'), '共看望慰问职工')).toBe('慰问人次');
    expect(idOf(fig(12, '次', '', '12次'), '开展义诊活动')).toBe('义诊');
    expect(idOf(fig(500, '人', '志愿者', '500人'), '注册志愿者')).toBe('志愿者');
    expect(idOf(fig(300, '个', '就业岗位', '300个'), '提供就业岗位')).toBe('就业岗位');
    expect(idOf(fig(9, '家', '组建', '9家'), '已组建')).toBe('新建组织');
    expect(idOf(fig(2, '个', '劳模创新工作室', '2个'), '我厂拥有公司劳模创新工作室')).toBe('创新工作室');
    expect(idOf(fig(15, '件', '劳资纠纷', '15件'), '监督处理')).toBe('劳动争议');
  });

  it('takes a figure only in a compatible unit: 人 = 名 = 位, but 人次 is not 人', () => {
    expect(idOf(fig(20, '名', '新会员', '20名'), '发展新会员')).toBe('新会员');
    expect(idOf(fig(20, '位', '新会员', '20位'), '发展新会员')).toBe('新会员');
    // 新会员 counts people: 20人次 is not taken by it (and no 人次 indicator is about members).
    expect(idOf(fig(20, '人次', '新会员', '20人次'), '发展新会员')).toBeNull();
    // 培训 (期) does not take 人次; 培训人次 does not take 人.
    expect(idOf(fig(2500, '人次', '受训职工', '2500人次'), '受训职工达到')).toBe('培训人次');
    expect(idOf(fig(300, '人', '职工', '300人'), '培训职工')).toBe('培训人数');
    // 慰问金 is money: a count of people with the same words is not.
    expect(idOf(fig(490, '人', '困难职工', '490人'), '发放慰问金')).not.toBe('慰问金');
    expect(idOf(fig(98, '户', '', '98户'), '发放慰问金')).not.toBe('慰问金');
  });

  it('never maps a share, and keeps unmapped figures unmapped', () => {
    expect(idOf(fig(90, '%', '劳动竞赛覆盖率', '90%'), '国有企业劳动竞赛覆盖率达')).toBeNull();
    expect(idOf(fig(100, '%', '会员', '100%'), '新增会员')).toBeNull();
    expect(idOf(fig(162, '册', '补充新图书', '162册'), '补充新图书')).toBeNull();
    expect(idOf(fig(19000, '', '', '1.9W'), '来源:文萃谷 ')).toBeNull();
  });

  it('lets exclude words veto an indicator', () => {
    // 会员 but not 会员代表.
    expect(idOf(fig(120, '名', '会员代表', '120名'), '新增会员代表')).toBeNull();
    // Awards for the best suggestions are not more suggestions.
    expect(idOf(fig(7, '条', '', '7条'), '全行今年评出“最佳合理化建议”')).toBeNull();
    // Goods given as 慰问 are not cash.
    expect(idOf(fig(16129, '元', '实物折合', '1.6129萬元'), '慰问实物折合人民币')).toBeNull();
    // Visiting 劳模 is a 慰问, not a 劳模 count: the veto passes the figure on to a later indicator.
    expect(idOf(fig(30, '人', '劳模', '30人'), '走访慰问劳模')).toBe('慰问人数');
    expect(idOf(fig(10, '名', '劳动模范', '10名'), '选树表彰了')).toBe('劳模');
  });

  it('clauseBefore gives the clause up to an offset', () => {
    const text = '一、组织建设\n今年，工会发展新会员20人；';
    expect(clauseBefore(text, text.indexOf('20'))).toBe('工会发展新会员');
    expect(clauseBefore(text, text.indexOf('组织'))).toBe('一、');
  });

  it('reads only the clause words of this figure, not those of an earlier one in a list', () => {
    expect(idOf(fig(18, '名', '', '18名'), '选树表彰了10名劳动模范和')).toBeNull();
    expect(idOf(fig(19, '名', '学生', '19名'), '“金秋助学” 资助18个家庭、')).toBe('金秋助学');
    expect(idOf(fig(287, '份', '人集体合同', '287份'), '25人至29人集体合同')).toBe('集体合同');
  });

  it('follows file order: the first matching indicator wins', () => {
    const a: IndicatorDef = { id: '甲', unit: '次', subjects: [], phrases: ['竞赛'], exclude: [] };
    const b: IndicatorDef = { id: '乙', unit: '次', subjects: ['技能比武'], phrases: [], exclude: [] };
    const figure = fig(3, '次', '技能比武', '3次');
    expect(indicatorFor(figure, '开展技能比武竞赛', [a, b])?.id).toBe('甲');
    expect(indicatorFor(figure, '开展技能比武竞赛', [b, a])?.id).toBe('乙');
    // The shipped file puts 技能比武 before 劳动竞赛.
    expect(idOf(figure, '开展技能竞赛')).toBe('技能比武');
  });
});

describe('combineReport', () => {
  const entry = (id: string, figure: Figure, duplicate = false) => ({ figure, indicator: byId(id), duplicate });

  it('lets a total win over its parts, the largest total if several', () => {
    const result = combineReport([
      entry('捐款', fig(128636, '元', '捐款', '128636元')),
      entry('捐款', fig(134138.78, '元', '善款', '134138.78元', { total: true })),
      entry('捐款', fig(5000, '元', '捐款', '5000元')),
    ]);
    expect(result).toEqual([{ id: '捐款', unit: '元', value: 134138.78, figures: 1, fromTotal: true }]);
    const two = combineReport([
      entry('新会员', fig(50, '人', '新会员', '50人', { total: true })),
      entry('新会员', fig(80, '人', '新会员', '80人', { total: true })),
      entry('新会员', fig(200, '人', '新会员', '200人')),
    ]);
    expect(two[0]).toMatchObject({ value: 80, fromTotal: true });
  });

  it('sums distinct figures, counting a restated figure once', () => {
    const result = combineReport([
      entry('集体合同', fig(2722, '份', '集体合同', '2722份')),
      entry('集体合同', fig(287, '份', '人集体合同', '287份')),
      entry('集体合同', fig(168, '份', '集体合同', '168份')),
      // The summary restates 168份 with the same subject: once.
      entry('集体合同', fig(168, '份', '集体合同', '168份')),
    ]);
    expect(result).toEqual([{ id: '集体合同', unit: '份', value: 3177, figures: 3, fromTotal: false }]);
    // Same value and text but different things counted: 1名劳动模范、1名劳模工匠 are two people.
    const people = combineReport([
      entry('劳模', fig(1, '名', '华能集团公司劳动模范', '1名')),
      entry('劳模', fig(1, '名', '华能集团公司劳模工匠', '1名')),
      entry('劳模', fig(1, '名', '', '1名')),
    ]);
    expect(people[0]).toMatchObject({ value: 2, figures: 2, unit: '人' });
  });

  it('leaves out figures in duplicated passages', () => {
    const result = combineReport([
      entry('走访', fig(4, '户', '困难、住院员工', '4户')),
      entry('走访', fig(4, '户', '困难、住院员工', '4戶'), true),
      entry('慰问金', fig(1000, '元', '救助金', '1000元')),
      entry('慰问金', fig(2000, '元', '救助金', '2000元'), true),
      entry('义诊', fig(3, '次', '义诊', '3次'), true),
    ]);
    expect(result).toEqual([
      { id: '走访', unit: '户', value: 4, figures: 1, fromTotal: false },
      { id: '慰问金', unit: '元', value: 1000, figures: 1, fromTotal: false },
    ]);
  });

  it('gives money in 元 without binary noise', () => {
    const result = combineReport([
      entry('慰问金', fig(0.1, '元', '慰问金', '0.1元')),
      entry('慰问金', fig(0.2, '元', '慰问金', '0.2元')),
      entry('慰问金', fig(357050, '元', '慰问金', '35.705萬元')),
    ]);
    expect(result[0]).toMatchObject({ unit: '元', value: 357050.3 });
  });
});

describe('a broken indicators file', () => {
  const write = (text: string) => {
    const file = join(tempDir('zongjie-indicators-'), 'indicators.yml');
    writeFileSync(file, text);
    return file;
  };
  const errorOf = (file: string): RuleFileError => {
    try {
      loadIndicators(file);
    } catch (error) {
      if (error instanceof RuleFileError) return error;
      throw error;
    }
    throw new Error('no error');
  };

  it('names file:line:column of a missing unit', () => {
    const file = write('indicators:\n  - id: 新会员\n    unit: 人\n    subjects: [新会员]\n  - id: 慰问金\n    subjects: [慰问金]\n');
    const error = errorOf(file);
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:5: indicators\\.1\\.unit: `));
    expect([error.line, error.column]).toEqual([5, 5]);
  });
  it('rejects a share as a unit, an unknown field, a duplicate id and 人次 made equal to 人', () => {
    expect(errorOf(write('indicators:\n  - id: 入会率\n    unit: "%"\n    subjects: [入会率]\n')).message).toMatch(/:3:11: indicators\.0\.unit: a share/);
    expect(errorOf(write('indicators:\n  - id: 培训\n    unit: 期\n    subject: [培训班]\n')).message).toMatch(/:4:5: indicators\.0: Unrecognized key: "subject"/);
    const duplicate = errorOf(write('indicators:\n  - id: 培训\n    unit: 期\n    phrases: [培训]\n  - id: 培训\n    unit: 期\n    phrases: [办班]\n'));
    expect(duplicate.message).toMatch(/:5:9: indicators\.1\.id: duplicate indicator id "培训"/);
    expect(errorOf(write('indicators:\n  - id: 慰问\n    unit: 人\n    also: [人次]\n    phrases: [慰问]\n')).message).toMatch(/:4:12: indicators\.0\.also\.0: 人次 is not 人/);
  });
  it('names the line of a YAML syntax error', () => {
    const error = errorOf(write('indicators:\n  - id: 新会员\n    unit: [人\n'));
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toMatch(/invalid YAML/);
  });
});

describe('the real corpus', () => {
  const figuresOf = (name: string) => {
    const path = join(import.meta.dirname, '../../corpus', name);
    const doc = SourceCode.fromText(path, readFileSync(path, 'utf8'));
    const { figures } = extractDocument(doc);
    return figures.map((figure) => {
      // The clause up to the figure: after the last clause mark before it.
      const text = doc.normalized.text;
      let clauseStart = figure.span.start;
      while (clauseStart > 0 && !'。！？；，,;'.includes(text[clauseStart - 1]!)) clauseStart--;
      const clause = text.slice(clauseStart, figure.span.start);
      return { figure, clause, indicator: indicatorFor(figure, clause, indicators) };
    });
  };
  const find = (list: ReturnType<typeof figuresOf>, text: string, before: string) => {
    const hit = list.find((f) => f.figure.text === text && f.clause.endsWith(before));
    if (!hit) throw new Error(`no figure ${before}${text}`);
    return hit;
  };

  it('000: 发展新会员20人, 提案26项, 合理化建议24项', () => {
    const list = figuresOf('000_87f43282fb262844.txt');
    const members = find(list, '20人', '发展新会员');
    expect(members.indicator?.id).toBe('新会员');
    expect(members.figure.value).toBe(20);
    expect(find(list, '26项', '提案').indicator?.id).toBe('职代会提案');
    expect(find(list, '24项', '合理化建议').indicator?.id).toBe('合理化建议');
    const report = combineReport(list.flatMap((f) => (f.indicator ? [{ figure: f.figure, indicator: f.indicator, duplicate: false }] : [])));
    const values = Object.fromEntries(report.map((r) => [r.id, r.value]));
    expect(values).toMatchObject({ 新会员: 20, 职代会提案: 26, 合理化建议: 24, 捐款: 134138.78 });
    // Shares are kept out: 煤电产能压降至三分之一 and 整体减亏超50% map to nothing.
    expect(list.filter((f) => f.figure.unit === '%').every((f) => f.indicator === null)).toBe(true);
  });

  it('004: 发放慰问金35.705萬元 is 慰问金 357050', () => {
    const list = figuresOf('004_d5da8b897465ed99.txt');
    const money = find(list, '35.705萬元', '发放慰问金');
    expect(money.indicator?.id).toBe('慰问金');
    expect(money.figure.value).toBe(357050);
    const report = combineReport(list.flatMap((f) => (f.indicator ? [{ figure: f.figure, indicator: f.indicator, duplicate: false }] : [])));
    expect(report.find((r) => r.id === '慰问金')).toEqual({ id: '慰问金', unit: '元', value: 357050, figures: 1, fromTotal: false });
    expect(report.find((r) => r.id === '集体合同')?.value).toBe(2722 + 287 + 168);
  });
});

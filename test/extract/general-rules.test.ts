// One small test per general rule of issue 20 (each rule is a class of real-text cases, not a passage).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { SourceCode } from '../../src/source/source-code.js';

const extract = (text: string, path = 'report.txt') => extractDocument(SourceCode.fromText(path, text));
const figures = (text: string) => extract(text).figures.map((f) => [f.text, f.value, f.unit, f.subject]);

describe('counts after the object', () => {
  it('reads 次/场/期/项/条/批/轮 after their object, with the object as subject', () => {
    expect(figures('征集职工提案35条，开展劳动竞赛12项，举办培训班3期，组织义诊5场，发放物资2批，开展巡查3轮。')).toEqual([
      ['35条', 35, '条', '职工提案'], ['12项', 12, '项', '劳动竞赛'], ['3期', 3, '期', '培训班'],
      ['5场', 5, '场', '义诊'], ['2批', 2, '批', '物资'], ['3轮', 3, '轮', '巡查'],
    ]);
  });

  it('reads Chinese numerals with 零 there too', () => {
    expect(figures('征集提案一百零八条，筹集资金两万零三百元。').map((f) => f[1])).toEqual([108, 20300]);
  });
});

describe('idioms and names are not figures', () => {
  it.each(['该村三面环山。', '举办百人包粽子活动。', '一把手亲自抓。', '两委班子团结。', '获评三八红旗手。', '增强四个意识。'])('%s', (text) => {
    expect(figures(text)).toEqual([]);
  });

  it('still reads a bare magnitude marked as an amount', () => {
    expect(figures('参加的职工百人以上，接待群众千余人次。').map((f) => [f[0], f[1]])).toEqual([['百人', 100], ['千余人次', 1000]]);
  });
});

describe('subjects', () => {
  it('never is the verb before the number', () => {
    const subjects = figures('今年组建企业工会9家，工会拿出5000元资金。').map((f) => f[3]);
    expect(subjects).toEqual(['企业工会', '资金']);
  });

  it('takes a quoted name right before the number', () => {
    expect(figures('创建区级“劳动关系和谐企业”16家。')[0]![3]).toBe('劳动关系和谐企业');
  });

  it('takes the previous clause when the number stands alone in its own', () => {
    expect(figures('走访困难职工家庭，共123户。')[0]![3]).toBe('困难职工家庭');
  });

  it('is never empty', () => {
    for (const f of extract('其中实施125条。共计14000元。').figures) expect(f.subject).not.toBe('');
  });
});

describe('placeholders: single letters used as masks', () => {
  const masks = (text: string) => extract(text).placeholders.map((p) => p.text);
  it('finds X学校, x栋, XX村, 到X月', () => {
    expect(masks('X学校的x栋教学楼，XX村，到X月底。')).toEqual(['X', 'x', 'XX', 'X']);
  });
  it('leaves multiples, Latin words and X光 alone', () => {
    expect(masks('效率提高5x，Windows系统，X光检查，1.9W阅读。')).toEqual([]);
  });
});

describe('blanks: nouns that end in a classifier are no blank', () => {
  it.each(['受理申请户的材料。', '帮扶贫困户。', '个人所得。', '工人队伍壮大。'])('%s', (text) => {
    expect(extract(text).blanks).toEqual([]);
  });
  it('still finds a count left out', () => {
    expect(extract('公司现有员工人。').blanks.map((b) => b.unit)).toEqual(['人']);
  });
});

describe('numbers broken by PDF layout', () => {
  it('joins spaced digits, a line break inside a number and one before the unit', () => {
    const text = '今年我们走访慰问困难职工家庭，共 1 2 3 户，道路硬化 1 2 . 5 公里。全年培训职工累计达到3000\n人次，会议共有代表12\n5名参加。\n';
    expect(figures(text).map((f) => [f[1], f[2]])).toEqual([[123, '户'], [12.5, '公里'], [3000, '人次'], [125, '名']]);
  });
  it('keeps a heading that ends in a number apart from the next line', () => {
    expect(figures('基层工会年度工作总结1\n2个分会成立。\n').map((f) => f[1])).toEqual([2]);
  });
});

describe('subjects after the count', () => {
  it('keep an adjective that opens them and a word in brackets inside them', () => {
    expect(figures('选树表彰了10名劳动模范和18名先进生产(工作)者。').map((f) => f[3])).toEqual(['劳动模范', '先进生产(工作)者']);
  });
});

describe('subjects of listed counts', () => {
  it('leave the classifier of the count before to that count (男15人、女8人)', () => {
    expect(figures('其中男15人、女8人。').map((f) => f[3])).toEqual(['男', '女']);
  });
});

// The output formats of `zongjie stats` (csv, pivot csv, json, markdown, html) on a hand-built result:
// three years, two units, four indicators, one unreadable file, and report text that tries to inject HTML.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { StatsResult, StatsRow } from '../../src/batch/types.js';
import { CSV_BOM, STATS_ROW_COLUMNS, statsLongCsv, statsLongCsvChunks, statsPivotCsv } from '../../src/report/stats-csv.js';
import { escapeHtml, statsHtml } from '../../src/report/stats-html.js';
import { statsJson, statsJsonChunks, statsJsonObject } from '../../src/report/stats-json.js';
import { escapeMarkdown, statsMarkdown } from '../../src/report/stats-md.js';

const row = (r: Partial<StatsRow> & Pick<StatsRow, 'file' | 'org' | 'year' | 'indicator' | 'value' | 'unit' | 'text'>): StatsRow => ({
  subject: r.indicator, qualifier: 'exact', line: 1, column: 1, modality: 'actual', relation: 'level', section: '一、组织建设', sentence: `全年${r.text}。`,
  indicatorValue: r.value, indicatorUnit: r.indicator ? r.unit : '', conversion: '', matched: r.indicator, counted: r.indicator !== '', ...r,
});

const result: StatsResult = {
  files: 8,
  failed: [{ file: 'archive/坏文件.doc', error: '无法识别的编码 <img src=x onerror=alert(1)>' }],
  years: [2018, 2019, 2020],
  orgs: ['甲公司', '乙公司'],
  reportsByYear: { 2018: 2, 2019: 2, 2020: 2, 未知: 1 },
  indicators: [
    {
      id: '新会员', unit: '人',
      byYear: { 2018: 98, 2019: 37, 2020: 120, 未知: 5 },
      reports: { 2018: 2, 2019: 1, 2020: 2, 未知: 1 },
      byOrgYear: { 甲公司: { 2018: 60, 2019: 37, 2020: 70 }, 乙公司: { 2018: 38, 2020: 50 }, '': { 未知: 5 } },
    },
    {
      id: '慰问金', unit: '元',
      byYear: { 2018: 357050, 2019: 134138.78, 2020: 250000 },
      reports: { 2018: 1, 2019: 2, 2020: 1 },
      byOrgYear: { 甲公司: { 2018: 357050, 2019: 100000 }, 乙公司: { 2019: 34138.78, 2020: 250000 } },
    },
    {
      id: '培训', unit: '人次',
      byYear: { 2019: 300, 2020: 450 },
      reports: { 2019: 1, 2020: 2 },
      byOrgYear: { 甲公司: { 2019: 300, 2020: 200 }, 乙公司: { 2020: 250 } },
    },
    {
      id: '满意度', unit: '%',
      byYear: { 2018: 0.1 + 0.2, 2019: 95, 2020: 98.5 },
      reports: { 2018: 1, 2019: 1, 2020: 1 },
      byOrgYear: { 乙公司: { 2018: 0.1 + 0.2, 2019: 95, 2020: 98.5 } },
    },
  ],
  rows: [
    row({ file: 'archive/甲公司/2018.txt', org: '甲公司', year: 2018, indicator: '新会员', value: 60, unit: '人', text: '发展新会员60人', line: 4, column: 12 }),
    row({ file: 'archive/乙公司/2019.txt', org: '乙公司', year: 2019, indicator: '慰问金', subject: '慰问金', value: 34138.78, unit: '元', qualifier: 'about', text: '慰问金约3.413878萬元, "含"补助', line: 9, column: 3 }),
    row({ file: 'archive/乙公司/2020.txt', org: '乙公司', year: 2020, indicator: '', subject: '', value: 3, unit: '次', text: '<script>alert("x")</script>3次', line: 20, column: 7 }),
    row({ file: 'archive/未知.txt', org: '', year: null, indicator: '新会员', value: 5, unit: '人', text: '新会员5人', line: 2, column: 1 }),
  ],
  themes: [
    { year: 2018, terms: [{ term: '劳动竞赛', score: 3.2 }, { term: '安全生产', score: 2.1 }] },
    { year: 2019, terms: [{ term: '职工书屋', score: 2.8 }, { term: '金点子', score: 1.5 }] },
    { year: 2020, terms: [{ term: '疫情防控', score: 4.4 }, { term: '复工复产', score: 3.3 }, { term: '<b>粗体</b>', score: 0.5 }] },
  ],
  activities: [
    { year: 2018, categories: { 竞赛: 5, 慰问: 2 } },
    { year: 2019, categories: { 竞赛: 3, 培训: 4 } },
    { year: 2020, categories: { 慰问: 6, 培训: 1 } },
  ],
  warnings: [{ kind: 'missing-year', message: '指标“培训”在 2018 年没有数字', indicator: '培训', years: ['2018'] }],
};

const csvRecords = (text: string): string[][] => parse(text.slice(CSV_BOM.length), { relax_column_count: false });

describe('statsLongCsv', () => {
  const text = statsLongCsv(result);

  it('starts with the BOM and ends records with CRLF', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.startsWith('\uFEFFfile,org,year,indicator,subject,value,unit,qualifier,text,line,column,modality,relation,section,sentence,'
      + 'indicatorValue,indicatorUnit,conversion,matched,counted,note,duplicate\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('has one row per figure with the values as given', () => {
    const records = csvRecords(text);
    expect(records[0]).toEqual([...STATS_ROW_COLUMNS]);
    expect(records).toHaveLength(5);
    expect(records[1]).toEqual([
      'archive/甲公司/2018.txt', '甲公司', '2018', '新会员', '新会员', '60', '人', 'exact', '发展新会员60人', '4', '12',
      'actual', 'level', '一、组织建设', '全年发展新会员60人。', '60', '人', '', '新会员', 'true', '', 'false',
    ]);
    expect(records[2]!.slice(0, 11)).toEqual(['archive/乙公司/2019.txt', '乙公司', '2019', '慰问金', '慰问金', '34138.78', '元', 'about', '慰问金约3.413878萬元, "含"补助', '9', '3']);
    // A figure no indicator takes: not counted, no indicator unit.
    expect(records[3]!.slice(15, 20)).toEqual(['3', '', '', '', 'false']);
    expect(records[3]![8]).toBe('<script>alert("x")</script>3次');
    // Unknown year and no org are empty cells.
    expect(records[4]!.slice(0, 4)).toEqual(['archive/未知.txt', '', '', '新会员']);
  });

  it('quotes a cell holding a comma or a quote', () => {
    expect(text).toContain('"慰问金约3.413878萬元, ""含""补助"');
  });
});

describe('statsPivotCsv', () => {
  it('by year: 指标, 单位, one column per year (unknown year last), and a 报告数 row first', () => {
    const text = statsPivotCsv(result, 'year');
    expect(text.startsWith('\uFEFF指标,单位,2018,2019,2020,未知\r\n')).toBe(true);
    expect(csvRecords(text)).toEqual([
      ['指标', '单位', '2018', '2019', '2020', '未知'],
      ['报告数', '份', '2', '2', '2', '1'],
      ['新会员', '人', '98', '37', '120', '5'],
      ['慰问金', '元', '357050', '134138.78', '250000', ''],
      ['培训', '人次', '', '300', '450', ''],
      ['满意度', '%', '0.3', '95', '98.5', ''],
    ]);
  });

  it('by org and year: one row per indicator and org, in the order of result.orgs', () => {
    const records = csvRecords(statsPivotCsv(result, 'org,year'));
    expect(records[0]).toEqual(['指标', '单位', '单位名称', '2018', '2019', '2020', '未知']);
    expect(records.slice(1)).toEqual([
      ['报告数', '份', '', '2', '2', '2', '1'],
      ['新会员', '人', '甲公司', '60', '37', '70', ''],
      ['新会员', '人', '乙公司', '38', '', '50', ''],
      ['新会员', '人', '', '', '', '', '5'],
      ['慰问金', '元', '甲公司', '357050', '100000', '', ''],
      ['慰问金', '元', '乙公司', '', '34138.78', '250000', ''],
      ['培训', '人次', '甲公司', '', '300', '200', ''],
      ['培训', '人次', '乙公司', '', '', '250', ''],
      ['满意度', '%', '乙公司', '0.3', '95', '98.5', ''],
    ]);
  });

  it('by org and year without org sums: one row of totals per indicator', () => {
    const plain: StatsResult = { ...result, indicators: result.indicators.map(({ byOrgYear: _b, ...s }) => s) };
    const records = csvRecords(statsPivotCsv(plain, 'org,year'));
    expect(records[2]).toEqual(['新会员', '人', '', '98', '37', '120', '5']);
    expect(records).toHaveLength(6);
  });
});

describe('statsJson', () => {
  const json = JSON.parse(statsJson(result)) as Record<string, unknown>;

  it('has the contract fields first, in order, then the extra ones', () => {
    expect(Object.keys(json)).toEqual(['files', 'failed', 'years', 'indicators', 'rows', 'warnings', 'orgs', 'reportsByYear', 'themes', 'activities']);
    expect(json.warnings).toEqual([{ kind: 'missing-year', message: '指标“培训”在 2018 年没有数字', indicator: '培训', years: ['2018'] }]);
  });

  it('carries the contract fields with their meaning', () => {
    expect(json.files).toBe(8);
    expect(json.failed).toEqual([{ file: 'archive/坏文件.doc', error: '无法识别的编码 <img src=x onerror=alert(1)>' }]);
    expect(json.years).toEqual([2018, 2019, 2020]);
    const indicators = json.indicators as Record<string, unknown>[];
    expect(indicators.map((i) => Object.keys(i))).toEqual([
      ['id', 'unit', 'byYear', 'reports', 'byOrgYear'], ['id', 'unit', 'byYear', 'reports', 'byOrgYear'],
      ['id', 'unit', 'byYear', 'reports', 'byOrgYear'], ['id', 'unit', 'byYear', 'reports', 'byOrgYear'],
    ]);
    expect(indicators[0]).toEqual({
      id: '新会员', unit: '人',
      byYear: { 2018: 98, 2019: 37, 2020: 120, 未知: 5 },
      reports: { 2018: 2, 2019: 1, 2020: 2, 未知: 1 },
      byOrgYear: { 甲公司: { 2018: 60, 2019: 37, 2020: 70 }, 乙公司: { 2018: 38, 2020: 50 }, '': { 未知: 5 } },
    });
    const rows = json.rows as Record<string, unknown>[];
    expect(rows).toHaveLength(4);
    expect(Object.keys(rows[0]!)).toEqual([
      'file', 'org', 'year', 'indicator', 'subject', 'value', 'unit', 'qualifier', 'modality', 'section', 'text', 'line', 'column',
      'relation', 'sentence', 'indicatorValue', 'indicatorUnit', 'conversion', 'matched', 'counted',
    ]);
    expect(rows[0]).toEqual({
      file: 'archive/甲公司/2018.txt', org: '甲公司', year: 2018, indicator: '新会员', subject: '新会员', value: 60, unit: '人', qualifier: 'exact',
      modality: 'actual', section: '一、组织建设', text: '发展新会员60人', line: 4, column: 12, relation: 'level', sentence: '全年发展新会员60人。',
      indicatorValue: 60, indicatorUnit: '人', conversion: '', matched: '新会员', counted: true,
    });
    expect(rows[3]!.year).toBeNull();
  });

  it('adds orgs, reports by year, themes and activities', () => {
    expect(json.orgs).toEqual(['甲公司', '乙公司']);
    expect(json.reportsByYear).toEqual({ 2018: 2, 2019: 2, 2020: 2, 未知: 1 });
    expect(json.themes).toEqual(result.themes);
    expect(json.activities).toEqual(result.activities);
  });

  it('leaves byOrgYear out when the run did not group by org', () => {
    const plain: StatsResult = { ...result, indicators: result.indicators.map(({ byOrgYear: _b, ...s }) => s) };
    const indicators = (JSON.parse(statsJson(plain)) as { indicators: object[] }).indicators;
    expect(Object.keys(indicators[0]!)).toEqual(['id', 'unit', 'byYear', 'reports']);
  });
});

describe('written in pieces', () => {
  // 4,500 rows cross two batch boundaries; text with quotes, line breaks, commas and U+0000.
  const many: StatsResult = {
    ...result,
    rows: Array.from({ length: 4500 }, (_, i) => ({ ...result.rows[i % result.rows.length]!, text: `第${i}条："引号"\n换行,逗号\u0000`, line: i + 1 })),
  };
  it('json: the pieces are JSON.stringify of the whole object, with and without rows', () => {
    for (const r of [many, result, { ...result, rows: [] }]) {
      const pieces = [...statsJsonChunks(r)];
      expect(pieces.join('')).toBe(`${JSON.stringify(statsJsonObject(r), null, 2)}\n`);
      expect(pieces.every((p) => p.length < 2_000_000)).toBe(true);
    }
    expect([...statsJsonChunks(many)].length).toBeGreaterThan(3);
  });
  it('long csv: the pieces are one table with one header', () => {
    const pieces = [...statsLongCsvChunks(many)];
    expect(pieces.length).toBe(3);
    const records = csvRecords(pieces.join(''));
    expect(records).toHaveLength(4501);
    expect(records[0]).toEqual([...STATS_ROW_COLUMNS]);
    expect(records[4500]![8]).toBe('第4499条："引号"\n换行,逗号\u0000');
    expect(csvRecords([...statsLongCsvChunks({ ...result, rows: [] })].join(''))).toEqual([[...STATS_ROW_COLUMNS]]);
  });
});

describe('statsMarkdown', () => {
  const md = statsMarkdown(result);
  const lines = md.split('\n');

  it('has the indicator × year table with the reports per year', () => {
    const start = lines.indexOf('| 指标 | 单位 | 2018 | 2019 | 2020 | 未知 |');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 7)).toEqual([
      '| --- | --- | ---: | ---: | ---: | ---: |',
      '| 报告数 | 份 | 2 | 2 | 2 | 1 |',
      '| 新会员 | 人 | 98（2份） | 37（1份） | 120（2份） | 5（1份） |',
      '| 慰问金 | 元 | 357,050（1份） | 134,138.78（2份） | 250,000（1份） | — |',
      '| 培训 | 人次 | — | 300（1份） | 450（2份） | — |',
      '| 满意度 | % | 0.3（1份） | 95（1份） | 98.5（1份） | — |',
    ]);
  });

  it('has a table per org', () => {
    const section = md.slice(md.indexOf('## 各单位'), md.indexOf('## 年度主题词'));
    expect(section).toContain('### 甲公司\n\n| 指标 | 单位 | 2018 | 2019 | 2020 | 未知 |\n| --- | --- | ---: | ---: | ---: | ---: |\n| 新会员 | 人 | 60 | 37 | 70 | — |\n| 慰问金 | 元 | 357,050 | 100,000 | — | — |\n| 培训 | 人次 | — | 300 | 200 | — |\n');
    expect(section).toContain('### 乙公司\n');
    expect(section).toContain('| 满意度 | % | 0.3 | 95 | 98.5 | — |');
    expect(section).toContain('### （未指定单位）\n');
    expect(section.indexOf('### 甲公司')).toBeLessThan(section.indexOf('### 乙公司'));
  });

  it('has themes and activity categories by year', () => {
    expect(md).toContain('| 2018 | 劳动竞赛、安全生产 |');
    expect(md).toContain('| 2020 | 疫情防控、复工复产、\\<b\\>粗体\\</b\\> |');
    expect(md).toContain('| 类别 | 2018 | 2019 | 2020 | 合计 |');
    expect(md).toContain('| 慰问 | 2 | — | 6 | 8 |');
    expect(md).toContain('| 竞赛 | 5 | 3 | — | 8 |');
    expect(md).toContain('| 培训 | — | 4 | 1 | 5 |');
  });

  it('lists the failed files with the reason, escaped', () => {
    expect(md).toContain('## 无法读取的文件\n\n- archive/坏文件.doc：无法识别的编码 \\<img src=x onerror=alert(1)\\>\n');
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });

  it('escapes what Markdown would read as markup', () => {
    expect(escapeMarkdown('a|b *c* <script>\nd')).toBe('a\\|b \\*c\\* \\<script\\> d');
    expect(md.endsWith('\n')).toBe(true);
  });
});

describe('statsHtml', () => {
  const html = statsHtml(result, { title: '工会工作统计', generatedAt: '2024-05-01' });

  it('is one page in Chinese with the title and the date', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>工会工作统计</title>');
    expect(html).toContain('生成于 2024-05-01');
  });

  it('has exactly one chart (svg) per indicator, each naming its indicator', () => {
    const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(4);
    expect(svgs.map((s) => /data-indicator="([^"]*)"/.exec(s)?.[1])).toEqual(['新会员', '慰问金', '培训', '满意度']);
    expect(html.match(/<\/svg>/g)).toHaveLength(4);
    // The chart titles carry the indicator and its unit, with a CJK font list.
    expect(html).toContain('新会员（人）');
    expect(html).toContain('慰问金（元）');
    expect(html).toMatch(/font-family:'Noto Sans CJK SC', [^"]*'WenQuanYi Micro Hei'/);
  });

  it('needs no network: no script, no external link, image, font or stylesheet', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('escapes text taken from reports', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;3次');
    expect(html).toContain('无法识别的编码 &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;粗体&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });

  it('has the pivot table, the per-org tables, themes, activities and the failed file', () => {
    expect(html).toContain('<tr class="count"><td>报告数</td><td>份</td><td class="num">2</td><td class="num">2</td><td class="num">2</td><td class="num">1</td></tr>');
    // Each cell links to the list of the figures behind it (数字来源).
    expect(html).toContain('<tr><td>慰问金</td><td>元</td><td class="num"><a href="#src-1-2018">357,050</a><small>1份报告</small></td>'
      + '<td class="num"><a href="#src-1-2019">134,138.78</a><small>2份报告</small></td><td class="num"><a href="#src-1-2020">250,000</a><small>1份报告</small></td><td class="num empty">—</td></tr>');
    expect(html).toContain('<h3>甲公司</h3>');
    expect(html).toContain('<h3>乙公司</h3>');
    expect(html).toContain('<span title="TF-IDF 4.4">疫情防控</span>');
    expect(html).toContain('<tr><td>竞赛</td><td class="num">5</td><td class="num">3</td><td class="num empty">—</td><td class="num">8</td></tr>');
    expect(html).toContain('<li><code>archive/坏文件.doc</code>：');
  });

  it('escapes an indicator id in the chart and its attributes', () => {
    const odd: StatsResult = { ...result, indicators: [{ id: 'A&B<x>"', unit: '个', byYear: { 2019: 2 }, reports: { 2019: 1 } }] };
    const page = statsHtml(odd);
    expect(page).not.toContain('<x>');
    expect(page).toContain('data-indicator="A&amp;B&lt;x&gt;&quot;"');
    expect(page.match(/<svg\b/g)).toHaveLength(1);
  });

  it('says so when there is nothing to chart', () => {
    const empty: StatsResult = { ...result, indicators: [], rows: [], failed: [] };
    const page = statsHtml(empty);
    expect(page).not.toContain('<svg');
    expect(page).toContain('没有找到可统计的指标');
    expect(page).toContain('<title>工作报告统计</title>');
  });
});

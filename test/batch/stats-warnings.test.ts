// Nothing silent (issue 21): each case an analyst must hear about gives a warning in the JSON output
// and on stderr, and --strict makes the warnings errors (exit 1): a manifest row whose file is
// missing, two rows for one file, a file no row names, an indicator without a figure in a year, a
// year more than ten times the one before, two reports that are near-copies, and a figure whose unit
// does not convert to its indicator's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/batch/grouping.js';
import { runStats } from '../../src/batch/run.js';
import type { StatsWarning } from '../../src/batch/types.js';
import { zongjieInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** A short yearly report of an org; `extra` lines go into its work section. */
function report(org: string, year: number, members: number, money: number, extra: string[] = []): string {
  return [
    `${org}${year}年度工作总结`,
    '一、组织建设',
    `全年发展新会员${members}人，会员队伍不断壮大。`,
    '二、帮扶工作',
    `春节期间发放慰问金${money}元，把温暖送到职工心坎上。`,
    ...extra,
  ].join('\n');
}

const kinds = (warnings: readonly StatsWarning[]) => warnings.map((w) => w.kind);

describe('warnings about the manifest', () => {
  const dir = tempDir('zongjie-warn-manifest-');
  writeFileSync(join(dir, 'a.txt'), report('甲工会', 2020, 10, 1000));
  writeFileSync(join(dir, 'b.txt'), report('乙工会', 2020, 20, 2000));
  writeFileSync(join(dir, 'c.txt'), report('丙工会', 2020, 30, 3000));
  const manifest = join(dir, 'manifest.csv');
  // gone.txt does not exist; a.txt has two rows; c.txt has none.
  writeFileSync(manifest, 'file,org,year\na.txt,甲,2020\nb.txt,乙,2020\ngone.txt,丁,2020\n\na.txt,甲,2021\n');

  it('names a row whose file is missing, a file named twice (with both lines) and a file no row names', async () => {
    const r = await runStats([join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'c.txt')], { workers: 1, byOrg: true, manifest: readManifest(manifest) });
    const manifestWarnings = r.warnings.filter((w) => w.kind.startsWith('manifest-'));
    expect(manifestWarnings).toEqual([
      { kind: 'manifest-missing-file', message: `清单 ${manifest} 第 4 行的文件 gone.txt 不存在`, manifest, file: 'gone.txt', line: 4 },
      { kind: 'manifest-duplicate-row', message: `清单 ${manifest} 第 2、6 行都写了 a.txt：只用了最后一行`, manifest, file: 'a.txt', lines: [2, 6] },
      { kind: 'manifest-unlisted-file', message: `${join(dir, 'c.txt')} 不在清单 ${manifest} 里：它的单位和年份是从路径或报告本身得来的`, manifest, file: join(dir, 'c.txt') },
    ]);
    // The last row for a.txt is the one used.
    expect(r.orgs).toContain('甲');
    expect(r.years).toEqual([2020, 2021]);
  });

  it('gives no manifest warning when the manifest and the inputs agree', async () => {
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'file,org,year\na.txt,甲,2020\nb.txt,乙,2020\n');
    const r = await runStats([join(dir, 'a.txt'), join(dir, 'b.txt')], { workers: 1, byOrg: false, manifest: readManifest(good) });
    expect(kinds(r.warnings).filter((k) => k.startsWith('manifest-'))).toEqual([]);
  });
});

describe('warnings about the series', () => {
  const dir = tempDir('zongjie-warn-series-');
  for (const [org, year, members, money] of [
    ['甲工会', 2019, 10, 1000], ['甲工会', 2020, 12, 1100], ['甲工会', 2021, 150, 1200],
    ['乙工会', 2019, 20, 2000], ['乙工会', 2020, 22, 2100], ['乙工会', 2021, 24, 2200],
  ] as const) {
    mkdirSync(join(dir, org), { recursive: true });
    // 乙工会 gives no 新会员 figure in 2020; 甲工会 jumps from 12 to 150 in 2021.
    const text = org === '乙工会' && year === 2020 ? report(org, year, members, money).replace(/全年发展新会员\d+人，/, '') : report(org, year, members, money);
    writeFileSync(join(dir, org, `${year}.txt`), text);
  }
  // 2022: only 甲工会 reports, without any 新会员 figure.
  writeFileSync(join(dir, '甲工会', '2022.txt'), report('甲工会', 2022, 0, 1300).replace(/全年发展新会员\d+人，/, ''));

  it('names a year without a figure of an indicator, and an org\'s year without it', async () => {
    const r = await runStats([dir], { workers: 1, byOrg: true });
    expect(r.warnings.filter((w) => w.kind === 'missing-year')).toEqual([
      { kind: 'missing-year', message: '指标“新会员”在 2022 年没有数字', indicator: '新会员', years: ['2022'] },
      { kind: 'missing-year', message: '指标“新会员”：乙工会 2020 年的报告里没有这个数字', indicator: '新会员', years: ['2020'], org: '乙工会' },
    ]);
  });

  it('names a year more than ten times the year before, in the sums and in the org\'s series', async () => {
    const r = await runStats([dir], { workers: 1, byOrg: true });
    const jumps = r.warnings.filter((w) => w.kind === 'year-jump');
    // The sum: 12 → 174 (甲 150 + 乙 24) is 14.5 times; 甲工会 alone 12 → 150 is 12.5 times.
    expect(jumps.map((w) => w.message)).toEqual([
      '指标“新会员”2021 年为 174，是 2020 年 12 的 14.5 倍',
      '指标“新会员”（甲工会）2021 年为 150，是 2020 年 12 的 12.5 倍',
    ]);
    expect(jumps[0]).toMatchObject({ indicator: '新会员', year: '2021', from: '2020', values: [12, 174] });
    // 慰问金 grows slowly: no warning about it.
    expect(r.warnings.some((w) => w.indicator === '慰问金')).toBe(false);
  });

  it('names a fall to less than a tenth too', async () => {
    const fall = tempDir('zongjie-warn-fall-');
    writeFileSync(join(fall, '2020.txt'), report('甲工会', 2020, 500, 1000));
    writeFileSync(join(fall, '2021.txt'), report('甲工会', 2021, 40, 1000));
    const r = await runStats([fall], { workers: 1, byOrg: false, lang: 'en' });
    expect(r.warnings.filter((w) => w.kind === 'year-jump').map((w) => w.message)).toEqual(['indicator "新会员" is 40 in 2021, 1/12.5 of the 500 of 2020']);
  });
});

describe('warnings about near-copies and units', () => {
  const dir = tempDir('zongjie-warn-copies-');
  const body = [
    '一年来，我们坚持以职工为中心，深入基层调研，掌握职工所思所盼，推动各项工作落地见效。',
    '加强工会干部队伍建设，举办学习交流会，提升履职能力和服务水平，工会组织的凝聚力明显增强。',
    '推进厂务公开，召开职工代表大会，保障职工的知情权、参与权、表达权和监督权。',
    '开展形式多样的文体活动，组织职工参加书画摄影展和趣味运动会，丰富职工业余文化生活。',
    '关心女职工特殊权益，落实各项保护措施，组织女职工健康体检，关注职工身心健康。',
  ];
  writeFileSync(join(dir, 'a-2020.txt'), report('甲工会', 2020, 30, 5000, body));
  // The same report filed again for 2021 with its figures changed: a near-copy.
  writeFileSync(join(dir, 'a-2021.txt'), report('甲工会', 2021, 45, 6200, body));
  // Another org's report with other text: not a copy.
  writeFileSync(join(dir, 'b-2021.txt'), report('乙工会', 2021, 12, 800, [
    '围绕安全生产中心任务，开展隐患排查和安全知识竞赛，班组安全管理水平不断提高。',
    '做好农民工入会和服务工作，为一线职工送去清凉和温暖，解决职工急难愁盼问题。',
    '植树造林300株，美化厂区环境。',
  ]));

  it('names two reports that are near-copies (MinHash over their folded text), and no other pair', async () => {
    const r = await runStats([dir], { workers: 1, byOrg: false });
    const copies = r.warnings.filter((w) => w.kind === 'near-copy');
    expect(copies).toHaveLength(1);
    expect(copies[0]!.files).toEqual([join(dir, 'a-2020.txt'), join(dir, 'a-2021.txt')]);
    expect(copies[0]!.similarity).toBeGreaterThanOrEqual(0.9);
    expect(copies[0]!.message).toBe(`${join(dir, 'a-2020.txt')} 与 ${join(dir, 'a-2021.txt')} 几乎是同一份报告（相似度 ${copies[0]!.similarity!.toFixed(2)}）`);
  });

  it('names a figure whose unit does not convert to its indicator\'s, and does not count it', async () => {
    const r = await runStats([dir], { workers: 1, byOrg: false });
    const units = r.warnings.filter((w) => w.kind === 'unit-mismatch');
    expect(units).toEqual([{
      kind: 'unit-mismatch', message: `${join(dir, 'b-2021.txt')}:8:5 “300株”像是指标“绿化面积”的数字，但 株 换算不成 亩，没有计入`,
      file: join(dir, 'b-2021.txt'), line: 8, column: 5, text: '300株', indicator: '绿化面积', units: ['株', '亩'],
    }]);
    expect(r.indicators.some((s) => s.id === '绿化面积')).toBe(false);
  });
});

describe('warnings on the command line', () => {
  // Two years with texts of their own (the same text twice would be a near-copy, and warned).
  const year2020 = ['围绕安全生产中心任务，开展隐患排查和安全知识竞赛，班组安全管理水平不断提高。'];
  const year2021 = ['推进厂务公开，召开职工代表大会，保障职工的知情权、参与权、表达权和监督权。', '开展形式多样的文体活动，组织书画摄影展。'];
  const dir = tempDir('zongjie-warn-cli-');
  writeFileSync(join(dir, '2020.txt'), report('甲工会', 2020, 10, 1000, year2020));
  writeFileSync(join(dir, '2021.txt'), report('甲工会', 2021, 200, 1100, year2021));

  it('go to stderr and into the JSON, exit 0; with --strict they are errors and exit 1', async () => {
    const plain = await zongjieInProcess(['stats', '--workers', '1', dir, '--format', 'json']);
    expect(plain.status).toBe(0);
    expect(plain.stderr).toBe('zongjie: 警告：指标“新会员”2021 年为 200，是 2020 年 10 的 20 倍\n');
    expect((JSON.parse(plain.stdout) as { warnings: StatsWarning[] }).warnings.map((w) => w.kind)).toEqual(['year-jump']);
    const strict = await zongjieInProcess(['stats', '--workers', '1', dir, '--format', 'json', '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe('zongjie: 错误（--strict）：指标“新会员”2021 年为 200，是 2020 年 10 的 20 倍\n');
    expect(strict.stdout).toBe(plain.stdout);
    const en = await zongjieInProcess(['--lang', 'en', 'stats', '--workers', '1', dir, '--format', 'md', '--strict']);
    expect(en.stderr).toBe('zongjie: error (--strict): indicator "新会员" is 200 in 2021, 20 times the 10 of 2020\n');
    expect(en.stdout).toContain('## 提醒\n\n- indicator "新会员" is 200 in 2021, 20 times the 10 of 2020\n');
  });

  it('without warnings, --strict exits 0', async () => {
    const calm = tempDir('zongjie-warn-calm-');
    writeFileSync(join(calm, '2020.txt'), report('甲工会', 2020, 10, 1000, year2020));
    writeFileSync(join(calm, '2021.txt'), report('甲工会', 2021, 12, 1100, year2021));
    const r = await zongjieInProcess(['stats', '--workers', '1', calm, '--strict', '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

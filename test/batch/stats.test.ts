// zongjie stats on an archive whose totals are known by construction: sums by indicator and year
// (and org), a repeated passage counted once, a file that cannot be read reported and the rest
// counted, identical output with and without worker threads, and every output format.
import { mkdirSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoWorkers, runStats } from '../../src/batch/run.js';
import { STATS_ROW_COLUMNS } from '../../src/report/stats-csv.js';
import { zongjie, zongjieInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

interface Planted { 新会员: number; 职代会提案: number; 慰问金: number; 劳动竞赛: number; 合理化建议: number; 培训: number }
const ORGS = ['城东街道总工会', '第一中学工会'];
const YEARS = [2021, 2022];

function report(org: string, year: number, p: Planted, repeat: boolean): string {
  const money = p.慰问金 >= 10000 ? `${p.慰问金 / 10000}万元` : `${p.慰问金}元`;
  const planted = `一年来，组织劳动竞赛${p.劳动竞赛}次，收到合理化建议${p.合理化建议}条，举办培训班${p.培训}期。`;
  return [
    `${org}${year}年度工作总结`,
    `${year}年，${org}在上级工会的领导下，围绕中心、服务大局，较好地完成了各项任务。`,
    '一、加强组织建设',
    `全年发展新会员${p.新会员}人，会员队伍不断壮大，基层组织更加健全。`,
    '二、推进民主管理',
    `召开职工代表大会，征集职代会提案${p.职代会提案}项，办理答复率百分之百。`,
    '三、做好帮扶工作',
    `春节期间走访困难职工，发放慰问金${money}，把温暖送到职工心坎上。`,
    '四、开展建功立业',
    planted,
    // A passage the report repeats: its figures must count once.
    ...(repeat ? ['五、工作回顾', planted] : []),
    '六、存在问题和下一步打算',
    '服务职工的手段还需丰富，下一步将继续加强学习。',
  ].join('\n');
}

function archive(): { dir: string; truth: Map<string, number> } {
  const dir = tempDir('zongjie-archive-');
  const truth = new Map<string, number>();
  let n = 1;
  for (const org of ORGS) {
    mkdirSync(join(dir, org));
    for (const year of YEARS) {
      const p: Planted = { 新会员: 10 * n, 职代会提案: n + 3, 慰问金: 5000 * n + (n % 2 ? 25000 : 0), 劳动竞赛: n, 合理化建议: 7 * n, 培训: n + 1 };
      writeFileSync(join(dir, org, `${year}年度工作总结.txt`), report(org, year, p, n === 2));
      for (const [id, v] of Object.entries(p)) {
        truth.set(`${id}|${year}`, (truth.get(`${id}|${year}`) ?? 0) + v);
        truth.set(`${id}|${org}|${year}`, v);
      }
      n++;
    }
  }
  writeFileSync(join(dir, ORGS[0]!, '扫描件.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 1]));
  return { dir, truth };
}

describe('zongjie stats', () => {
  const { dir, truth } = archive();

  it('sums each indicator by year and by org and year, counting reports, and a repeated passage once', async () => {
    const result = await runStats([dir], { workers: 1, byOrg: true });
    expect(result.files).toBe(5);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.file).toContain('扫描件.txt');
    expect(result.years).toEqual(YEARS);
    expect(result.orgs).toEqual(ORGS);
    for (const id of ['新会员', '职代会提案', '慰问金', '劳动竞赛', '合理化建议', '培训']) {
      const series = result.indicators.find((s) => s.id === id)!;
      expect(series, id).toBeDefined();
      for (const year of YEARS) {
        expect(series.byYear[year], `${id} ${year}`).toBe(truth.get(`${id}|${year}`));
        expect(series.reports[year]).toBe(2);
        for (const org of ORGS) expect(series.byOrgYear![org]![year], `${id} ${org} ${year}`).toBe(truth.get(`${id}|${org}|${year}`));
      }
    }
    expect(result.indicators.find((s) => s.id === '慰问金')!.unit).toBe('元');
    // The long table lists the repeated figures, marked, and keeps unmapped figures with an empty indicator.
    expect(result.rows.filter((r) => r.duplicate).length).toBe(3);
    expect(result.themes.map((t) => t.year)).toEqual(YEARS);
    expect(result.activities.length).toBe(2);
  });

  it('gives identical output with two worker threads and with one', async () => {
    const one = await zongjieInProcess(['stats', '--workers', '1', '--by', 'org,year', '--format', 'json', dir]);
    const two = zongjie(['stats', '--workers', '2', '--by', 'org,year', '--format', 'json', dir]);
    expect(one.status).toBe(1); // the unreadable file
    expect(one.stderr).toMatch(/扫描件\.txt: 二进制文件/);
    expect(two.stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout) as { files: number; failed: unknown[]; years: number[]; indicators: { id: string; unit: string; byYear: Record<string, number>; reports: Record<string, number> }[]; rows: unknown[] };
    expect(Object.keys(json).slice(0, 5)).toEqual(['files', 'failed', 'years', 'indicators', 'rows']);
    expect(json.indicators.find((s) => s.id === '新会员')).toMatchObject({ unit: '人', byYear: { 2021: 40, 2022: 60 }, reports: { 2021: 2, 2022: 2 } });
  });

  it('folds reports in input order when workers take them in batches (60 reports, failures among them)', async () => {
    // More reports than one batch holds, some unreadable between them: totals known by construction,
    // and the same output, rows in input order, from one worker thread and from two.
    const big = tempDir('zongjie-archive-batches-');
    const members = new Map<number, number>();
    for (let i = 0; i < 60; i++) {
      const year = 2015 + (i % 6);
      const org = `第${i + 1}基层工会`;
      const file = join(big, `${String(i).padStart(2, '0')}-${year}.txt`);
      if (i % 17 === 5) {
        writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
        continue;
      }
      const p: Planted = { 新会员: i + 1, 职代会提案: 2, 慰问金: 1000, 劳动竞赛: 1, 合理化建议: 3, 培训: 1 };
      writeFileSync(file, report(org, year, p, i % 9 === 0));
      members.set(year, (members.get(year) ?? 0) + p.新会员);
    }
    const lines = { one: [] as string[], two: [] as string[] };
    const one = await runStats([big], { workers: 1, byOrg: false, onLine: (l) => lines.one.push(l) });
    const two = await runStats([big], { workers: 2, byOrg: false, onLine: (l) => lines.two.push(l) });
    expect(two).toEqual(one);
    // Themes come from word counts each worker sums and hands in at the end: none lost, none twice.
    expect(one.themes).toHaveLength(6);
    for (const year of one.themes) expect(year.terms.length).toBeGreaterThan(3);
    // The ndjson lines made on the workers carry each report's words, as the main thread's do.
    expect(lines.two.sort()).toEqual(lines.one.sort());
    expect(lines.one).toHaveLength(60);
    expect(lines.one.filter((l) => Object.keys((JSON.parse(l) as { terms: object }).terms).length > 10)).toHaveLength(56);
    expect(one.files).toBe(60);
    expect(one.failed.map((f) => f.file.slice(big.length + 1, big.length + 3))).toEqual(['05', '22', '39', '56']);
    expect(one.indicators.find((s) => s.id === '新会员')!.byYear).toEqual(Object.fromEntries([...members].sort()));
    const rowFiles = one.rows.map((r) => r.file);
    expect(rowFiles).toEqual([...rowFiles].sort());
  });

  it('writes every format with --out: CSV with a BOM, one SVG chart per indicator, ndjson per report', async () => {
    const out = tempDir('zongjie-stats-out-');
    const r = await zongjieInProcess(['stats', '--out', out, '--workers', '2', dir]);
    expect(r.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['figures.csv', 'figures.parquet', 'pivot.csv', 'reports.ndjson', 'stats.html', 'stats.json', 'stats.md']);
    const pivot = readFileSync(join(out, 'pivot.csv'), 'utf8');
    expect(pivot.charCodeAt(0)).toBe(0xfeff);
    expect(pivot).toMatch(/新会员,人,40,60/);
    const long = readFileSync(join(out, 'figures.csv'), 'utf8');
    expect(long.split('\r\n')[0]).toBe(`\uFEFF${STATS_ROW_COLUMNS.join(',')}`);
    const html = readFileSync(join(out, 'stats.html'), 'utf8');
    const indicators = (JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')) as { indicators: unknown[] }).indicators;
    expect(html.match(/<svg[\s>]/g)).toHaveLength(indicators.length);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('扫描件.txt');
    const lines = readFileSync(join(out, 'reports.ndjson'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => (JSON.parse(l) as { file: string }).file).sort()).toEqual(expect.arrayContaining([expect.stringContaining('2021年度工作总结.txt')]));
  });

  it('streams ndjson to stdout as the map step of a distributed run, and takes years from paths or a manifest', async () => {
    const r = await zongjieInProcess(['stats', '--format', 'ndjson', '--workers', '1', join(dir, ORGS[1]!)]);
    const reports = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { year: number; indicators: { id: string; value: number }[] });
    expect(reports.map((x) => x.year)).toEqual([2021, 2022]);
    const manifest = join(dir, 'manifest.csv');
    writeFileSync(manifest, `\uFEFFfile,org,year\n${ORGS[1]}/2021年度工作总结.txt,一中,2031\n`);
    const m = JSON.parse((await zongjieInProcess(['stats', '--manifest', manifest, '--by', 'org,year', '--format', 'json', join(dir, ORGS[1]!, '2021年度工作总结.txt')])).stdout) as { years: number[]; orgs: string[] };
    expect(m).toMatchObject({ years: [2031], orgs: ['一中'] });
    const y = JSON.parse((await zongjieInProcess(['stats', '--year-from', '(20\\d\\d)年度', '--format', 'json', join(dir, ORGS[1]!)])).stdout) as { years: number[] };
    expect(y.years).toEqual([2021, 2022]);
  });
});

describe('a distributed run', () => {
  it('map steps (ndjson per part) reduced by scripts/reduce-ndjson.mjs equal one whole run', async () => {
    const { dir } = archive();
    const { spawnSync } = await import('node:child_process');
    const whole = JSON.parse((await zongjieInProcess(['stats', '--workers', '1', '--format', 'json', dir])).stdout) as { indicators: unknown; years: number[]; themes: unknown };
    const parts = (await Promise.all(ORGS.map(async (org) => (await zongjieInProcess(['stats', '--workers', '1', '--format', 'ndjson', join(dir, org)])).stdout))).join('');
    const reduced = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'reduce-ndjson.mjs')], { input: parts, encoding: 'utf8' });
    const json = JSON.parse(reduced.stdout) as { indicators: unknown; years: number[]; themes: unknown };
    expect(json.years).toEqual(whole.years);
    expect(json.indicators).toEqual(whole.indicators);
    // Themes too, though the reducer adds the reports in another order (ties fall by word).
    expect(json.themes).toEqual(whole.themes);
  });
});

describe('a generated archive (scripts/make-archive.mjs) against the truth it planted', () => {
  it('gives exactly the planted sums per indicator and year, and per unit and year', async () => {
    const { spawnSync } = await import('node:child_process');
    const out = tempDir('zongjie-made-');
    const made = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'make-archive.mjs'), out, '--units', '3', '--years', '2019-2021', '--seed', '7'], { encoding: 'utf8' });
    expect(made.status).toBe(0);
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as { indicators: { id: string; byYear: Record<string, number>; reports: Record<string, number>; byOrgYear: Record<string, Record<string, number>> }[] };
    const result = await runStats([out], { workers: 1, byOrg: true, manifest: (await import('../../src/batch/grouping.js')).readManifest(join(out, 'manifest.csv')) });
    for (const planted of truth.indicators) {
      const series = result.indicators.find((s) => s.id === planted.id)!;
      expect(series.byYear, planted.id).toEqual(planted.byYear);
      expect(series.reports, planted.id).toEqual(planted.reports);
      expect(series.byOrgYear, planted.id).toEqual(planted.byOrgYear);
    }
  });
});

describe('the default number of workers', () => {
  // Sparse files: sizes without writing the bytes.
  const dir = tempDir('zongjie-workers-');
  const file = (name: string, mb: number) => {
    const path = join(dir, name);
    writeFileSync(path, '');
    truncateSync(path, mb * 1e6);
    return path;
  };
  const small = file('small.txt', 0.5);
  const seven = file('seven.txt', 7);
  const ten = file('ten.txt', 10);
  const big = file('big.txt', 100);

  it('is one per 8 MB of reports, at least one and at most one per core', () => {
    expect(autoWorkers([], 4)).toBe(1);
    expect(autoWorkers([small], 4)).toBe(1);
    expect(autoWorkers([small, seven], 4)).toBe(1);
    expect(autoWorkers([seven, ten], 4)).toBe(2);
    expect(autoWorkers([seven, ten], 2)).toBe(2);
    expect(autoWorkers([seven, ten, big], 2)).toBe(2);
    expect(autoWorkers([big, small], 8)).toBe(8);
  });
  it('counts a file it cannot stat as nothing (the run reports it)', () => {
    expect(autoWorkers([join(dir, 'missing.txt'), ten, seven], 4)).toBe(2);
  });
});

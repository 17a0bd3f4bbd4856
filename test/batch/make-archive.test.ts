// The demo-archive generator (scripts/make-archive.mjs), run as a user runs it: folder layout,
// manifest, determinism, and the planted figures checked against truth.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'make-archive.mjs');
const CONFIG = ['--units', '5', '--years', '2019-2022', '--seed', '3'];

interface Planted {
  indicator: string;
  value: number;
  unit: string;
  text: string;
  sentence: string;
  line: number;
  column: number;
}
interface TruthReport {
  file: string;
  org: string;
  year: number;
  script: 'simplified' | 'traditional';
  values: Record<string, number>;
  planted: Planted[];
  repeated: { indicators: string[]; line: number; copyLine: number } | null;
}
interface Truth {
  seed: number;
  files: number;
  bytes: number;
  orgs: string[];
  indicators: { id: string; unit: string; byYear: Record<string, number>; reports: Record<string, number>; byOrgYear: Record<string, Record<string, number>> }[];
  byYear: Record<string, Record<string, number>>;
  byOrgYear: Record<string, Record<string, Record<string, number>>>;
  reports: TruthReport[];
}

function run(args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const readTruth = (dir: string): Truth => JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));

/** The planted phrase for a value, written here independently of the generator. */
function expectedPhrases(indicator: string, value: number, script: string): string[] {
  const t = script === 'traditional';
  switch (indicator) {
    case '新会员': return [`${t ? '發展新會員' : '发展新会员'}${value}人`];
    case '职代会提案': return [`${t ? '徵集職代會提案' : '征集职代会提案'}${value}${t ? '項' : '项'}`];
    case '慰问金': {
      const head = t ? '發放慰問金' : '发放慰问金';
      const wan = `${head}${(value / 10000).toFixed(1)}${t ? '萬元' : '万元'}`;
      return value % 1000 === 0 && value % 10000 !== 0 ? [`${head}${value}元`, wan] : [`${head}${value}元`];
    }
    case '劳动竞赛': return [`${t ? '組織勞動競賽' : '组织劳动竞赛'}${value}次`];
    case '合理化建议': return [`${t ? '收到合理化建議' : '收到合理化建议'}${value}${t ? '條' : '条'}`];
    case '培训': return [`${t ? '舉辦培訓班' : '举办培训班'}${value}期`];
    default: throw new Error(`unknown indicator ${indicator}`);
  }
}

const count = (text: string, part: string) => text.split(part).length - 1;

let tmp: string;
let dirA: string;
let runA: ReturnType<typeof run>;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'zongjie-archive-'));
  dirA = join(tmp, 'a');
  runA = run([dirA, ...CONFIG]);
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('make-archive: layout and manifest', () => {
  it('writes <unit>/<year>年度工作总结.txt under Chinese unit folders, and a one-line summary', () => {
    expect(runA.status, runA.stderr).toBe(0);
    expect(runA.stderr.trim().split('\n')).toHaveLength(1);
    const files = listFiles(dirA).filter((f) => f.endsWith('.txt'));
    expect(runA.stderr).toMatch(new RegExp(`\\b${files.length} files, \\d+\\.\\d\\d MB\\b`));
    const units = readdirSync(dirA).filter((n) => statSync(join(dirA, n)).isDirectory()).sort();
    expect(units).toHaveLength(5);
    expect(units).toEqual(expect.arrayContaining(['城东街道总工会', '第一中学工会', '光明社区']));
    for (const unit of units) {
      expect(unit).toMatch(/^[\u4e00-\u9fff]+$/);
      const names = readdirSync(join(dirA, unit));
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toMatch(/^20(19|20|21|22)年度工作总结\.txt$/);
    }
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it('lists every report in manifest.csv (UTF-8 with BOM, header file,org,year)', () => {
    const bytes = readFileSync(join(dirA, 'manifest.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\n');
    expect(lines[0]).toBe('file,org,year');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[0]).sort()).toEqual(listFiles(dirA).filter((f) => f.endsWith('.txt')));
    for (const [file, org, year] of rows) {
      expect(file).toBe(`${org}/${year}年度工作总结.txt`);
    }
    const truth = readTruth(dirA);
    expect(truth.files).toBe(rows.length);
    expect(truth.reports.map((r) => r.file).sort()).toEqual(rows.map((r) => r[0]).sort());
  });

  it('gives each report a title with its unit and year', () => {
    for (const r of readTruth(dirA).reports) {
      const title = readFileSync(join(dirA, r.file), 'utf8').split('\n')[0]!;
      expect(title).toContain(r.org);
      expect(title).toMatch(new RegExp(`${r.year}年度?.*工作总结`));
    }
  });
});

describe('make-archive: determinism', () => {
  it('gives byte-identical files for the same seed', () => {
    const dirB = join(tmp, 'b');
    expect(run([dirB, ...CONFIG]).status).toBe(0);
    const files = listFiles(dirA);
    expect(listFiles(dirB)).toEqual(files);
    for (const f of files) expect(readFileSync(join(dirB, f)).equals(readFileSync(join(dirA, f))), f).toBe(true);
  });

  it('gives different text for a different seed', () => {
    const dirC = join(tmp, 'c');
    expect(run([dirC, '--units', '5', '--years', '2019-2022', '--seed', '4']).status).toBe(0);
    const a = new Set(listFiles(dirA).filter((f) => f.endsWith('.txt')));
    const common = listFiles(dirC).filter((f) => a.has(f));
    expect(common.length).toBeGreaterThan(5);
    const differing = common.filter((f) => !readFileSync(join(dirC, f)).equals(readFileSync(join(dirA, f))));
    expect(differing.length).toBeGreaterThanOrEqual(Math.ceil(common.length * 0.9));
  });
});

describe('make-archive: planted figures and truth.json', () => {
  it('covers both scripts in this configuration', () => {
    const scripts = new Set(readTruth(dirA).reports.map((r) => r.script));
    expect([...scripts].sort()).toEqual(['simplified', 'traditional']);
  });

  it('plants each indicator once per report, with the value truth.json gives, at the line it gives', () => {
    const truth = readTruth(dirA);
    for (const r of truth.reports) {
      const text = readFileSync(join(dirA, r.file), 'utf8');
      const lines = text.split('\n');
      expect(r.planted.map((p) => p.indicator).sort()).toEqual(Object.keys(r.values).sort());
      expect(Object.keys(r.values)).toHaveLength(6);
      for (const p of r.planted) {
        expect(p.value).toBe(r.values[p.indicator]);
        expect(expectedPhrases(p.indicator, p.value, r.script)).toContain(p.text);
        if (r.script === 'simplified' && p.indicator === '新会员') expect(text).toContain(`发展新会员${p.value}人`);
        expect(p.sentence).toContain(p.text);
        expect(text).toContain(p.sentence);
        expect(lines[p.line - 1]!.indexOf(p.text) + 1, `${r.file} ${p.indicator}`).toBe(p.column);
        const repeated = r.repeated?.indicators.includes(p.indicator) ?? false;
        expect(count(text, p.text), `${r.file} ${p.text}`).toBe(repeated ? 2 : 1);
      }
    }
  });

  it('repeats one planted paragraph per unit, verbatim, and records where', () => {
    const truth = readTruth(dirA);
    for (const org of truth.orgs) {
      const repeats = truth.reports.filter((r) => r.org === org && r.repeated);
      expect(repeats, org).toHaveLength(1);
      const r = repeats[0]!;
      const lines = readFileSync(join(dirA, r.file), 'utf8').split('\n');
      expect(r.repeated!.copyLine).not.toBe(r.repeated!.line);
      expect(lines[r.repeated!.copyLine - 1]).toBe(lines[r.repeated!.line - 1]);
      expect(lines[r.repeated!.line - 1]!.length).toBeGreaterThanOrEqual(60);
      const planted = r.planted.filter((p) => p.line === r.repeated!.line).map((p) => p.indicator).sort();
      expect(planted.length).toBeGreaterThan(0);
      expect([...r.repeated!.indicators].sort()).toEqual(planted);
    }
  });

  it('leaves no other figure of the six indicators in the text', () => {
    const keyword = /会员|會員|提案|慰问|慰問|竞赛|競賽|合理化|培训|培訓/;
    const figure = /\d+(?:\.\d+)?(?:万|萬)?(?:人|项|項|元|次|条|條|期)/;
    const truth = readTruth(dirA);
    for (const r of truth.reports) {
      let text = readFileSync(join(dirA, r.file), 'utf8').replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/g, '');
      for (const p of r.planted) text = text.split(p.text).join('');
      for (const clause of text.split(/[。！？；;!?\n]/)) {
        if (keyword.test(clause)) expect(clause, r.file).not.toMatch(figure);
      }
    }
  });

  it('sums the planted values per year and per (org, year)', () => {
    const truth = readTruth(dirA);
    const byYear: Record<string, Record<string, number>> = {};
    for (const r of truth.reports) {
      expect(truth.byOrgYear[r.org]![r.year]).toEqual(r.values);
      const y = (byYear[r.year] ??= {});
      for (const [id, v] of Object.entries(r.values)) y[id] = (y[id] ?? 0) + v;
    }
    expect(truth.byYear).toEqual(byYear);
    expect(truth.indicators.map((i) => [i.id, i.unit])).toEqual([
      ['新会员', '人'], ['职代会提案', '项'], ['慰问金', '元'], ['劳动竞赛', '次'], ['合理化建议', '条'], ['培训', '期'],
    ]);
    for (const ind of truth.indicators) {
      for (const [year, sum] of Object.entries(ind.byYear)) expect(sum).toBe(byYear[year]![ind.id]);
      for (const [org, years] of Object.entries(ind.byOrgYear)) {
        for (const [year, v] of Object.entries(years)) expect(v).toBe(truth.byOrgYear[org]![year]![ind.id]);
      }
      const reports = truth.reports.filter((r) => r.year === 2021).length;
      expect(ind.reports['2021']).toBe(reports);
    }
  });
});

describe('make-archive: size, reruns and bad arguments', () => {
  it('adds units until the reports reach --size-mb', () => {
    const dir = join(tmp, 'size');
    const r = run([dir, '--years', '2020-2021', '--size-mb', '0.3']);
    expect(r.status, r.stderr).toBe(0);
    const truth = readTruth(dir);
    const bytes = truth.reports.reduce((s, rep) => s + statSync(join(dir, rep.file)).size, 0);
    expect(truth.bytes).toBe(bytes);
    expect(bytes).toBeGreaterThanOrEqual(300_000);
    expect(bytes).toBeLessThan(400_000);
    expect(truth.orgs.length).toBeGreaterThan(5);
  });

  it('replaces an earlier archive in OUT_DIR, and refuses a folder holding something else', () => {
    const dir = join(tmp, 'rerun');
    expect(run([dir, '--units', '4', '--years', '2020-2021']).status).toBe(0);
    expect(run([dir, '--units', '2', '--years', '2020-2021']).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['manifest.csv', 'truth.json', '城东街道总工会', '第一中学工会'].sort());

    const other = join(tmp, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    const r = run([other]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not empty');
    expect(readdirSync(other)).toEqual(['notes.txt']);
  });

  it.each([
    [[], 'missing OUT_DIR'],
    [['--units', '0'], '--units'],
    [['--units', 'many'], '--units'],
    [['--years', '2025-2016'], '--years'],
    [['--years', '20xx'], '--years'],
    [['--seed', '1.5'], '--seed'],
    [['--size-mb', '0'], '--size-mb'],
    [['--colour'], "'--colour'"],
  ])('exits 2 on bad arguments: %j', (args, message) => {
    const withDir = args.length === 0 ? [] : [join(tmp, 'never'), ...args];
    const r = run(withDir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage:');
  });
});

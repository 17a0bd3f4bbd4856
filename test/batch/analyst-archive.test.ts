// The analyst's archive (issue 21): 20 yearly reports of 5 organisations, written here with known
// totals and with every trap the analyst met: next year's targets in a 工作打算 section (力争, 计划,
// 不少于), comparisons with last year (比上年, 同比), changes (增加了…人), numbers with 零 (一千零五十,
// 一百零五), counts after the object (提案…条, 竞赛…项), and units to convert (万元 and 元, 公里 and 米,
// 亩 and 公顷). Every cell must come out exact; every cell's figures, listed by --explain and linked
// from the HTML page, must add up to it.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainCell } from '../../src/batch/explain.js';
import { runStats } from '../../src/batch/run.js';
import type { StatsResult } from '../../src/batch/types.js';
import { statsHtml } from '../../src/report/stats-html.js';
import { zongjieInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const DIGITS = '零一二三四五六七八九';

/** 1 ≤ n ≤ 9999 in Chinese numerals, with 零 for a gap: 1050 → 一千零五十, 105 → 一百零五, 12 → 十二. */
export function chinese(n: number): string {
  const places = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let gap = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) gap = true;
      return;
    }
    if (gap) out += '零';
    gap = false;
    out += i === 2 && d === 1 && !out ? '十' : DIGITS[d] + places[i];
  });
  return out;
}

/** A small deterministic generator (fixed seed: the archive is the same on every run). */
function prng(seed: number): (lo: number, hi: number) => number {
  let s = seed >>> 0;
  return (lo, hi) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + (s % (hi - lo + 1));
  };
}

const ORGS = ['城东街道总工会', '第一中学工会', '市人民医院工会', '东方电厂工会', '光明社区工会'];
const YEARS = [2019, 2020, 2021, 2022];
const FILLER = [
  '坚持以职工为中心的工作导向，把服务职工作为工会工作的出发点和落脚点。', '深入基层班组调研，掌握职工所思所盼。',
  '结合单位实际，创新工作载体，丰富活动内容。', '加强工会干部队伍建设，提升履职能力。', '推进厂务公开，保障职工的知情权和参与权。',
  '开展形式多样的文体活动，丰富职工业余文化生活。', '关心女职工特殊权益，落实各项保护措施。', '推动职工书屋建设，营造读书学习氛围。',
  '弘扬劳模精神和工匠精神，营造比学赶超的氛围。', '做好农民工入会和服务工作。', '加强安全生产监督，开展隐患排查。',
  '完善困难职工档案，实行动态管理。', '组织职工健康体检，关注职工身心健康。', '深化和谐劳动关系创建。', '加强工会经费管理，规范财务制度。',
];

interface Planted {
  actual: Record<string, number>;
  targets: Record<string, number>;
  comparisons: Record<string, number>;
}

/** One report and the figures it plants. */
function report(org: string, year: number, rnd: (lo: number, hi: number) => number): { text: string; planted: Planted } {
  const members = rnd(1, 2) * 1000 + rnd(1, 9) * 10 + rnd(0, 9); // a0bc: written with 零
  const proposals = rnd(11, 99);
  const contests = rnd(2, 9);
  const suggestions = 100 + rnd(1, 9); // 一百零X
  const classes = rnd(5, 30);
  const km = rnd(10, 99) / 10;
  const metres = rnd(1, 20) * 100;
  const mu = rnd(10, 99);
  const hectares = rnd(1, 5);
  const wan = rnd(100, 500) / 100;
  const subsidy = rnd(1000, 9999);
  const moreThanLastYear = rnd(1, 9) * 1000;
  const targets = { 新会员: rnd(3, 9) * 100, 培训: rnd(10, 40), 慰问金: rnd(5, 9) * 10000 };
  const filler = () => FILLER[rnd(0, FILLER.length - 1)]!;
  const text = [
    `${org}${year}年度工作总结`,
    `${year}年，${org}在上级工会的领导下，${filler()}${filler()}`,
    '一、加强组织建设',
    `全年发展新会员${chinese(members)}人，会员队伍不断壮大。新会员比上年增加了${chinese(rnd(11, 99))}人。${filler()}`,
    `职代会期间，职工代表围绕单位发展提出提案${chinese(proposals)}条，${filler()}`,
    '二、开展建功立业',
    `组织开展劳动竞赛${chinese(contests)}项，收到合理化建议${chinese(suggestions)}条，举办培训班${classes}期。${filler()}`,
    `修建健身步道${km}公里，铺设管道${metres}米。植树造林${mu}亩，新增绿地${hectares}公顷。`,
    '三、做好帮扶工作',
    `春节期间发放慰问金${wan}万元，发放困难补助${subsidy}元，比上年多发放慰问金${moreThanLastYear}元，慰问金同比增长${rnd(5, 30)}%。${filler()}`,
    `四、${year + 1}年工作打算`,
    `力争发展新会员${chinese(targets.新会员)}人，计划举办培训班${targets.培训}期，明年将发放慰问金不少于${targets.慰问金 / 10000}万元。${filler()}`,
  ].join('\n');
  return {
    text,
    planted: {
      actual: {
        新会员: members, 职代会提案: proposals, 劳动竞赛: contests, 合理化建议: suggestions, 培训: classes,
        道路管网: Math.round((km + metres / 1000) * 100) / 100, 绿化面积: mu + 15 * hectares, 慰问金: wan * 10000 + subsidy,
      },
      targets,
      comparisons: { 慰问金: moreThanLastYear },
    },
  };
}

type Sums = Map<string, number>;
const add = (m: Sums, key: string, v: number) => m.set(key, Math.round(((m.get(key) ?? 0) + v) * 100) / 100);

function archive(): { dir: string; actual: Sums; targets: Sums; comparisons: Sums } {
  const dir = tempDir('zongjie-analyst-');
  const rnd = prng(21);
  const actual: Sums = new Map();
  const targets: Sums = new Map();
  const comparisons: Sums = new Map();
  for (const org of ORGS) {
    mkdirSync(join(dir, org));
    for (const year of YEARS) {
      const { text, planted } = report(org, year, rnd);
      writeFileSync(join(dir, org, `${year}年度工作总结.txt`), text);
      for (const [sums, values] of [[actual, planted.actual], [targets, planted.targets], [comparisons, planted.comparisons]] as const) {
        for (const [id, v] of Object.entries(values)) {
          add(sums, `${id}|${year}`, v);
          add(sums, `${id}|${year}|${org}`, v);
        }
      }
    }
  }
  return { dir, actual, targets, comparisons };
}

describe('Chinese numerals written by the test', () => {
  it('put 零 in the gaps', () => {
    expect([1050, 105, 12, 10, 2010, 30, 1999, 310].map(chinese)).toEqual(['一千零五十', '一百零五', '十二', '十', '二千零一十', '三十', '一千九百九十九', '三百一十']);
  });
});

describe('an archive of 20 reports of 5 organisations with known totals', () => {
  const { dir, actual, targets, comparisons } = archive();
  let result: StatsResult;
  const run = async () => (result ??= await runStats([dir], { workers: 1, byOrg: true, include: ['targets', 'comparisons'] }));

  it('gives every cell exactly: actual levels only, converted units, by year and by org and year', async () => {
    const r = await run();
    expect(r.files).toBe(20);
    expect(r.years).toEqual(YEARS);
    const ids = [...new Set([...actual.keys()].map((k) => k.split('|')[0]!))];
    expect(ids).toHaveLength(8);
    let cells = 0;
    for (const id of ids) {
      const s = r.indicators.find((x) => x.id === id);
      expect(s, id).toBeDefined();
      for (const year of YEARS) {
        expect(s!.byYear[year], `${id} ${year}`).toBe(actual.get(`${id}|${year}`));
        expect(s!.reports[year], `${id} ${year}`).toBe(5);
        cells++;
        for (const org of ORGS) {
          expect(s!.byOrgYear![org]![year], `${id} ${year} ${org}`).toBe(actual.get(`${id}|${year}|${org}`));
          cells++;
        }
      }
    }
    expect(cells).toBe(8 * 4 * 6);
    expect(r.indicators.find((s) => s.id === '道路管网')!.unit).toBe('公里');
    expect(r.indicators.find((s) => s.id === '绿化面积')!.unit).toBe('亩');
  });

  it('keeps targets and comparisons in their own columns, never in the actual sums', async () => {
    const r = await run();
    for (const id of ['新会员', '培训', '慰问金']) {
      const s = r.indicators.find((x) => x.id === id)!;
      for (const year of YEARS) expect(s.targets!.byYear[year], `${id} target ${year}`).toBe(targets.get(`${id}|${year}`));
    }
    const money = r.indicators.find((x) => x.id === '慰问金')!;
    for (const year of YEARS) expect(money.comparisons!.byYear[year]).toBe(comparisons.get(`慰问金|${year}`));
    // 新会员比上年增加了…人 is a change: in no column at all.
    const changes = r.rows.filter((row) => row.relation === 'change' && row.indicator === '新会员');
    expect(changes).toHaveLength(20);
    expect(changes.every((row) => !row.counted && row.note === 'change')).toBe(true);
  });

  it('has, for every figure, its file, line, column, section path, sentence, modality and indicator', async () => {
    const r = await run();
    const target = r.rows.find((row) => row.indicator === '新会员' && row.modality === 'target')!;
    expect(target.section).toMatch(/^四、20\d\d年工作打算$/);
    expect(target.sentence).toMatch(/^力争发展新会员.+人，计划举办培训班/);
    expect(target.counted).toBe(true); // in its own (target) column
    const road = r.rows.find((row) => row.unit === '米')!;
    expect(road).toMatchObject({ indicator: '道路管网', indicatorUnit: '公里', section: '二、开展建功立业', modality: 'actual', counted: true, matched: '管道' });
    expect(road.indicatorValue).toBe(road.value / 1000);
    expect(road.conversion).toBe(`${road.value}米 → ${road.indicatorValue}公里（1公里 = 1000米）`);
    const green = r.rows.find((row) => row.unit === '公顷')!;
    expect(green.conversion).toBe(`${green.value}公顷 → ${green.value * 15}亩（1公顷 = 15亩）`);
    const zero = r.rows.find((row) => row.indicator === '合理化建议')!;
    expect(zero.text).toMatch(/^一百零[一二三四五六七八九]条$/);
    expect(zero.line).toBe(7);
    for (const row of r.rows) expect(row.line).toBeGreaterThan(0);
  });

  it('lists for every cell figures whose sum is the cell (the explanation of --explain)', async () => {
    const r = await run();
    for (const s of r.indicators) {
      for (const year of Object.keys(s.byYear)) {
        const e = explainCell(r, { indicator: s.id, year });
        expect(e.sum, `${s.id} ${year}`).toBe(s.byYear[year]);
        expect(e.counted.every((row) => row.modality === 'actual' && row.relation === 'level')).toBe(true);
        for (const org of ORGS) expect(explainCell(r, { indicator: s.id, year, org }).sum).toBe(s.byOrgYear![org]![year]);
      }
    }
  });

  it('links every cell of the HTML page to the list of its figures, which adds up to it', async () => {
    const r = await run();
    const html = statsHtml(r);
    const links = [...html.matchAll(/<a href="#(src-\d+-\d{4})">([\d,.]+)<\/a>/g)];
    expect(links.length).toBe(r.indicators.length * YEARS.length);
    for (const [, anchor, shown] of links) {
      const section = new RegExp(`<section class="cell" id="${anchor}">[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
      expect(section, anchor).toContain(`合计 ${shown} `);
      expect(section).toContain('与单元格相等');
    }
    // Orgs' cells link into the same lists.
    expect(html).toMatch(/<a href="#src-0-2019-o\d">/);
  });

  it('warns of nothing here: no gap, no jump, no unit that does not convert', async () => {
    const r = await run();
    expect(r.warnings.filter((w) => w.kind !== 'near-copy')).toEqual([]);
  });

  it('explains a cell on the command line, by a synonym too', async () => {
    const e = await zongjieInProcess(['stats', '--workers', '1', dir, '--explain', `提案/2020/${ORGS[2]}`]);
    expect(e.status).toBe(0);
    const lines = e.stdout.split('\n');
    expect(lines[0]).toBe(`职代会提案 · 2020 · ${ORGS[2]} = ${actual.get(`职代会提案|2020|${ORGS[2]}`)} 项（1 份报告，1 个数字）`);
    expect(lines[1]).toMatch(new RegExp(`^  1\\. .*${ORGS[2]}/2020年度工作总结\\.txt:5:\\d+  \\d+ 项（.+条 → \\d+项）$`));
    expect(e.stdout).toMatch(/合计 \d+ 项，与单元格 \d+ 项 相等/);
    const json = JSON.parse((await zongjieInProcess(['stats', '--workers', '1', dir, '--explain', '慰问金/2021', '--format', 'json'])).stdout) as { sum: number; value: number; counted: unknown[]; leftOut: { modality: string }[] };
    expect(json.sum).toBe(actual.get('慰问金|2021'));
    expect(json.value).toBe(json.sum);
    expect(json.counted).toHaveLength(10);
    // Left out: each report's comparison (比上年多…) and target (不少于…万元).
    expect(json.leftOut.map((x) => x.modality).sort()).toEqual([...Array(5).fill('comparison'), ...Array(5).fill('target')]);
  });
});

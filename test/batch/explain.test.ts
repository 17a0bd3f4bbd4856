// `stats --explain` on the corpus (issue 21): for every cell of the indicator × year table, the
// figures it lists add up to the cell; on the command line, each figure with its file, line, column,
// headings and sentence, then the sum next to the cell, then what was left out and why.
import { describe, expect, it } from 'vitest';
import { explainCell, parseCellRef } from '../../src/batch/explain.js';
import { runStats } from '../../src/batch/run.js';
import { zongjieInProcess } from '../helpers/cli.js';

describe('stats --explain on the corpus', () => {
  it('lists, for every cell, figures whose sum equals the cell', async () => {
    const result = await runStats(['corpus/'], { workers: 1, byOrg: false });
    let cells = 0;
    let many = 0;
    for (const s of result.indicators) {
      for (const [year, value] of Object.entries(s.byYear)) {
        const e = explainCell(result, { indicator: s.id, year });
        expect(e.sum, `${s.id} ${year}`).toBe(value);
        expect(e.value).toBe(value);
        expect(e.counted.every((r) => r.indicator === s.id && r.counted && r.modality === 'actual' && r.relation === 'level')).toBe(true);
        cells++;
        if (e.counted.length > 1) many++;
      }
    }
    expect(cells).toBeGreaterThan(30);
    expect(many).toBeGreaterThan(3);
  });

  it('prints each figure of a cell with its place, headings and sentence, the sum, and what was left out', async () => {
    const r = await zongjieInProcess(['stats', '--workers', '1', 'corpus/', '--explain', '集体合同/2023']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('集体合同 · 2023 = 3,177 份（1 份报告，3 个数字）');
    expect(lines[1]).toBe('  1. corpus/004_d5da8b897465ed99.txt:17:135  2,722 份');
    expect(lines[2]).toBe('     三、加大依法維權(quán)力度,維護職工合法權(quán)益 > (二)抓實抓細集體協(xié)商');
    expect(lines[3]).toMatch(/^ {5}“簽訂25人以下集體合同2722份,.*女職工特殊權\(quán\)益保護專項協\(xié\)議120份。”$/);
    expect(r.stdout).toContain('合计 3,177 份，与单元格 3,177 份 相等');
    const left = await zongjieInProcess(['stats', '--workers', '1', 'corpus/', '--explain', '合理化建议/2021']);
    expect(left.stdout).toContain('同一指标、同一年份未计入的数字：\n  1. corpus/002_f5ed15afdaa3c041.txt:35:372  [另有总数] 14 条');
  });

  it('refuses a malformed cell or an unknown indicator (exit 2)', async () => {
    expect(parseCellRef('新会员/2021/甲工会')).toEqual({ indicator: '新会员', year: '2021', org: '甲工会' });
    expect(parseCellRef('新会员/未知')).toEqual({ indicator: '新会员', year: '未知' });
    expect(parseCellRef('新会员')).toBeNull();
    expect(parseCellRef('新会员/21')).toBeNull();
    const bad = await zongjieInProcess(['stats', 'corpus/', '--explain', '新会员']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('zongjie: --explain 要写成 指标/年份 或 指标/年份/单位名称，不能是“新会员”\n');
    const unknown = await zongjieInProcess(['stats', '--workers', '1', 'corpus/', '--explain', '不存在的指标/2021']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('没有叫“不存在的指标”的指标');
  });
});

// `zongjie stats --format md`: a Markdown report for people: indicators by year (with how many reports
// gave them), each org's table, themes and activity categories by year, and the files that could not be read.
import type { StatsResult } from '../batch/types.js';
import { activityTable, extraSeriesRows, formatNumber, hasOrgSeries, orgLabel, seriesOrgs, yearColumns } from './stats-common.js';

/**
 * Text from reports as literal Markdown: punctuation that could start emphasis, a link, a table cell or
 * raw HTML (`<script>`) is backslash-escaped, and line breaks become spaces so a cell stays one row.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

function table(header: string[], align: ('left' | 'right')[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'right' ? '---:' : '---'))), ...rows.map(line)];
}

const EMPTY = '—';

function summary(result: StatsResult): string {
  const read = result.files - result.failed.length;
  const parts = [`共 ${result.files} 份报告${result.failed.length ? `，其中 ${result.failed.length} 份无法读取` : ''}（读取 ${read} 份）`];
  if (result.years.length) {
    const first = result.years[0]!;
    const last = result.years[result.years.length - 1]!;
    parts.push(first === last ? `年份 ${first}` : `年份 ${first}—${last}`);
  }
  if (result.orgs.length) parts.push(`单位 ${result.orgs.length} 个`);
  parts.push(`指标 ${result.indicators.length} 项`);
  return `${parts.join('；')}。`;
}

export function statsMarkdown(result: StatsResult): string {
  const years = yearColumns(result);
  const out: string[] = ['# 工作报告统计', '', summary(result), ''];

  out.push('## 指标 × 年度', '');
  if (result.indicators.length === 0) {
    out.push('没有找到可统计的指标。', '');
  } else {
    out.push('各年数值为当年各报告中已完成数字（不含目标、对比和增减量）之和，括号内为给出该指标的报告数；“—”表示当年没有报告给出该指标。', '');
    const cells = (byYear: Record<string, number>, reports: Record<string, number>) =>
      years.map((y) => (byYear[y] === undefined ? EMPTY : `${formatNumber(byYear[y])}（${reports[y] ?? 0}份）`));
    const rows = [
      ['报告数', '份', ...years.map((y) => String(result.reportsByYear[y] ?? 0))],
      ...result.indicators.map((s) => [escapeMarkdown(s.id), escapeMarkdown(s.unit), ...cells(s.byYear, s.reports)]),
      ...extraSeriesRows(result).map((x) => [escapeMarkdown(x.label), escapeMarkdown(x.unit), ...cells(x.cells.byYear, x.cells.reports)]),
    ];
    out.push(...table(['指标', '单位', ...years], ['left', 'left', ...years.map(() => 'right' as const)], rows), '');
  }

  if (hasOrgSeries(result)) {
    out.push('## 各单位', '');
    const orgs: string[] = [];
    for (const s of result.indicators) for (const org of seriesOrgs(result, s)) if (!orgs.includes(org)) orgs.push(org);
    const ordered = [...result.orgs.filter((o) => orgs.includes(o)), ...orgs.filter((o) => !result.orgs.includes(o))];
    for (const org of ordered) {
      out.push(`### ${escapeMarkdown(orgLabel(org))}`, '');
      const rows = result.indicators
        .filter((s) => s.byOrgYear?.[org])
        .map((s) => {
          const perYear = s.byOrgYear![org]!;
          return [escapeMarkdown(s.id), escapeMarkdown(s.unit), ...years.map((y) => (perYear[y] === undefined ? EMPTY : formatNumber(perYear[y])))];
        });
      out.push(...table(['指标', '单位', ...years], ['left', 'left', ...years.map(() => 'right' as const)], rows), '');
    }
  }

  out.push('## 年度主题词', '');
  if (result.themes.length === 0) out.push('无。', '');
  else {
    const rows = result.themes.map((t) => [String(t.year), t.terms.length ? t.terms.map((x) => escapeMarkdown(x.term)).join('、') : EMPTY]);
    out.push('按 TF-IDF 排序：某年比其他年份说得多的词在前。', '');
    out.push(...table(['年份', '主题词'], ['left', 'left'], rows), '');
  }

  out.push('## 活动类别', '');
  const activities = activityTable(result);
  if (activities.length === 0) out.push('无。', '');
  else {
    const activityYears = result.activities.map((a) => String(a.year));
    const rows = activities.map((a) => [escapeMarkdown(a.category), ...a.counts.map((n) => (n === undefined ? EMPTY : String(n))), String(a.total)]);
    out.push('各年报告中各类活动的次数。', '');
    out.push(...table(['类别', ...activityYears, '合计'], ['left', ...activityYears.map(() => 'right' as const), 'right'], rows), '');
  }

  out.push('## 提醒', '');
  if (result.warnings.length === 0) out.push('无。', '');
  else {
    for (const w of result.warnings) out.push(`- ${escapeMarkdown(w.message)}`);
    out.push('');
  }

  out.push('## 无法读取的文件', '');
  if (result.failed.length === 0) out.push('无。', '');
  else for (const f of result.failed) out.push(`- ${escapeMarkdown(f.file)}：${escapeMarkdown(f.error)}`);
  if (result.failed.length) out.push('');

  return `${out.join('\n').trimEnd()}\n`;
}

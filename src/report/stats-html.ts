// `zongjie stats --format html`: one self-contained page in Chinese: the indicator × year table (each cell
// linked to the figures behind it), a chart per indicator (ECharts rendered to SVG on the server, so the page
// needs no script and no network), each org's table, themes and activity categories by year, the warnings,
// the figures behind every cell, the figures themselves, and the files that could not be read.
// Every text that comes from a report is escaped; a Content-Security-Policy forbids loading anything.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { IndicatorSeries, StatsResult } from '../batch/types.js';
import type { Qualifier } from '../extract/index.js';
import { activityTable, escapeHtml, extraSeriesRows, formatNumber, hasOrgSeries, indicatorLabel, orgLabel, seriesOrgs, yearColumns } from './stats-common.js';
import { cellAnchor, countedLabel, orgIndex, sourcesSection, warningsSection } from './stats-html-sources.js';

export { escapeHtml };

echarts.use([BarChart, GridComponent, TitleComponent, SVGRenderer]);

export interface StatsHtmlOptions {
  /** The page's title and heading (default 工作报告统计). */
  title?: string;
  /** When the statistics were made, shown under the heading as given (e.g. 2024-05-01). */
  generatedAt?: string;
  /** At most this many figures in the detail table (default 2000); the CSV has them all. */
  maxRows?: number;
}

/** CJK fonts first so Chinese renders on Linux, macOS and Windows alike; single quotes because ECharts puts it in a style attribute. */
export const CJK_FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif";

const CHART_WIDTH = 560;
const CHART_HEIGHT = 320;
const DEFAULT_MAX_ROWS = 2000;

const QUALIFIER_LABELS: Record<Qualifier, string> = { exact: '', about: '约', at_least: '不少于', at_most: '不超过', more_than: '超过' };

/** An axis tick that fits: 250000 → 25万, 300000000 → 3亿. */
function axisNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${formatNumber(value / 1e8)}亿`;
  if (abs >= 1e4) return `${formatNumber(value / 1e4)}万`;
  return formatNumber(value);
}

/** One indicator across the years as a bar chart (a year without the indicator has no bar), as an SVG string. */
export function indicatorChartSvg(series: IndicatorSeries, years: string[], index: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CJK_FONT_FAMILY },
      title: { text: indicatorLabel(series), left: 'center', top: 8, textStyle: { fontSize: 16, fontFamily: CJK_FONT_FAMILY } },
      grid: { left: 64, right: 24, top: 52, bottom: 56 },
      xAxis: {
        type: 'category',
        data: years.map((y) => `${y}\n${series.reports[y] ?? 0}份报告`),
        axisLabel: { fontFamily: CJK_FONT_FAMILY, lineHeight: 16 },
      },
      yAxis: { type: 'value', axisLabel: { fontFamily: CJK_FONT_FAMILY, formatter: (v: number) => axisNumber(v) } },
      series: [{
        type: 'bar',
        name: series.id,
        barMaxWidth: 48,
        data: years.map((y) => series.byYear[y] ?? null),
        label: { show: true, position: 'top', fontFamily: CJK_FONT_FAMILY, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value) : '') },
      }],
    });
    const svg = chart.renderToSVGString();
    // Inline SVG in HTML needs no namespace declarations; naming the indicator lets readers and tests find it.
    const attributes = `id="chart-${index + 1}" data-indicator="${escapeHtml(series.id)}" role="img" aria-label="${escapeHtml(indicatorLabel(series))}"`;
    return svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => `<svg ${attributes}${attrs.replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')}>`);
  } finally {
    chart.dispose();
  }
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:24px 32px 48px;font-family:${CJK_FONT_FAMILY};color:#1f2329;background:#f6f7f9;line-height:1.6}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:20px;margin:32px 0 12px;padding-bottom:6px;border-bottom:2px solid #d0d7e2}
h3{font-size:16px;margin:20px 0 8px}
.meta{color:#646a73;margin:0 0 8px}
.note{color:#646a73;font-size:13px;margin:4px 0 8px}
table{border-collapse:collapse;background:#fff;margin:4px 0 12px;font-size:14px}
th,td{border:1px solid #dee0e3;padding:6px 10px;text-align:left;vertical-align:top}
th{background:#eef1f6;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.num small{display:block;color:#8f959e;font-size:12px}
tr.count td{background:#fafbfc;color:#646a73}
.empty{color:#b0b5bd}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:16px}
.charts figure{margin:0;background:#fff;border:1px solid #dee0e3;border-radius:6px;padding:8px}
.charts svg{display:block;width:100%;height:auto}
.terms span{display:inline-block;margin:2px 4px 2px 0;padding:1px 8px;border-radius:10px;background:#e8f0fe;color:#1a4fb4;font-size:13px}
ul.failed li{margin:4px 0}
ul.failed code{font-family:inherit;background:#fff1f0;padding:1px 4px;border-radius:3px}
details summary{cursor:pointer;color:#1a4fb4}
td.num a{color:inherit;text-decoration:underline dotted}
section.cell{margin:12px 0 20px}
section.cell h3{margin:8px 0 4px}
section.cell:target{outline:3px solid #ffd666;outline-offset:4px}
table.sources td{font-size:13px}
ul.warnings li{margin:4px 0;color:#8a5a00}
tr.extra td{color:#646a73}
`;

/** A number cell; with `anchor` (and rows kept) the number links to the figures behind it. */
function numberCell(value: number | undefined, note?: string, anchor?: string): string {
  if (value === undefined) return '<td class="num empty">—</td>';
  const number = escapeHtml(formatNumber(value));
  return `<td class="num">${anchor ? `<a href="#${anchor}">${number}</a>` : number}${note ? `<small>${escapeHtml(note)}</small>` : ''}</td>`;
}

function pivotTable(result: StatsResult, years: string[]): string {
  const linked = result.rows.length > 0;
  const head = `<tr><th>指标</th><th>单位</th>${years.map((y) => `<th>${escapeHtml(y)}</th>`).join('')}</tr>`;
  const counts = `<tr class="count"><td>报告数</td><td>份</td>${years.map((y) => numberCell(result.reportsByYear[y] ?? 0)).join('')}</tr>`;
  const rows = result.indicators.map((s, i) =>
    `<tr><td>${escapeHtml(s.id)}</td><td>${escapeHtml(s.unit)}</td>${years.map((y) => numberCell(s.byYear[y], s.byYear[y] === undefined ? undefined : `${s.reports[y] ?? 0}份报告`, linked ? cellAnchor(i, y) : undefined)).join('')}</tr>`);
  const extra = extraSeriesRows(result).map((x) =>
    `<tr class="extra"><td>${escapeHtml(x.label)}</td><td>${escapeHtml(x.unit)}</td>${years.map((y) => numberCell(x.cells.byYear[y], x.cells.byYear[y] === undefined ? undefined : `${x.cells.reports[y] ?? 0}份报告`)).join('')}</tr>`);
  return `<table class="pivot"><thead>${head}</thead><tbody>${counts}${rows.join('')}${extra.join('')}</tbody></table>`;
}

function orgTables(result: StatsResult, years: string[]): string {
  const orgs: string[] = [];
  for (const s of result.indicators) for (const org of seriesOrgs(result, s)) if (!orgs.includes(org)) orgs.push(org);
  const ordered = [...result.orgs.filter((o) => orgs.includes(o)), ...orgs.filter((o) => !result.orgs.includes(o))];
  const linked = result.rows.length > 0;
  return ordered.map((org) => {
    const rows = result.indicators
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.byOrgYear?.[org])
      .map(({ s, i }) => `<tr><td>${escapeHtml(s.id)}</td><td>${escapeHtml(s.unit)}</td>${years.map((y) => numberCell(s.byOrgYear![org]![y], undefined, linked ? cellAnchor(i, y, orgIndex(result, org)) : undefined)).join('')}</tr>`);
    return `<h3>${escapeHtml(orgLabel(org))}</h3><table class="org" data-org="${escapeHtml(org)}"><thead><tr><th>指标</th><th>单位</th>${years.map((y) => `<th>${escapeHtml(y)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }).join('\n');
}

function themesSection(result: StatsResult): string {
  if (result.themes.length === 0) return '<p>无。</p>';
  const rows = result.themes.map((t) => `<tr><td>${t.year}</td><td class="terms">${t.terms.length ? t.terms.map((x) => `<span title="TF-IDF ${escapeHtml(String(x.score))}">${escapeHtml(x.term)}</span>`).join('') : '<span class="empty">—</span>'}</td></tr>`);
  return `<p class="note">按 TF-IDF 排序：某年比其他年份说得多的词在前。</p><table class="themes"><thead><tr><th>年份</th><th>主题词</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function activitiesSection(result: StatsResult): string {
  const activities = activityTable(result);
  if (activities.length === 0) return '<p>无。</p>';
  const head = `<tr><th>类别</th>${result.activities.map((a) => `<th>${a.year}</th>`).join('')}<th>合计</th></tr>`;
  const rows = activities.map((a) => `<tr><td>${escapeHtml(a.category)}</td>${a.counts.map((n) => numberCell(n)).join('')}${numberCell(a.total)}</tr>`);
  return `<p class="note">各年报告中各类活动的次数。</p><table class="activities"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function rowsSection(result: StatsResult, maxRows: number): string {
  if (result.rows.length === 0) return '<p>无（明细未保留或没有数字）。</p>';
  const shown = result.rows.slice(0, maxRows);
  const rows = shown.map((r) => `<tr><td>${escapeHtml(r.file)}</td><td>${escapeHtml(r.org)}</td><td>${r.year ?? '未知'}</td><td>${escapeHtml(r.indicator)}</td><td>${escapeHtml(r.subject)}</td>`
    + `<td class="num">${escapeHtml(QUALIFIER_LABELS[r.qualifier] ?? r.qualifier)}${escapeHtml(formatNumber(r.value))}</td><td>${escapeHtml(r.unit)}</td><td>${escapeHtml(r.text)}</td><td>${r.positions === 'paragraph' ? `第${r.line}段:${r.column}` : `${r.line}:${r.column}`}</td>`
    + `<td>${escapeHtml(countedLabel(r))}</td></tr>`);
  const more = result.rows.length > shown.length ? `<p class="note">只列出前 ${shown.length} 条，共 ${result.rows.length} 条；全部见 figures.csv。</p>` : '';
  return `<details><summary>展开全部 ${result.rows.length} 个数字（文件、原文、位置）</summary>${more}<table class="rows"><thead><tr><th>文件</th><th>单位名称</th><th>年份</th><th>指标</th><th>对象</th><th>数值</th><th>单位</th><th>原文</th><th>行:列</th><th>计入</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

function failedSection(result: StatsResult): string {
  if (result.failed.length === 0) return '<p>无。</p>';
  return `<ul class="failed">${result.failed.map((f) => `<li><code>${escapeHtml(f.file)}</code>：${escapeHtml(f.error)}</li>`).join('')}</ul>`;
}

function summary(result: StatsResult): string {
  const parts = [`共 ${result.files} 份报告${result.failed.length ? `，其中 ${result.failed.length} 份无法读取` : ''}`];
  if (result.years.length) parts.push(`年份 ${result.years[0]}—${result.years[result.years.length - 1]}`);
  if (result.orgs.length) parts.push(`单位 ${result.orgs.length} 个`);
  parts.push(`指标 ${result.indicators.length} 项`);
  return parts.join('；');
}

export function statsHtml(result: StatsResult, options: StatsHtmlOptions = {}): string {
  const title = options.title ?? '工作报告统计';
  const years = yearColumns(result);
  // Charts show the trend over known years; reports of unknown year stay in the table.
  const chartYears = result.years.length ? result.years.map(String) : years;
  const charts = result.indicators.map((s, i) => `<figure>${indicatorChartSvg(s, chartYears, i)}</figure>`);
  const sections = [
    `<h2>指标 × 年度</h2>`,
    result.indicators.length
      ? `<p class="note">各年数值为当年各报告中已完成数字（不含目标、对比和增减量）之和，数值下为给出该指标的报告数；“—”表示当年没有报告给出该指标。点数值可看计入它的每个数字。</p>${pivotTable(result, years)}`
      : '<p>没有找到可统计的指标。</p>',
    ...(charts.length ? [`<h2>各指标逐年变化</h2>`, `<div class="charts">\n${charts.join('\n')}\n</div>`] : []),
    ...(hasOrgSeries(result) ? [`<h2>各单位</h2>`, orgTables(result, years)] : []),
    `<h2>年度主题词</h2>`, themesSection(result),
    `<h2>活动类别</h2>`, activitiesSection(result),
    `<h2>提醒</h2>`, warningsSection(result),
    `<h2>无法读取的文件</h2>`, failedSection(result),
    `<h2>数字来源</h2>`, sourcesSection(result),
    `<h2>数据明细</h2>`, rowsSection(result, options.maxRows ?? DEFAULT_MAX_ROWS),
  ];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(summary(result))}。${options.generatedAt ? `生成于 ${escapeHtml(options.generatedAt)}。` : ''}</p>
${sections.join('\n')}
</body>
</html>
`;
}

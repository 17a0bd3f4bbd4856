// The year a report is about: from its title, its opening lines, or its file name. A placeholder
// year (202_, 20xx) means unknown.
import type { Document } from '../document/index.js';

// In a title a bare year counts (2023企业工会年度工作计划); in running text only a year with 年.
const TITLE_YEAR = /(?<!\d)((?:19|20)\d{2})(?![\d-])/;
const TEXT_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/;
const SITE_NOISE = /发布时间|来源|编辑|识别码|首页|浏览|阅读/;
const PLACEHOLDER_YEAR = /(?<!\d)20(?:[xX×_＿]{2}|\d[_＿xX])(?![0-9])/;

/** The first year (or placeholder year) in a text: a number, null for a placeholder, undefined for none. */
function yearIn(text: string, pattern: RegExp): number | null | undefined {
  const year = pattern.exec(text);
  const placeholder = PLACEHOLDER_YEAR.exec(text);
  if (placeholder && (!year || placeholder.index < year.index)) return null;
  return year ? Number(year[1]) : undefined;
}

export function findReportYear(doc: Document): number | null {
  const title = doc.titleSpan ? doc.normalized.text.slice(doc.titleSpan.start, doc.titleSpan.end) : '';
  const fromTitle = yearIn(title, TITLE_YEAR);
  if (fromTitle !== undefined) return fromTitle;
  // The opening lines: a heading such as 一、202_年度工作概况 or a first sentence 2023年，…
  for (const p of doc.paragraphs.slice(0, 6)) {
    if (SITE_NOISE.test(p.text)) continue;
    const fromOpening = yearIn(p.text.slice(0, 60), TEXT_YEAR);
    if (fromOpening !== undefined) return fromOpening;
  }
  const fromName = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(doc.path.split(/[\\/]/).pop() ?? '');
  return fromName ? Number(fromName[1]) : null;
}

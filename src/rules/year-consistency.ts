// year-consistency: the title's year against the year the opening states, and figures explicitly
// dated to another year as if they were the report year's (a paragraph copied from last year's report).
import { z } from 'zod';
import { catalogued, type Check, type Diagnostic } from './types.js';
import { allMatches } from '../text/matches.js';

const options = z.object({
  /** Words in a clause that make an other-year figure a comparison or a baseline, not a mistake. */
  comparisonWords: z.array(z.string()).default(['同比', '相比', '比上年', '比去年', '较上年', '较去年', '比前', '较前', '基础上', '以来', '截至', '截止', '至今', '累计', '去年', '上年', '增长', '下降', '减少', '提高', '持平', '目标', '计划', '力争']),
}).strict();

const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年(?!代)/g;
const MAX_CLAUSE = 200;
const PLAN = /计划|打算|思路|要点|安排|规划/;
const SITE_NOISE = /发布时间|来源|编辑|识别码|首页|浏览|阅读/;

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'year-consistency',
    ...catalogued('year-consistency', ['opening', 'figure']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/year-consistency.md',
    usesSegmentation: true,
    extracts: ['figures'],
    fixable: false,
  },
  check(context, { comparisonWords }) {
    const { doc } = context;
    const text = doc.normalized.text;
    const extraction = context.extraction();
    const found: Diagnostic[] = [];
    const titleText = doc.titleSpan ? text.slice(doc.titleSpan.start, doc.titleSpan.end) : '';
    const titleYear = /(?<!\d)((?:19|20)\d{2})(?![\d-])/.exec(titleText);
    const plan = PLAN.test(titleText);

    // The opening: the first paragraphs after the title, before any numbered section.
    if (titleYear && doc.titleSpan) {
      const T = Number(titleYear[1]);
      const firstSection = doc.sections.find((s) => s.start > doc.titleSpan!.end)?.start ?? text.length;
      const opening = doc.paragraphs.filter((p) => p.start > doc.titleSpan!.end && p.start <= firstSection && !SITE_NOISE.test(p.text)).slice(0, 2);
      for (const p of opening) {
        if (p.text.includes(titleText)) continue; // the title repeated
        // The year the opening sentence starts with (2022年，…), not one it mentions in passing.
        const m = new RegExp(YEAR.source).exec(p.text.slice(0, 12));
        if (!m) continue;
        const O = Number(m[1]);
        if (O !== T && !(plan && O === T - 1)) {
          found.push({ start: p.start + m.index, end: p.start + m.index + m[0].length, messageId: 'opening', data: { opening: O, title: T } });
        }
        break;
      }
    }

    const reportYear = extraction.year;
    if (reportYear !== null) {
      const flagged = new Set<number>();
      for (const f of extraction.figures) {
        // The clause before the figure, at most MAX_CLAUSE back: no real clause is longer, and
        // scanning (and searching) an unbounded one from every figure was quadratic.
        let a = f.span.start;
        const lower = Math.max(0, f.span.start - MAX_CLAUSE);
        while (a > lower && !/[。！？；;，,\n]/.test(text[a - 1]!)) a--;
        const clause = text.slice(a, f.span.start);
        const years = allMatches(YEAR, clause);
        const last = years.at(-1);
        if (!last) continue;
        const Y = Number(last[1]);
        if (Y === reportYear || (plan && Y === reportYear - 1)) continue;
        const after = text.slice(f.span.end, f.span.end + 8);
        if (comparisonWords.some((w) => clause.includes(w) || after.includes(w)) || /[比较]\d{4}年/.test(clause + after)) continue;
        const at = a + last.index;
        // Already reported as the opening's year.
        if (flagged.has(at) || found.some((d) => d.start === at)) continue;
        flagged.add(at);
        found.push({ start: at, end: at + last[0].length, messageId: 'figure', data: { year: Y, reportYear } });
      }
    }
    return found;
  },
};

export default check;

// sum-mismatch: a total and its parts that disagree — 共60人，其中男45人、女5人 (a split into 男 and 女
// must add up), parts listed before 合计/共计 (男45人，女15人，合计70人), shares of one whole that add
// up to more than 100% (分别占45%、35%和30%), and a table whose 合计 row is not the sum of its rows.
import { z } from 'zod';
import { figureSentences, formatLike, round6, unitKey, type PlacedFigure } from './figures/sentences.js';
import { findTables, tableTotals } from './figures/tables.js';
import { catalogued, type Check, type Diagnostic } from './types.js';

const options = z.object({
  /** Sets of words that split one whole with nothing left over (男/女): parts named by all of one set must add up to their total. */
  complements: z.array(z.array(z.string().min(1)).min(2)).default([
    ['男', '女'], ['城镇', '农村'], ['城市', '农村'], ['线上', '线下'], ['党员', '非党员'], ['在职', '退休'], ['在职', '离退休'],
    ['专职', '兼职'], ['境内', '境外'], ['国内', '国外'], ['省内', '省外'], ['市内', '市外'], ['校内', '校外'], ['全日制', '非全日制'],
    ['公办', '民办'], ['正式', '临时'], ['已婚', '未婚'], ['城区', '乡镇'],
  ]),
  /** Words after a total that introduce its parts (其中…): parts so introduced may not add up to more than the total. */
  partsWords: z.array(z.string().min(1)).default(['其中', '包括', '分别为', '分别是', '分别']),
  /** A last part named so (其他/其余) makes the parts the whole. */
  restWords: z.array(z.string().min(1)).default(['其他', '其余', '其它']),
  /** Words that end the parts of a total (another count begins). */
  stopWords: z.array(z.string().min(1)).default(['另有', '此外', '另外', '还有', '同比', '比上年', '较上年', '比去年', '较去年', '与上年', '与去年']),
  /** Words that make a figure a change or a baseline, not a part of a total (left to balance-mismatch and figure-consistency). */
  changeWords: z.array(z.string().min(1)).default(['增加', '增长', '减少', '下降', '提高', '降低', '上升', '新增', '净增', '同比', '比上年', '较上年', '比去年', '较去年', '去年', '上年', '原有', '年初', '年末', '又']),
  /** How far (percentage points) shares of one whole may pass 100% by rounding. */
  percentTolerance: z.number().min(0).max(10).default(0.5),
}).strict();

type Options = z.infer<typeof options>;

// A total's own words right before its number, in its clause: 共, 合计, 共计为 ….
const TOTAL_LEAD = /(?:共计|合计|总计|总共|一共|共有|共|总数|总额|总人数)(?:为|达|达到|有|是)?[：:]?\s*$/;
// The whole clause of a total that follows its parts: "，合计60人", "，共计：60人", "，共有职工1350人"
// (group 1: the counted thing, which the parts must name too).
const TRAILING_TOTAL = /^[，,、；;\s]*(?:共计|合计|总计|总共|一共|共有|共|计)([^，,；;。：:\d（）()]{0,6}?)(?:为|达到|达|有|是)?[：:]?\s*$/;
const SHARE_LEAD = /占|比例|比重|占比|分别/;

const check: Check<Options> = {
  meta: {
    id: 'sum-mismatch',
    ...catalogued('sum-mismatch', ['parts', 'partsOver', 'percentOver', 'percentSplit', 'table']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/sum-mismatch.md',
    usesSegmentation: true,
    extracts: ['figures'],
    fixable: false,
  },
  check(context, opts) {
    const { doc } = context;
    const figures = context.extraction().figures;
    const found: Diagnostic[] = [];
    const sentences = figureSentences(doc, figures);
    for (const [i, sentence] of sentences.entries()) {
      // Parts in the next sentence when it opens with 其中 (共60人。其中男45人……).
      const next = sentences[i + 1];
      const joined = next && next.paragraph === sentence.paragraph && opts.partsWords.some((w) => next.text.startsWith(w)) ? next : null;
      const items = joined ? [...sentence.figures, ...joined.figures.map((f) => ({ ...f, index: f.index + sentence.figures.length }))] : sentence.figures;
      checkSentence(items, opts, found);
    }
    for (const table of findTables(doc)) {
      for (const t of tableTotals(table)) {
        found.push({ start: t.cell.start, end: t.cell.end, messageId: 'table', data: { label: t.label, column: t.header, total: t.cell.text, sum: round6(t.sum) }, related: t.parts.map((p) => ({ start: p.start, end: p.end })) });
      }
    }
    const seen = new Set<string>();
    return found.filter((d) => !seen.has(`${d.start}:${d.messageId}`) && seen.add(`${d.start}:${d.messageId}`)).sort((a, b) => a.start - b.start);
  },
};

/** Which set of complements the parts' leads name, one member each and all members: the parts are then the whole. */
function splitsWhole(parts: PlacedFigure[], complements: string[][]): boolean {
  if (parts.length < 2) return false;
  return complements.some((set) => {
    if (set.length !== parts.length) return false;
    const longestFirst = [...set].sort((a, b) => b.length - a.length);
    const named = parts.map((p) => longestFirst.find((w) => p.clauseLead.includes(w)));
    return named.every(Boolean) && new Set(named).size === set.length;
  });
}

const has = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

function checkSentence(items: PlacedFigure[], opts: Options, found: Diagnostic[]): void {
  const used = new Set<number>();
  for (const total of items) {
    const T = total.figure;
    if (T.unit === '%' || T.qualifier !== 'exact' || total.bracketed || has(total.clauseLead, opts.changeWords)) continue;
    const key = unitKey(T.unit);
    // Parts after the total: same unit (and shares in %), up to a stop word, another total or a new kind of count.
    const counts: PlacedFigure[] = [];
    const shares: PlacedFigure[] = [];
    let introduced = false;
    for (let j = total.index + 1; j < items.length; j++) {
      const part = items[j]!;
      const P = part.figure;
      if (has(part.lead, opts.stopWords) || TOTAL_LEAD.test(part.lead)) break;
      if (P.unit !== '%') {
        // Parts in brackets right after the total (职工856人（男612人、女234人）) end with the bracket;
        // a bracket after a part counts within that part (男职工45人（其中党员20人）) and is skipped whole.
        const own = part.bracketed && part.bracketAt >= T.span.end && part.bracketAt <= T.span.end + 2;
        if (counts.length && counts[0]!.bracketed && !part.bracketed) break;
        if (part.bracketed && (!own || (counts.length && !counts[0]!.bracketed))) continue;
      }
      // A second 其中 nests parts of a part.
      const introduces = has(part.lead, opts.partsWords);
      if (introduces && (counts.length || shares.length)) break;
      if (introduces) introduced = true;
      if (has(part.clauseLead, opts.changeWords)) break;
      if (P.unit === '%') {
        if (SHARE_LEAD.test(part.lead)) shares.push(part);
        continue;
      }
      if (unitKey(P.unit) !== key) break;
      counts.push(part);
    }
    const whole = splitsWhole(counts, opts.complements) || (introduced && counts.length >= 2 && has(counts.at(-1)!.clauseLead, opts.restWords));
    if (counts.length && counts.every((c) => c.figure.qualifier === 'exact')) {
      const sum = round6(counts.reduce((s, c) => s + c.figure.value, 0));
      // Clauses after the first part, set off by commas, may count within it (其中专任教师91人，高级
      // 教师17人): when they fit inside it, parts over the total prove nothing. A 、 list is parallel.
      const rest = counts.slice(1);
      const nested = rest.length > 0 && rest.every((c) => /^[，,]/.test(c.lead)) && rest.reduce((s, c) => s + c.figure.value, 0) <= counts[0]!.figure.value;
      const over = introduced && !nested && sum > round6(T.value);
      if (over || (whole && sum !== round6(T.value))) {
        found.push({
          start: T.span.start, end: T.span.end, messageId: over ? 'partsOver' : 'parts',
          data: { total: T.text, expression: `${counts.map((c) => c.figure.text).join('+')}=${formatLike(sum, T)}` },
          related: counts.map((c) => ({ ...c.figure.span })),
        });
        for (const c of counts) used.add(c.index);
        used.add(total.index);
        continue;
      }
    }
    if (shares.length >= 2 && (introduced || splitsWhole(shares, opts.complements))) {
      checkShares(shares, splitsWhole(shares, opts.complements), opts, found);
      for (const s of shares) used.add(s.index);
    }
  }
  // Parts before a total of their own clause: 男职工45人，女职工15人，合计70人.
  for (const total of items) {
    const T = total.figure;
    const trailing = TRAILING_TOTAL.exec(total.lead);
    if (used.has(total.index) || T.unit === '%' || T.qualifier !== 'exact' || !trailing) continue;
    // 共有职工1350人: the parts must count the same thing (在职职工, 退休职工).
    const noun = trailing[1]!;
    const parts: PlacedFigure[] = [];
    for (let j = total.index - 1; j >= 0; j--) {
      const part = items[j]!;
      const P = part.figure;
      if (P.unit === '%' || part.bracketAt !== total.bracketAt) continue;
      if (unitKey(P.unit) !== unitKey(T.unit) || P.qualifier !== 'exact' || has(part.clauseLead, opts.changeWords)) break;
      parts.unshift(part);
      // A part that follows 其中, or a total of its own, is where the list starts.
      if (has(part.lead, opts.partsWords) || P.total || TOTAL_LEAD.test(part.lead)) {
        if (P.total || TOTAL_LEAD.test(part.lead)) parts.shift();
        break;
      }
    }
    if (parts.length < 2 || parts.some((p) => used.has(p.index)) || (noun && !parts.every((p) => p.clauseLead.includes(noun)))) continue;
    const sum = round6(parts.reduce((s, p) => s + p.figure.value, 0));
    if (sum === round6(T.value)) continue;
    found.push({
      start: T.span.start, end: T.span.end, messageId: 'parts',
      data: { total: T.text, expression: `${parts.map((p) => p.figure.text).join('+')}=${formatLike(sum, T)}` },
      related: parts.map((p) => ({ ...p.figure.span })),
    });
    for (const p of parts) used.add(p.index);
  }
  // Shares of one whole with no count before them: 分别占45%、35%和30%; 男性占55%，女性占50%.
  let run: PlacedFigure[] = [];
  const flush = () => {
    const whole = splitsWhole(run, opts.complements);
    if (run.length >= 2 && (whole || /分别|其中/.test(run[0]!.lead))) checkShares(run, whole, opts, found);
    run = [];
  };
  for (const item of items) {
    if (used.has(item.index) || item.figure.unit !== '%' || item.figure.qualifier !== 'exact') {
      flush();
      continue;
    }
    // A share of the run: it says 占 (or follows a 分别 list with only a separator between).
    const inList = run.length > 0 && /^[、和及与，,\s]*(?:[^，,；;：:]{0,12}(?:占|为|是))?$/.test(item.lead) && /分别/.test(run[0]!.lead);
    if (!SHARE_LEAD.test(item.lead) && !inList) {
      flush();
      continue;
    }
    if (has(item.clauseLead, opts.changeWords) || /率/.test(item.clauseLead)) {
      flush();
      continue;
    }
    if (run.length && has(item.lead, opts.stopWords)) flush();
    run.push(item);
  }
  flush();
}

function checkShares(shares: PlacedFigure[], whole: boolean, opts: Options, found: Diagnostic[]): void {
  const sum = round6(shares.reduce((s, p) => s + p.figure.value, 0));
  const tolerance = opts.percentTolerance * shares.length;
  const first = shares[0]!.figure;
  const last = shares.at(-1)!.figure;
  const related = shares.map((s) => ({ ...s.figure.span }));
  const expression = `${shares.map((s) => s.figure.text).join('+')}=${sum}%`;
  if (sum > 100 + tolerance) found.push({ start: first.span.start, end: last.span.end, messageId: 'percentOver', data: { expression }, related });
  else if (whole && sum < 100 - tolerance) found.push({ start: first.span.start, end: last.span.end, messageId: 'percentSplit', data: { expression }, related });
}

export default check;

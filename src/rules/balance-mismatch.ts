// balance-mismatch: levels and changes that do not add up — 年初 + 新增/发展 − 减少/转出 ≠ 年末 when
// all four are stated (会员, 党员, 资金), and a stated change that contradicts the two levels it
// joins (由120人增加到150人，增加了20人; 比上年的120人增长了20%, from 150人).
import { z } from 'zod';
import { figureSentences, formatLike, round6, unitKey, type FigureSentence, type PlacedFigure } from './figures/sentences.js';
import { catalogued, type Check, type Diagnostic } from './types.js';

const options = z.object({
  /** Words before a figure that make it the level at the start of the period. */
  openingWords: z.array(z.string().min(1)).default(['年初', '期初', '上年末', '上年底', '去年底', '去年年底', '上年结余', '上年结转', '上年度结余', '原有']),
  /** Words before a figure that make it the level at the end of the period. */
  closingWords: z.array(z.string().min(1)).default(['年末', '年底', '期末', '年终', '截至目前', '截止目前', '现有', '结余', '结存', '余额']),
  /** Words before a figure that make it an addition in the period. */
  additionWords: z.array(z.string().min(1)).default(['新增', '发展', '增加', '转入', '吸收', '接收', '吸纳', '新入', '收入', '加入', '调入']),
  /** Words before a figure that make it a loss in the period. */
  lossWords: z.array(z.string().min(1)).default(['减少', '转出', '退出', '注销', '去世', '死亡', '调出', '离职', '退会', '流失', '支出', '减员', '除名', '停止党籍', '出党']),
  /** Words of a net change (净增30人): opening + net = closing. */
  netWords: z.array(z.string().min(1)).default(['净增', '净增加', '净减少', '净减']),
}).strict();

type Options = z.infer<typeof options>;

// 由120人增加到150人: the verb (and 到) between the two levels.
const RISE = '增加|增长|提高|提升|上升|扩大|发展|增至|增到|升至|升到';
const FALL = '减少|下降|降低|缩减|减至|降至|降到|回落';
const LEVELS_BETWEEN = new RegExp(`^(?:的)?\\s*(${RISE}|${FALL})(?:到|至|为)?(?:了)?\\s*$`);
const FROM_WORD = /[由从](?:上年|去年|上一年|年初|原来)?(?:的)?\s*$/;
// 比上年的120人 / 较去年同期120人: a level compared with, before the change.
const COMPARED_LEAD = /^[，,、\s]*(?:比|较)(?:上年|去年|上一年|上年同期|去年同期|同期|年初)(?:的)?\s*$/;
const CHANGE_LEAD = new RegExp(`(净?(?:${RISE}|${FALL}|多|少))(?:了|达|为|幅为|幅达|幅度为|幅度达)?\\s*$`);
const FALLING = new RegExp(`^净?(?:${FALL}|少)`);
const FALL_VERB = new RegExp(`^(?:${FALL})`);

const check: Check<Options> = {
  meta: {
    id: 'balance-mismatch',
    ...catalogued('balance-mismatch', ['balance', 'change', 'direction']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/balance-mismatch.md',
    usesSegmentation: true,
    extracts: ['figures'],
    fixable: false,
  },
  check(context, opts) {
    const { doc } = context;
    const sentences = figureSentences(doc, context.extraction().figures);
    const found: Diagnostic[] = [];
    for (const s of sentences) changes(s, found);
    // Balances are stated over a paragraph, often in two sentences (年初…；年末…).
    const byParagraph = new Map<number, PlacedFigure[]>();
    for (const s of sentences) {
      const list = byParagraph.get(s.paragraph) ?? [];
      list.push(...s.figures);
      byParagraph.set(s.paragraph, list);
    }
    for (const items of byParagraph.values()) balances(items, opts, found);
    const seen = new Set<number>();
    return found.filter((d) => !seen.has(d.start) && seen.add(d.start)).sort((a, b) => a.start - b.start);
  },
};

type Role = 'opening' | 'closing' | 'addition' | 'loss' | 'net';

/** What a figure is in a balance, from the words of its own clause (opening and closing before the flows they may contain: 上年结余, 新增…). */
function roleOf(item: PlacedFigure, opts: Options): Role | null {
  const lead = item.clauseLead.slice(-14);
  // 由120人增加到150人: levels either side of a change, not flows of a balance.
  if (/(?:到|至)\s*$/.test(lead) || FROM_WORD.test(lead)) return null;
  if (opts.netWords.some((w) => lead.includes(w))) return 'net';
  if (opts.openingWords.some((w) => lead.includes(w))) return 'opening';
  if (opts.closingWords.some((w) => lead.includes(w))) return 'closing';
  if (opts.lossWords.some((w) => lead.includes(w))) return 'loss';
  if (opts.additionWords.some((w) => lead.includes(w))) return 'addition';
  return null;
}

function balances(items: PlacedFigure[], opts: Options, found: Diagnostic[]): void {
  const byUnit = new Map<string, { role: Role; item: PlacedFigure }[]>();
  for (const item of items) {
    const F = item.figure;
    if (F.unit === '%' || F.unit === '百分点' || item.bracketed) continue;
    const role = roleOf(item, opts);
    if (!role) continue;
    const key = unitKey(F.unit);
    const list = byUnit.get(key) ?? [];
    list.push({ role, item });
    byUnit.set(key, list);
  }
  for (const list of byUnit.values()) {
    const of = (role: Role) => list.filter((x) => x.role === role).map((x) => x.item.figure);
    const [opening, closing, additions, losses, nets] = [of('opening'), of('closing'), of('addition'), of('loss'), of('net')];
    // One opening and one closing level, and every flow stated: otherwise there is nothing to check.
    if (opening.length !== 1 || closing.length !== 1) continue;
    const O = opening[0]!;
    const C = closing[0]!;
    if (O.span.start > C.span.start || [O, C, ...additions, ...losses, ...nets].some((f) => f.qualifier !== 'exact')) continue;
    let expected: number;
    let expression: string;
    if (additions.length && losses.length && !nets.length) {
      expected = O.value + additions.reduce((s, f) => s + f.value, 0) - losses.reduce((s, f) => s + f.value, 0);
      expression = `${O.text}+${additions.map((f) => f.text).join('+')}−${losses.map((f) => f.text).join('−')}=${formatLike(round6(expected), C)}`;
    } else if (nets.length === 1 && !additions.length && !losses.length) {
      const N = nets[0]!;
      const sign = /减/.test(list.find((x) => x.item.figure === N)!.item.clauseLead) ? -1 : 1;
      expected = O.value + sign * N.value;
      expression = `${O.text}${sign < 0 ? '−' : '+'}${N.text}=${formatLike(round6(expected), C)}`;
    } else continue;
    if (round6(expected) === round6(C.value)) continue;
    found.push({
      start: C.span.start, end: C.span.end, messageId: 'balance', data: { end: C.text, expression },
      related: [O, ...additions, ...losses, ...nets].map((f) => ({ ...f.span })),
    });
  }
}

/** Decimal places of a figure as written (12.5% → 1). */
function decimals(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m ? m[1]!.length : 0;
}

function changes(sentence: FigureSentence, found: Diagnostic[]): void {
  const items = sentence.figures;
  for (let i = 0; i + 1 < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1]!;
    // 由A增加到B, or B，比上年的A…: the two levels, earlier first.
    let from: PlacedFigure;
    let to: PlacedFigure;
    let verb: string;
    let after: number;
    const between = LEVELS_BETWEEN.exec(b.lead);
    if (FROM_WORD.test(a.lead) && between) {
      [from, to, verb, after] = [a, b, between[1]!, i + 2];
    } else if (COMPARED_LEAD.test(b.lead)) {
      [from, to, verb, after] = [b, a, '', i + 2];
    } else continue;
    const F = from.figure;
    const T = to.figure;
    if (unitKey(F.unit) !== unitKey(T.unit) || F.qualifier !== 'exact' || T.qualifier !== 'exact') continue;
    // The change: the next figure, said with 增加/减少 (了), before another level begins.
    const c = items[after];
    if (!c) continue;
    const change = CHANGE_LEAD.exec(c.lead);
    if (!change || c.figure.qualifier !== 'exact' || /[由从比较]/.test(c.clauseLead.replace(change[0], ''))) continue;
    const stated = c.figure;
    const changeWord = change[1]!;
    const delta = T.value - F.value;
    const place = { start: stated.span.start, end: stated.span.end, related: [{ ...F.span }, { ...T.span }] };
    const data = { from: F.text, to: T.text };
    // 从300人减少到280人，增加了20人: a word whose direction the two levels deny.
    const wrongWay = [changeWord, verb].find((w) => w !== '' && delta !== 0 && (delta < 0) !== (FALLING.test(w) || FALL_VERB.test(w)));
    if (wrongWay) {
      found.push({ ...place, messageId: 'direction', data: { ...data, verb: wrongWay } });
      continue;
    }
    if (stated.unit === '%' && F.unit !== '%') {
      // A rate of change: (T − F) / F, as precise as the text writes it, truncated or rounded.
      if (F.value === 0) continue;
      const rate = (Math.abs(delta) / F.value) * 100;
      const step = 10 ** -decimals(stated.text);
      if (Math.abs(rate - stated.value) < step) continue;
      found.push({ ...place, messageId: 'change', data: { ...data, expected: `${round6(Math.round(rate / step) * step)}%`, stated: stated.text } });
    } else if (unitKey(stated.unit) === unitKey(F.unit) || (stated.unit === '百分点' && F.unit === '%')) {
      if (round6(Math.abs(delta)) === round6(stated.value)) continue;
      // Percentages may change by points or by a rate: either reading that fits is fine.
      if (F.unit === '%' && stated.unit === '%' && F.value !== 0 && Math.abs((Math.abs(delta) / F.value) * 100 - stated.value) < 10 ** -decimals(stated.text)) continue;
      const expected = F.unit === '%' ? `${round6(Math.abs(delta))}个百分点` : formatLike(round6(Math.abs(delta)), T);
      found.push({ ...place, messageId: 'change', data: { ...data, expected, stated: stated.text } });
    }
  }
}

export default check;

// figure-consistency: figures in one sentence that contradict each other — a total that is not the
// base plus the increase (在去年45家的基础上今年又增加5家，累计50家), parts (其中…) that add up to more
// than their total, and a share (率, 占比) over 100%.
import { z } from 'zod';
import type { Figure } from '../extract/index.js';
import { catalogued, type Check, type Diagnostic } from './types.js';

const options = z.object({
  /** Words after which a figure is the base a total builds on. */
  baseWords: z.array(z.string()).default(['去年', '上年', '原有', '原来', '此前', '上一年']),
  /** Words before a figure that make it an increase. */
  increaseWords: z.array(z.string()).default(['新增', '增加', '又', '增长了', '再增加']),
  /** Words that make a percentage a share, which cannot pass 100%. */
  shareWords: z.array(z.string()).default(['率', '比例', '占比', '比重', '覆盖面', '参与面', '占']),
  /** Words that allow a percentage over 100 (growth, over-fulfilment). */
  growthWords: z.array(z.string()).default(['增长', '提高', '提升', '同比', '增幅', '增速', '超额', '完成', '达成', '翻']),
}).strict();

const round = (x: number) => Math.round(x * 1e6) / 1e6;
/** How many figures either side of a total it is compared with, and how far past the last of them 其中 is looked for. */
const MAX_COMPARED = 50;
const MAX_GAP = 200;

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'figure-consistency',
    ...catalogued('figure-consistency', ['sum', 'parts', 'share']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/figure-consistency.md',
    usesSegmentation: true,
    extracts: ['figures'],
    fixable: false,
  },
  check(context, { baseWords, increaseWords, shareWords, growthWords }) {
    const { doc } = context;
    const text = doc.normalized.text;
    const figures = context.extraction().figures;
    const found: Diagnostic[] = [];
    const before = (f: Figure, n: number) => text.slice(Math.max(0, f.span.start - n), f.span.start);
    const partsElsewhere = context.enabled('sum-mismatch');
    let cursor = 0;
    for (const sentence of doc.sentences) {
      while (cursor < figures.length && figures[cursor]!.span.start < sentence.start) cursor++;
      const inSentence: Figure[] = [];
      for (let i = cursor; i < figures.length && figures[i]!.span.start < sentence.end; i++) inSentence.push(figures[i]!);
      inSentence.forEach((total, t) => {
        if (!total.total || total.unit === '%' || total.unit === '') return;
        // A total is compared with the MAX_COMPARED figures either side of it, and its text searched
        // only that far: comparing every pair made a "sentence" of thousands of figures quadratic.
        const earlier = inSentence.slice(Math.max(0, t - MAX_COMPARED), t).filter((f) => f.unit === total.unit);
        const base = earlier.find((f) => baseWords.some((w) => before(f, 10).includes(w)) || text.startsWith('的基础上', f.span.end));
        const increase = earlier.find((f) => f !== base && increaseWords.some((w) => before(f, 6).includes(w)));
        if (base && increase) {
          const expected = round(base.value + increase.value);
          if (expected !== total.value) {
            found.push({ ...total.span, messageId: 'sum', data: { total: total.text, base: base.value, increase: increase.value, expected } });
          }
          return;
        }
        // 共…，其中A…、B…: the parts that follow in the sentence — sum-mismatch's when it is on
        // (it also finds parts that fall short of a whole), so that one slip is reported once.
        if (partsElsewhere) return;
        const rest = text.slice(total.span.end, Math.min(sentence.end, (inSentence[t + MAX_COMPARED]?.span.end ?? Infinity) + MAX_GAP));
        const among = rest.indexOf('其中');
        if (among < 0) return;
        // Parts run from 其中 to an 另有/此外 that starts counting something else.
        const other = rest.slice(among).search(/另有|此外|另外|还有/);
        const partsEnd = other < 0 ? sentence.end : total.span.end + among + other;
        const parts = inSentence.slice(t + 1, t + 1 + MAX_COMPARED).filter((f) => f.unit === total.unit && f.span.start > total.span.end + among && f.span.start < partsEnd);
        const sum = round(parts.reduce((s, f) => s + f.value, 0));
        if (parts.length >= 1 && sum > total.value) {
          found.push({ ...total.span, messageId: 'parts', data: { sum, total: total.text }, related: parts.map((p) => ({ ...p.span })) });
        }
      });
    }
    for (const f of figures) {
      if (f.unit !== '%' || f.value <= 100) continue;
      const lead = `${f.subject}${before(f, 8)}`;
      if (!shareWords.some((w) => lead.includes(w)) || growthWords.some((w) => lead.includes(w))) continue;
      found.push({ ...f.span, messageId: 'share', data: { value: f.value } });
    }
    return found.sort((a, b) => a.start - b.start);
  },
};

export default check;

// doubled-word: a word or phrase written twice in a row (开展开展, 竞赛竞赛, 组织的组织的), found on the
// word segmentation; reduplication that is correct Chinese (高高, 层层, 认认真真) is left alone.
import { z } from 'zod';
import { originalText } from '../document/index.js';
import type { Token } from '../segment/index.js';
import { clauseEnd } from '../extract/context.js';
import type { Check, Diagnostic } from './types.js';

const options = z.object({
  /** Doubled forms that are correct (colloquial verb reduplication: 研究研究). */
  allowed: z.array(z.string().min(2)).default(['研究研究', '商量商量', '考虑考虑', '休息休息', '琢磨琢磨', '锻炼锻炼', '打听打听', '认识认识']),
  /** Longest phrase, in words, that is looked for twice in a row. */
  maxWords: z.number().int().min(1).max(6).default(3),
}).strict();

const HAN_ONLY = /^\p{Script=Han}+$/u;
// 一个一个、一步一步、一件一件: a numeral and classifier said twice means "one by one" — correct.
const ONE_BY_ONE = /^[一两三四五六七八九十][\p{Script=Han}]$/u;

// A phrase written twice lies inside one clause, and its words are at most MAX_WORD characters
// long (jieba's longest words are shorter): only a clause holding such a square is segmented.
const MAX_WORD = 12;

/** Whether text[cs, ce) holds some x·x with x of 2 to `maxHalf` characters (sums of runs, no allocation). */
function hasSquare(text: string, cs: number, ce: number, maxHalf: number): boolean {
  for (let half = 2; half <= maxHalf && cs + 2 * half <= ce; half++) {
    let run = 0;
    for (let i = cs; i + half < ce; i++) {
      if (text.charCodeAt(i) !== text.charCodeAt(i + half)) run = 0;
      else if (++run >= half) return true;
    }
  }
  return false;
}

function adjacent(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.end !== tokens[i + 1]!.start) return false;
  return true;
}

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'doubled-word',
    description: { zh: '连写两遍的词语（开展开展、组织的组织的）', en: 'A word or phrase written twice in a row (开展开展)' },
    defaultSeverity: 'warning',
    options,
    messages: {
      doubled: { zh: '“{word}”重复写了两遍', en: '"{word}" is written twice' },
    },
    docs: 'docs/rules/doubled-word.md',
    usesSegmentation: true,
    extracts: [],
    fixable: true,
  },
  check(context, { allowed, maxWords }) {
    const { doc } = context;
    const allowedSet = new Set(allowed);
    const found: Diagnostic[] = [];
    const report = (first: number, second: number, end: number, word: string) => {
      if (word.length < 2 || allowedSet.has(word + word) || ONE_BY_ONE.test(word)) return;
      const [s, e] = doc.normalized.map.rangeToSource(second, end);
      found.push({ start: first, end, messageId: 'doubled', data: { word: originalText(doc, second, end) || word }, fix: { start: s, end: e, text: '' } });
    };
    for (const p of doc.paragraphs) {
      for (let cs = 0; cs < p.text.length; ) {
        const ce = clauseEnd(p.text, cs);
        if (hasSquare(p.text, cs, ce, maxWords * MAX_WORD)) findIn(context.words(p.start + cs, p.start + ce));
        cs = ce + 1;
      }
    }
    return found;

    function findIn(tokens: Token[]): void {
      for (let i = 0; i < tokens.length; i++) {
        let matched = false;
        // A phrase of k words repeated: 组织|的|组织|的.
        for (let k = Math.min(maxWords, Math.floor((tokens.length - i) / 2)); k >= 1 && !matched; k--) {
          let same = true;
          for (let j = 0; j < k && same; j++) same = tokens[i + j]!.word === tokens[i + k + j]!.word;
          if (!same || !adjacent(tokens, i, i + 2 * k - 1)) continue;
          const word = tokens.slice(i, i + k).map((t) => t.word).join('');
          if (!HAN_ONLY.test(word)) continue;
          report(tokens[i]!.start, tokens[i + k]!.start, tokens[i + 2 * k - 1]!.end, word);
          i += 2 * k - 1;
          matched = true;
        }
        if (matched || i + 1 >= tokens.length) continue;
        // The segmenter glued the first copy to the word before it: 劳动竞赛|竞赛.
        const a = tokens[i]!;
        const b = tokens[i + 1]!;
        if (a.end === b.start && b.word.length >= 2 && a.word.length > b.word.length && a.word.endsWith(b.word) && HAN_ONLY.test(b.word)) {
          report(a.end - b.word.length, b.start, b.end, b.word);
          i++;
        }
      }
    }
  },
};

export default check;

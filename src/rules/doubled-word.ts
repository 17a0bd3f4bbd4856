// doubled-word: a word or phrase written twice in a row (开展开展, 竞赛竞赛, 组织的组织的), found on the
// word segmentation; reduplication that is correct Chinese (高高, 层层, 认认真真) is left alone.
import { z } from 'zod';
import type { SourceCode } from '../source/source-code.js';
import type { Token } from '../segment/index.js';
import { clauseEnd } from '../extract/context.js';
import { catalogued, type Check, type Diagnostic } from './types.js';

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

// For hasSquare: where each character was last seen, in a coordinate that only grows (each clause
// starts more than any half past the last), so nothing is reset between clauses; and per position of
// the clause, the same character's previous position in it.
const lastSeen = new Float64Array(0x10000).fill(-Infinity);
let origin = 0;
let previous = new Float64Array(256);

/**
 * Whether text[cs, ce) holds some x·x with x of 2 to `maxHalf` characters. A second copy starts
 * where its first character was seen `half` characters before, so only those earlier places are
 * tried (a test per half and position was a sixth of the checks' time).
 */
export function hasSquare(text: string, cs: number, ce: number, maxHalf: number): boolean {
  const length = ce - cs;
  if (length < 4) return false;
  if (previous.length < length) previous = new Float64Array(2 * length);
  const base = origin;
  origin += length + maxHalf + 2;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(cs + i);
    previous[i] = lastSeen[code]! - base; // below 0: not in this clause
    lastSeen[code] = base + i;
    // Earlier copies of this character within reach: k is where a first copy would start.
    for (let k = previous[i]!; k >= 0 && i - k <= maxHalf; k = previous[k]!) {
      const half = i - k;
      if (i + half > length) break; // the second copy would run past the clause; farther ones too
      if (half < 2) continue;
      let same = 1;
      while (same < half && text.charCodeAt(cs + k + same) === text.charCodeAt(cs + i + same)) same++;
      if (same === half) return true;
    }
  }
  return false;
}

function adjacent(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.end !== tokens[i + 1]!.start) return false;
  return true;
}

/**
 * The clauses (CLAUSE_BREAK, document offsets, as start, end pairs) that hold a square a phrase of
 * up to `maxWords` words could make: the only ones segmented.
 */
function squareClauses(doc: SourceCode, maxWords: number): Int32Array {
  const bounds: number[] = [];
  for (const p of doc.paragraphs) {
    for (let cs = 0; cs < p.text.length; ) {
      const ce = clauseEnd(p.text, cs);
      if (hasSquare(p.text, cs, ce, maxWords * MAX_WORD)) bounds.push(p.start + cs, p.start + ce);
      cs = ce + 1;
    }
  }
  return new Int32Array(bounds);
}

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'doubled-word',
    ...catalogued('doubled-word', ['doubled', 'repeated']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/doubled-word.md',
    usesSegmentation: true,
    extracts: [],
    fixable: true,
  },
  check(context, { allowed, maxWords }) {
    const { doc } = context;
    const allowedSet = new Set(allowed);
    const found: Diagnostic[] = [];
    // One finding for a run of copies, from the first to the end of the last; the fix keeps the first.
    const report = (first: number, second: number, last: number, end: number, word: string, copies: number) => {
      if (word.length < 2 || allowedSet.has(word + word) || ONE_BY_ONE.test(word)) return;
      const [s, e] = doc.normalized.map.rangeToSource(second, end);
      const shown = doc.originalText(last, end) || word;
      found.push(copies === 2
        ? { start: first, end, messageId: 'doubled', data: { word: shown }, fix: { start: s, end: e, text: '' } }
        : { start: first, end, messageId: 'repeated', data: { word: shown, count: copies }, fix: { start: s, end: e, text: '' } });
    };
    const clauses = squareClauses(doc, maxWords);
    for (let i = 0; i < clauses.length; i += 2) findIn(context.doc.words(clauses[i]!, clauses[i + 1]!));
    return found;

    function findIn(tokens: Token[]): void {
      // Whether the k words at `at` repeat the k words at `from`, with nothing between any of them.
      const isCopy = (from: number, at: number, k: number): boolean => {
        for (let j = 0; j < k; j++) if (tokens[from + j]!.word !== tokens[at + j]!.word) return false;
        return adjacent(tokens, at - 1, at + k - 1);
      };
      for (let i = 0; i < tokens.length; i++) {
        let matched = false;
        // A phrase of k words repeated: 组织|的|组织|的.
        for (let k = Math.min(maxWords, Math.floor((tokens.length - i) / 2)); k >= 1 && !matched; k--) {
          if (!adjacent(tokens, i, i + k - 1) || !isCopy(i, i + k, k)) continue;
          const word = tokens.slice(i, i + k).map((t) => t.word).join('');
          if (!HAN_ONLY.test(word)) continue;
          // More copies in a row (开展开展开展) are one finding, not one per pair.
          let copies = 2;
          while (i + (copies + 1) * k <= tokens.length && isCopy(i, i + copies * k, k)) copies++;
          report(tokens[i]!.start, tokens[i + k]!.start, tokens[i + (copies - 1) * k]!.start, tokens[i + copies * k - 1]!.end, word, copies);
          i += copies * k - 1;
          matched = true;
        }
        if (matched || i + 1 >= tokens.length) continue;
        // The segmenter glued the first copy to the word before it: 劳动竞赛|竞赛.
        const a = tokens[i]!;
        const b = tokens[i + 1]!;
        if (a.end === b.start && b.word.length >= 2 && a.word.length > b.word.length && a.word.endsWith(b.word) && HAN_ONLY.test(b.word)) {
          let copies = 2;
          while (i + copies < tokens.length && tokens[i + copies]!.word === b.word && tokens[i + copies - 1]!.end === tokens[i + copies]!.start) copies++;
          report(a.end - b.word.length, b.start, tokens[i + copies - 1]!.start, tokens[i + copies - 1]!.end, b.word, copies);
          i += copies - 1;
        }
      }
    }
  },
};

export default check;

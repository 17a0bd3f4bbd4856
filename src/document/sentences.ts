// Sentences: split on 。！？；!? and paragraph ends, never inside quotes or brackets.
import type { Paragraph, Sentence } from './types.js';

const ENDS = new Set(['。', '！', '？', '；', '!', '?', ';']);
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\u3000' || ch === '\u00a0';
const PAIRS: Record<string, string | undefined> = {
  '“': '”', '‘': '’', '「': '」', '『': '』', '（': '）', '(': ')', '《': '》', '【': '】', '"': '"',
};
// A quote that does not close within this many characters is a stray mark, not a quotation.
const MAX_QUOTED = 200;

function closingIndex(text: string, open: number): number {
  const closer = PAIRS[text[open]!]!;
  const limit = Math.min(text.length, open + MAX_QUOTED);
  for (let i = open + 1; i < limit; i++) if (text[i] === closer) return i;
  return -1;
}

// Only these characters can end a sentence or open a quotation: the scan jumps between them.
const SIGNIFICANT = /[。！？；!?;“‘「『（(《【"]/g;

export function splitSentences(paragraphs: Paragraph[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    const { text } = p;
    let start = 0;
    const push = (end: number) => {
      let s = start;
      let e = end;
      while (s < e && isSpace(text[s])) s++;
      while (e > s && isSpace(text[e - 1])) e--;
      if (e > s) {
        sentences.push({ index: sentences.length, paragraph: p.index, start: p.start + s, end: p.start + e, text: text.slice(s, e) });
      }
      start = end;
    };
    SIGNIFICANT.lastIndex = 0;
    for (let m = SIGNIFICANT.exec(text); m; m = SIGNIFICANT.exec(text)) {
      let i = m.index;
      const ch = m[0];
      if (PAIRS[ch] !== undefined) {
        const close = closingIndex(text, i);
        if (close > 0) {
          // A quotation that ends its sentence: “…。” closes the sentence after the quote mark.
          if (ENDS.has(text[close - 1]!) && !ENDS.has(text[close + 1] ?? '')) push(close + 1);
          SIGNIFICANT.lastIndex = close + 1;
          continue;
        }
      }
      if (ENDS.has(ch)) {
        while (ENDS.has(text[i + 1] ?? '')) i++; // 。。 or ！？ end one sentence
        push(i + 1);
        SIGNIFICANT.lastIndex = i + 1;
      }
    }
    push(text.length);
  }
  return sentences;
}

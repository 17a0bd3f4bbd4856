// The words of one paragraph for the extractors, in paragraph offsets, clause by clause and only
// where asked: most clauses hold nothing a decision needs words for, and segmenting them all cost
// as much as the rest of the extraction together.
import type { Document, Paragraph } from '../document/index.js';
import { cutSpan, type Token } from '../segment/index.js';
import { clauseIndex } from './context.js';

export interface ParagraphWords {
  /** The words (no tags) of the clause holding paragraph offset `at`. */
  plain(at: number): Token[];
  /** The words (no tags) of the clauses covering paragraph offsets [start, end), in order. */
  plainRange(start: number, end: number): Token[];
  /** The tagged words of the clause holding paragraph offset `at`. */
  clause(at: number): Token[];
  /** The clauses of the paragraph as [start, end) in paragraph offsets, breaks excluded. */
  clauses(): [number, number][];
}

export function paragraphWords(doc: Document, p: Paragraph): ParagraphWords {
  const plainByStart = new Map<number, Token[]>();
  const tagged = new Map<number, Token[]>();
  let bounds: ReturnType<typeof clauseIndex> | null = null;
  const index = () => (bounds ??= clauseIndex(p.text));
  const plain = (at: number): Token[] => {
    const start = index().start(at);
    let tokens = plainByStart.get(start);
    if (!tokens) {
      // Cut in paragraph offsets directly, not cut in document offsets and copied.
      tokens = cutSpan(doc, p, p.start + start, p.start + index().end(at), { base: p.start });
      plainByStart.set(start, tokens);
    }
    return tokens;
  };
  return {
    plain,
    plainRange(start, end) {
      const out: Token[] = [];
      for (let at = start; at < end; ) {
        if (index().end(at) === at) {
          at++; // a break
          continue;
        }
        out.push(...plain(at));
        at = index().end(at) + 1;
      }
      return out;
    },
    clause(at) {
      const start = index().start(at);
      let tokens = tagged.get(start);
      if (!tokens) {
        tokens = cutSpan(doc, p, p.start + start, p.start + index().end(at), { pos: true, base: p.start });
        tagged.set(start, tokens);
      }
      return tokens;
    },
    clauses() {
      const out: [number, number][] = [];
      for (let at = 0; at < p.text.length; ) {
        const end = index().end(at);
        if (end > at) out.push([at, end]);
        at = end + 1;
      }
      return out;
    },
  };
}

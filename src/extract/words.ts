// The words of one paragraph for the extractors, in paragraph offsets, clause by clause and only
// where asked: most clauses hold nothing a decision needs words for, and segmenting them all cost
// as much as the rest of the extraction together.
import type { Paragraph } from '../document/index.js';
import { placeWords, tokensWithin, type Token } from '../segment/index.js';
import type { SourceCode } from '../source/source-code.js';
import { paragraphClauses } from './context.js';

export interface ParagraphWords {
  /** The words (no tags) of the clause holding paragraph offset `at`. */
  plain(at: number): Token[];
  /** The words (no tags) of the clauses covering paragraph offsets [start, end), in order (not to be changed: it may be a clause's own array). */
  plainRange(start: number, end: number): Token[];
  /** The tagged words of the clause holding paragraph offset `at`. */
  readonly clause: (at: number) => Token[];
}

/**
 * The words of paragraph `p`, clause by clause on demand. `cut`: jieba's words of the paragraph's
 * text, if the caller cut it whole already; a clause's words are then taken from it (jieba never
 * joins a clause break to its neighbours, so they are the clause's own cut), unless a word runs
 * over the clause's edge, when the clause is cut alone.
 */
export function paragraphWords(doc: SourceCode, p: Paragraph, cut?: readonly string[]): ParagraphWords {
  const plainByStart = new Map<number, Token[]>();
  const taggedByStart = new Map<number, Token[]>();
  const index = () => paragraphClauses(p);
  let whole: Token[] | null = null;
  const fromCut = (start: number, end: number): Token[] | null => tokensWithin((whole ??= placeWords(p.text, cut!)), start, end);
  const plain = (at: number): Token[] => {
    const start = index().start(at);
    // A clause tagged already (a figure's subject read it) has its words: jieba cuts the same words either way.
    let tokens = plainByStart.get(start) ?? taggedByStart.get(start);
    if (!tokens) {
      const end = index().end(at);
      // Cut in paragraph offsets directly, not cut in document offsets and copied.
      tokens = (cut && fromCut(start, end)) || doc.cut(p, p.start + start, p.start + end, { base: p.start });
      plainByStart.set(start, tokens);
    }
    return tokens;
  };
  return {
    plain,
    plainRange(start, end) {
      // One clause (the usual case): its own words, not a copy.
      if (index().start(start) === start && index().end(start) >= end) return plain(start);
      const out: Token[] = [];
      for (let at = start; at < end; ) {
        if (index().end(at) === at) {
          at++; // a break
          continue;
        }
        for (const token of plain(at)) out.push(token); // not push(...): a clause can hold 100,000 words
        at = index().end(at) + 1;
      }
      return out;
    },
    clause: taggedClauses(doc, p, taggedByStart),
  };
}

/**
 * The tagged words of the clause holding paragraph offset `at`, each clause cut once. A scope of its
 * own: a figure whose subject is read later keeps these alive, not the paragraph's plain words.
 */
function taggedClauses(doc: SourceCode, p: Paragraph, tagged: Map<number, Token[]>): (at: number) => Token[] {
  return (at) => {
    const index = paragraphClauses(p);
    const start = index.start(at);
    let tokens = tagged.get(start);
    if (!tokens) {
      tokens = doc.cut(p, p.start + start, p.start + index.end(at), { pos: true, base: p.start });
      tagged.set(start, tokens);
    }
    return tokens;
  };
}

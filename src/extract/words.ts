// The words of one paragraph for the extractors, in paragraph offsets: plain segmentation shared
// with the whole document, and POS-tagged clauses only where a decision needs the tags.
import type { Document, Paragraph } from '../document/index.js';
import { segmentDocument, tagSpan, type Token } from '../segment/index.js';
import { clauseIndex } from './context.js';

export interface ParagraphWords {
  /** Every word of the paragraph (no tags). */
  tokens(): Token[];
  /** The tagged words of the clause holding paragraph offset `at`. */
  clause(at: number): Token[];
}

const rebase = (tokens: Token[], by: number): Token[] => tokens.map((t) => ({ ...t, start: t.start - by, end: t.end - by }));

export function paragraphWords(doc: Document, p: Paragraph): ParagraphWords {
  let tokens: Token[] | null = null;
  const clauses = new Map<number, Token[]>();
  let bounds: ReturnType<typeof clauseIndex> | null = null;
  return {
    tokens: () => (tokens ??= rebase(segmentDocument(doc)[p.index]!, p.start)),
    clause(at) {
      bounds ??= clauseIndex(p.text);
      const start = bounds.start(at);
      let tagged = clauses.get(start);
      if (!tagged) {
        tagged = rebase(tagSpan(doc, p.start + start, p.start + bounds.end(at)), p.start);
        clauses.set(start, tagged);
      }
      return tagged;
    },
  };
}

// The duplicate paragraphs of a document, computed once and shared by duplicate-section and
// repeated-sentence (the same analysis must not run twice).
import { analyseDuplicates, type DuplicateFinding } from './duplicates/index.js';
import type { CheckContext } from './types.js';

export interface DuplicateAnalysis {
  findings: DuplicateFinding[];
  /** Whether paragraphs a and b are copies of one another (in one group of copies). */
  areCopies(a: number, b: number): boolean;
}

export interface DuplicateOptions {
  threshold: number;
  minChars: number;
  minBlock: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = { threshold: 0.8, minChars: 12, minBlock: 3 };

export function duplicateParagraphs(context: CheckContext, options: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS): DuplicateAnalysis {
  return context.doc.memo(`duplicates:${options.threshold}:${options.minChars}:${options.minBlock}`, () => {
    // A page title repeated as a header or footer is layout, not a copied passage.
    const { doc } = context;
    const title = doc.titleSpan ? doc.normalized.text.slice(doc.titleSpan.start, doc.titleSpan.end).trim() : null;
    const { findings, groupOf } = analyseDuplicates(doc.paragraphs.map((p) => ({ text: p.text.trim() === title ? '' : p.text })), options);
    // Paragraphs inside copied blocks: short ones (headings) are not compared on their own, but
    // they are copies all the same.
    const inBlock = new Uint8Array(doc.paragraphs.length);
    for (const f of findings) {
      if (f.kind !== 'block') continue;
      for (const [from, to] of [f.copy, f.original]) for (let i = from; i <= to; i++) inBlock[i] = 1;
    }
    return {
      findings,
      areCopies: (a, b) => (groupOf[a] !== -1 && groupOf[a] === groupOf[b]) || (inBlock[a] === 1 && inBlock[b] === 1),
    };
  });
}

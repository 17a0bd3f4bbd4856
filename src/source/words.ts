// The words of one document, cut on demand and cached: whole paragraphs, single clauses (plain or
// tagged). A SourceCode owns one; nothing else keeps words of a document, so nothing segments a
// document twice, and nothing is segmented that no stage asks for.
import type { Document, Paragraph } from '../document/index.js';
import { paragraphAt } from '../document/locate.js';
import { segment, tokensWithin, type Token } from '../segment/index.js';

export interface CutOptions {
  /** Tagged words (jieba's tag) rather than plain ones. */
  pos?: boolean;
  /** Positions count from `base` (0: document offsets). */
  base?: number;
}

/** One number for a span [start, end) of a document: the key of the per-span caches. */
const spanKey = (start: number, end: number) => start * 1_000_003 + end;

export class DocumentWords {
  private paragraphs: Token[][] | null = null;
  private readonly plainSpans = new Map<number, Token[]>();
  private readonly taggedSpans = new Map<number, Token[]>();

  constructor(private readonly doc: Document) {}

  /** The words of every paragraph (no POS), computed once: the stages that need them all share them. */
  paragraphTokens(): Token[][] {
    return (this.paragraphs ??= this.doc.paragraphs.map((p) => segment(p.text, { offset: p.start })));
  }

  /**
   * The words (no POS) of one clause of the normalised text, on demand. jieba never joins a clause
   * break (，。；：！？) to the characters around it, so a clause cut on its own gives the words the
   * whole paragraph would, and a stage that decides on a few clauses pays for those only. Served
   * from the whole-paragraph cut when a stage has already made it.
   */
  words(start: number, end: number): Token[] {
    const paragraph = this.doc.paragraphs[paragraphAt(this.doc, start)];
    if (this.paragraphs && paragraph) {
      // A merged number can straddle a break (1,200): then cut the clause itself, as without the cache.
      const within = tokensWithin(this.paragraphs[paragraph.index] ?? [], start, end);
      if (within) return within;
    }
    const key = spanKey(start, end);
    let tokens = this.plainSpans.get(key);
    if (!tokens) {
      tokens = this.cut(paragraph, start, end);
      this.plainSpans.set(key, tokens);
    }
    return tokens;
  }

  /** Words with POS tags for one clause: tagging costs twice what segmenting does, so only on demand. */
  taggedWords(start: number, end: number): Token[] {
    const key = spanKey(start, end);
    let tokens = this.taggedSpans.get(key);
    if (!tokens) {
      tokens = this.cut(undefined, start, end, { pos: true });
      this.taggedSpans.set(key, tokens);
    }
    return tokens;
  }

  /**
   * The words of [start, end) cut on their own (not cached): plain words from the paragraph's text
   * (Markdown syntax inside a block reads as spaces), tagged ones from the normalised text.
   */
  cut(paragraph: Paragraph | undefined, start: number, end: number, options: CutOptions = {}): Token[] {
    const pos = options.pos === true;
    const text = this.spanText(paragraph, start, end, pos);
    const offset = start - (options.base ?? 0);
    return segment(text, { ...(pos ? { pos: true } : {}), offset });
  }

  private spanText(paragraph: Paragraph | undefined, start: number, end: number, pos: boolean): string {
    const inParagraph = !pos && paragraph !== undefined && start >= paragraph.start && end <= paragraph.end;
    return inParagraph ? paragraph.text.slice(start - paragraph.start, end - paragraph.start) : this.doc.normalized.text.slice(start, end);
  }
}

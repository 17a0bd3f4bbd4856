// Cutting the clauses a batch of documents will need back to back, before any rule runs on them.
//
// jieba finds words in a dictionary trie of some hundred megabytes. Between two cuts, the rules'
// own work pushes the parts of it that the cuts use out of the CPU caches: a clause cut in the
// middle of a document's rules took 2.4 times as long as the same cut among thousands of others
// (measured by replaying a run's cuts; touching 2 MB of memory between cuts did the same). So the
// extractors say, from the characters, which clauses they will want words for (extract/prefetch.ts),
// those are cut here in one run per batch, and cutSpan takes them from here. They are the same cuts
// of the same strings: only when they are made changes, never what they are.
import type { Document, Paragraph } from '../document/index.js';
import { loadSegmenter, type TaggedWord } from './jieba.js';

/** A span of a document's normalised text that a stage will cut, in the terms of cutSpan. */
export interface CutRequest {
  start: number;
  end: number;
  /** The paragraph holding the span: plain words are cut from its text, as cutSpan does. */
  paragraph: Paragraph;
  /** Tagged words (jieba's tag) rather than plain ones. */
  pos?: boolean;
  /** Also tag the span when its plain words include one of these (a candidate a stage decides on tags). */
  tagIfAny?: ReadonlySet<string>;
}

interface Cuts {
  plain: Map<number, readonly string[]>;
  tagged: Map<number, readonly TaggedWord[]>;
}

const store = new WeakMap<Document, Cuts>();
const keyOf = (start: number, end: number) => start * 1_000_003 + end;

/** The text cutSpan segments for [start, end): plain words from the paragraph's text, tagged ones from the normalised text. */
export function spanText(doc: Document, paragraph: Paragraph | undefined, start: number, end: number, pos: boolean): string {
  const inParagraph = !pos && paragraph !== undefined && start >= paragraph.start && end <= paragraph.end;
  return inParagraph ? paragraph.text.slice(start - paragraph.start, end - paragraph.start) : doc.normalized.text.slice(start, end);
}

/** Cut every requested span of every document now, in one run, for cutSpan to take later. */
export function prefetchCuts(batch: readonly { doc: Document; requests: readonly CutRequest[] }[]): void {
  const jieba = loadSegmenter();
  for (const { doc, requests } of batch) {
    let cuts = store.get(doc);
    if (!cuts) store.set(doc, (cuts = { plain: new Map(), tagged: new Map() }));
    for (const r of requests) {
      const key = keyOf(r.start, r.end);
      const tag = () => {
        if (!cuts.tagged.has(key)) cuts.tagged.set(key, jieba.tag(spanText(doc, r.paragraph, r.start, r.end, true)));
      };
      if (r.pos) {
        tag();
        continue;
      }
      let words = cuts.plain.get(key);
      if (!words) cuts.plain.set(key, (words = jieba.cut(spanText(doc, r.paragraph, r.start, r.end, false))));
      if (r.tagIfAny && words.some((w) => r.tagIfAny!.has(w))) tag();
    }
  }
}

/** jieba's words (or tagged words) of [start, end) of `doc` if prefetchCuts cut them. */
export function prefetched(doc: Document, start: number, end: number, pos: boolean): readonly string[] | readonly TaggedWord[] | undefined {
  const cuts = store.get(doc);
  if (!cuts) return undefined;
  return (pos ? cuts.tagged : cuts.plain).get(keyOf(start, end));
}

// The words of the clauses a batch of documents will need, cut back to back before any rule runs.
//
// jieba finds words in a dictionary trie of some hundred megabytes. Between two cuts, the rules'
// own work pushes the parts of it that the cuts use out of the CPU caches: a clause cut in the
// middle of a document's rules took 2.4 times as long as the same cut among thousands of others
// (measured by replaying a run's cuts; touching 2 MB of memory between cuts did the same). So the
// extractors say, from the characters, which clauses they will want words for (extract/plan.ts),
// those are cut here in one run per batch, and each SourceCode takes them from its own store. They are the same cuts
// of the same strings: only when they are made changes, never what they are.
import { loadSegmenter, type TaggedWord } from './jieba.js';

/** A span of a document's normalised text to cut ahead. */
export interface CutRequest {
  start: number;
  end: number;
  /** Tagged words (jieba's tag) rather than plain ones. */
  pos?: boolean;
  /** Also tag the span when its plain words include one of these (a candidate a stage decides on tags). */
  tagIfAny?: ReadonlySet<string>;
}

type Words = readonly string[] | readonly TaggedWord[];

/** The words of a cut span, and their tags when it was tagged. */
export interface SpanWords {
  words: readonly string[];
  tags: readonly string[] | null;
}

const spanWords = (words: Words, pos: boolean): SpanWords =>
  pos ? { words: (words as readonly TaggedWord[]).map((w) => w.word), tags: (words as readonly TaggedWord[]).map((w) => w.tag) } : { words: words as readonly string[], tags: null };

/** One number for a span [start, end) of a document: the key every per-span cache uses. */
export const spanKey = (start: number, end: number) => start * 1_000_003 + end;
const TAGS: string[] = [];
const tagIds = new Map<string, number>();
function tagId(tag: string): number {
  let id = tagIds.get(tag);
  if (id === undefined) {
    id = TAGS.push(tag) - 1;
    tagIds.set(tag, id);
  }
  return id;
}

/**
 * One document's cuts made ahead. A batch's cuts live until its documents are checked, long enough
 * for the garbage collector to move jieba's strings and objects to the old generation, which
 * trebled what a run promoted. So they are kept as word lengths in one typed array: jieba's words
 * lie end to end and cover the text, and are sliced back out of it when taken.
 */
export class CutStore {
  /** At each entry: its word count n, then the n word lengths. */
  private lengths = new Int32Array(0);
  /** For a tagged entry, each word's tag (an index into TAGS), at the places of its lengths. */
  private tags = new Uint8Array(0);
  /** Entries by spanKey(start, end): where they start in `lengths`. */
  private readonly plain = new Map<number, number>();
  private readonly tagged = new Map<number, number>();
  /** A cut whose words do not add up to its text (never seen), kept as jieba gave it, by `${pos}:${key}`. */
  private readonly odd = new Map<string, SpanWords>();

  /** Cut every requested span now; `textOf` gives the text a span is cut from (plain or tagged). */
  fill(requests: readonly CutRequest[], textOf: (request: CutRequest, pos: boolean) => string): void {
    const jieba = loadSegmenter();
    const lengths: number[] = [...this.lengths];
    const tags: number[] = [...this.tags];
    const { plain, tagged, odd } = this;
    const keep = (key: number, text: string, words: Words, pos: boolean) => {
      const at = lengths.length;
      lengths.push(words.length);
      tags.push(0);
      let total = 0;
      for (const w of words) {
        const word = typeof w === 'string' ? w : w.word;
        lengths.push(word.length);
        tags.push(typeof w === 'string' ? 0 : tagId(w.tag));
        total += word.length;
      }
      if (total === text.length && TAGS.length <= 256) {
        (pos ? tagged : plain).set(key, at);
      } else {
        lengths.length = tags.length = at;
        odd.set(`${pos}:${key}`, spanWords(words, pos));
      }
    };
    const has = (key: number, pos: boolean) => (pos ? tagged : plain).has(key) || (odd.size > 0 && odd.has(`${pos}:${key}`));
    for (const r of requests) {
      const key = spanKey(r.start, r.end);
      const tag = () => {
        if (has(key, true)) return;
        const text = textOf(r, true);
        keep(key, text, jieba.tag(text), true);
      };
      if (r.pos) {
        tag();
        continue;
      }
      if (has(key, false)) continue;
      const text = textOf(r, false);
      const words = jieba.cut(text);
      keep(key, text, words, false);
      if (r.tagIfAny && words.some((w) => r.tagIfAny!.has(w))) tag();
    }
    this.lengths = Int32Array.from(lengths);
    this.tags = Uint8Array.from(tags);
  }

  /** jieba's words (and tags, for a tagged cut) of `text`, [start, end) of the document, if cut ahead. */
  take(text: string, start: number, end: number, pos: boolean): SpanWords | undefined {
    const key = spanKey(start, end);
    const at = (pos ? this.tagged : this.plain).get(key);
    if (at === undefined) return this.odd.size ? this.odd.get(`${pos}:${key}`) : undefined;
    const { lengths } = this;
    const n = lengths[at]!;
    const words: string[] = new Array(n);
    const tags: string[] | null = pos ? new Array(n) : null;
    for (let i = 0, from = 0; i < n; i++) {
      const to = from + lengths[at + 1 + i]!;
      words[i] = text.slice(from, to);
      if (tags) tags[i] = TAGS[this.tags[at + 1 + i]!]!;
      from = to;
    }
    return { words, tags };
  }
}

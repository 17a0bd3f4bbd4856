// A list of words looked up in text the way one regular expression alternating them in order would
// find them, but by a table of first characters: V8 tried each of several hundred alternatives at
// every character, which made the activity words a quarter of the extraction's time.

export interface LiteralMatch {
  index: number;
  word: string;
}

const NONE: string[] = [];

export class Literals {
  /** Code units that start some word: most characters start none and are passed over. */
  private readonly starts = new Uint8Array(0x10000);
  /** The words by their first code unit, in list order (the order an alternation tries them). */
  private readonly byFirst = new Map<number, string[]>();

  /** `words` in priority order: where two start at the same place, the earlier wins. */
  constructor(readonly words: readonly string[]) {
    for (const word of words) {
      if (!word) continue;
      const first = word.charCodeAt(0);
      this.starts[first] = 1;
      const list = this.byFirst.get(first);
      if (list) list.push(word);
      else this.byFirst.set(first, [word]);
    }
  }

  /** The first word (in list order) that starts at `at` and ends by `end`, or null. */
  matchAt(text: string, at: number, end = text.length): string | null {
    const code = text.charCodeAt(at);
    if (!this.starts[code]) return null;
    for (const word of this.byFirst.get(code)!) {
      if (at + word.length <= end && text.startsWith(word, at)) return word;
    }
    return null;
  }

  /**
   * The words that may start at `at`: those whose first code unit is the one there, in list order
   * (the caller tests each with startsWith). None for most characters; nothing is allocated.
   */
  candidatesAt(text: string, at: number): readonly string[] {
    const code = text.charCodeAt(at);
    return this.starts[code] ? this.byFirst.get(code)! : NONE;
  }

  /** Whether some word lies wholly within [start, end). */
  occursIn(text: string, start = 0, end = text.length): boolean {
    for (let i = start; i < end; i++) {
      if (this.starts[text.charCodeAt(i)] && this.matchAt(text, i, end) !== null) return true;
    }
    return false;
  }

  /** The last offset in [start, end) at which some word starts and ends by `end`, or -1. */
  lastStart(text: string, start = 0, end = text.length): number {
    for (let i = end - 1; i >= start; i--) {
      if (this.starts[text.charCodeAt(i)] && this.matchAt(text, i, end) !== null) return i;
    }
    return -1;
  }

  /** Non-overlapping matches within [start, end), leftmost first, as a global regex's matchAll gives them. */
  matches(text: string, start = 0, end = text.length): LiteralMatch[] {
    const found: LiteralMatch[] = [];
    for (let i = start; i < end; ) {
      const word = this.starts[text.charCodeAt(i)] ? this.matchAt(text, i, end) : null;
      if (word === null) {
        i++;
        continue;
      }
      found.push({ index: i, word });
      i += word.length;
    }
    return found;
  }
}

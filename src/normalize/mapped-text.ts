// Text derived from another text, with the source range of every derived code unit.
// Each normalisation step builds one of these; composing them gives the SourceMap back to the file.

/**
 * Where each code unit of a derived text came from in its source text, held as pieces: a run of
 * derived units that map unit to unit onto a run of the source (a copy, or a conversion of equal
 * length), or a run whose every unit maps to one whole source range (a replacement of another
 * length). Normalising a report gives a few pieces per line end or clean-up, not two integers per
 * character: on a 20 MB report, kilobytes instead of 58 MB a map (issue 23). A map of one piece
 * that copies the whole source is an identity, and composing with it costs nothing.
 */
const NONE = new Int32Array(0);

export class OffsetMap {
  /** Derived start of each piece (the first is 0); a piece runs to the next one's start, the last to `length`. */
  #at: Int32Array;
  /** Source start of each piece, and for a whole-range piece its source end (-1: unit to unit). */
  #from: Int32Array;
  #to: Int32Array;
  readonly #length: number;

  /** A map from arrays: derived unit i came from source [starts[i], ends[i]). (`made`: pieces already made, by the builder or compose.) */
  constructor(starts: Int32Array, ends: Int32Array, readonly sourceLength: number, made?: { pieces: PieceList; length: number }) {
    let pieces = made?.pieces;
    if (!pieces) {
      pieces = new PieceList();
      for (let i = 0; i < starts.length; i++) {
        if (ends[i] === starts[i]! + 1) pieces.unit(i, starts[i]!);
        else pieces.whole(i, starts[i]!, ends[i]!);
      }
    }
    this.#length = made ? made.length : starts.length;
    [this.#at, this.#from, this.#to] = pieces.arrays();
  }

  static identity(length: number): OffsetMap {
    return OffsetMap.fromPieces(new PieceList().unitRun(0, 0, length), length, length);
  }

  /** A map from pieces already made (the builder, compose). */
  static fromPieces(pieces: PieceList, length: number, sourceLength: number): OffsetMap {
    return new OffsetMap(NONE, NONE, sourceLength, { pieces, length });
  }

  get length(): number {
    return this.#length;
  }

  /** Whether derived unit i came from source unit i, for every i. */
  get isIdentity(): boolean {
    if (this.#length !== this.sourceLength) return false;
    if (this.#length === 0) return true;
    return this.#at.length === 1 && this.#from[0] === 0 && this.#to[0] === -1;
  }

  /** starts[i]..ends[i] is the source range that produced derived code unit i (made on demand: tests, library users). */
  get starts(): Int32Array {
    const out = new Int32Array(this.#length);
    for (let i = 0; i < this.#length; i++) out[i] = this.startOf(i);
    return out;
  }

  get ends(): Int32Array {
    const out = new Int32Array(this.#length);
    for (let i = 0; i < this.#length; i++) out[i] = this.endOf(i);
    return out;
  }

  /** The piece last found: queries come in text order mostly, so the next is usually it or the one after. */
  #last = 0;

  /** The piece holding derived unit i (0 ≤ i < length). */
  private pieceOf(i: number): number {
    const at = this.#at;
    const n = at.length;
    const last = this.#last;
    if (at[last]! <= i) {
      if (last + 1 === n || i < at[last + 1]!) return last;
      if (last + 2 === n || i < at[last + 2]!) return (this.#last = last + 1);
    }
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (at[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    this.#last = lo;
    return lo;
  }

  /** Source start of derived unit i (0 ≤ i < length). */
  private startOf(i: number): number {
    const p = this.pieceOf(i);
    return this.#to[p] === -1 ? this.#from[p]! + (i - this.#at[p]!) : this.#from[p]!;
  }

  /** Source end of derived unit i (0 ≤ i < length). */
  private endOf(i: number): number {
    const p = this.pieceOf(i);
    return this.#to[p] === -1 ? this.#from[p]! + (i - this.#at[p]!) + 1 : this.#to[p]!;
  }

  /** Source offset of derived offset `i` (i may equal length: the end of the text). */
  toSource(i: number): number {
    if (i >= this.#length) return this.sourceLength;
    return this.startOf(Math.max(0, i));
  }

  /** Source range covering derived [start, end): the first unit's start to the last unit's end. */
  rangeToSource(start: number, end: number): [number, number] {
    const s = this.toSource(start);
    if (end <= start) return [s, s];
    const last = Math.min(end, this.#length) - 1;
    return [s, Math.max(s, last < 0 ? s : this.endOf(last))];
  }

  /** The derived offset of the first unit whose source starts at or after `offset`. */
  fromSource(offset: number): number {
    // Source starts never decrease along the derived text: find the first piece whose last unit
    // starts at or after `offset`, then the unit within it.
    const at = this.#at;
    const n = at.length;
    if (this.#length === 0) return 0;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lastUnit = (mid + 1 < n ? at[mid + 1]! : this.#length) - 1;
      if (this.startOf(lastUnit) < offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === n) return this.#length;
    if (this.#to[lo] !== -1) return at[lo]!;
    return at[lo]! + Math.max(0, offset - this.#from[lo]!);
  }

  /** this: C→B, inner: B→A; result: C→A. */
  compose(inner: OffsetMap): OffsetMap {
    if (inner.isIdentity) return this;
    if (this.isIdentity) return inner;
    const out = new PieceList();
    const innerLength = inner.length;
    const n = this.#at.length;
    for (let p = 0; p < n; p++) {
      const start = this.#at[p]!;
      const stop = p + 1 < n ? this.#at[p + 1]! : this.#length;
      if (stop <= start) continue;
      const from = this.#from[p]!;
      const to = this.#to[p]!;
      if (to !== -1) {
        // Every unit of the piece maps to B's [from, to): its range in A.
        const a = from >= innerLength ? inner.sourceLength : inner.startOf(Math.max(0, from));
        const e = to > from ? Math.max(a, inner.endOf(Math.min(to, innerLength) - 1)) : a;
        out.whole(start, a, e);
        continue;
      }
      // Unit to unit onto B's [from, from + stop - start): through inner's pieces in turn.
      let b = from;
      const bEnd = from + (stop - start);
      while (b < bEnd) {
        const d = start + (b - from);
        if (b >= innerLength) {
          out.whole(d, inner.sourceLength, inner.sourceLength);
          break;
        }
        const q = inner.pieceOf(b);
        const qStop = Math.min(bEnd, q + 1 < inner.#at.length ? inner.#at[q + 1]! : innerLength);
        if (inner.#to[q] === -1) out.unitRun(d, inner.#from[q]! + (b - inner.#at[q]!), qStop - b);
        else out.whole(d, inner.#from[q]!, inner.#to[q]!);
        b = qStop;
      }
    }
    return OffsetMap.fromPieces(out, this.#length, inner.sourceLength);
  }
}

/** Pieces as they are made, in derived order, merged where one continues the other. */
export class PieceList {
  private at: number[] = [];
  private from: number[] = [];
  private to: number[] = [];
  /** Where the last unit-to-unit piece ends, derived and source (-1: the last piece is not one). */
  private nextDerived = -1;
  private nextSource = -1;

  /** Derived unit `at` maps to source unit `from`. */
  unit(at: number, from: number): this {
    return this.unitRun(at, from, 1);
  }

  /** Derived [at, at + length) map unit to unit onto source [from, from + length). */
  unitRun(at: number, from: number, length: number): this {
    if (length <= 0) return this;
    if (this.nextDerived === at && this.nextSource === from) {
      this.nextDerived += length;
      this.nextSource += length;
      return this;
    }
    this.at.push(at);
    this.from.push(from);
    this.to.push(-1);
    this.nextDerived = at + length;
    this.nextSource = from + length;
    return this;
  }

  /** Derived units from `at` (to the next piece) each map to source [from, to). */
  whole(at: number, from: number, to: number): this {
    const last = this.at.length - 1;
    this.nextDerived = -1;
    this.nextSource = -1;
    if (last >= 0 && this.to[last] !== -1 && this.from[last] === from && this.to[last] === to) return this;
    this.at.push(at);
    this.from.push(from);
    this.to.push(to);
    return this;
  }

  arrays(): [Int32Array, Int32Array, Int32Array] {
    return [Int32Array.from(this.at), Int32Array.from(this.from), Int32Array.from(this.to)];
  }
}

/** Builds a derived text from a source text step by step, recording where each unit came from. */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  // One entry per piece of the derived text: its source range, its length, and whether it maps
  // unit to unit. Filled into typed arrays once, in build().
  private readonly pieces: number[] = [];
  private length = 0;
  /** Source offset up to which the derived text is an unchanged copy; -1 once anything changed. */
  private copiedTo = 0;

  constructor(private readonly source: string) {}

  /** Copy source[start, end) unchanged. */
  keep(start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(this.source.slice(start, end));
    this.pieces.push(start, end, end - start, 1);
    this.length += end - start;
    this.copiedTo = this.copiedTo === start ? end : -1;
  }

  /**
   * Replace source[start, end) with `text`. Equal lengths map unit to unit (a character-level
   * conversion); otherwise every derived unit maps to the whole source range.
   */
  replace(start: number, end: number, text: string): void {
    this.parts.push(text);
    this.pieces.push(start, end, text.length, text.length === end - start ? 1 : 0);
    this.length += text.length;
    this.copiedTo = -1;
  }

  /** Leave source[start, end) out of the derived text. */
  drop(start: number, end: number): void {
    // Nothing maps to dropped units; the offsets around them still do.
    if (end > start) this.copiedTo = -1;
  }

  build(): { text: string; map: OffsetMap } {
    const sourceLength = this.source.length;
    if (this.copiedTo === sourceLength) return { text: this.source, map: OffsetMap.identity(sourceLength) };
    const pieces = new PieceList();
    const list = this.pieces;
    let at = 0;
    for (let p = 0; p < list.length; p += 4) {
      const start = list[p]!;
      const end = list[p + 1]!;
      const length = list[p + 2]!;
      if (length === 0) continue;
      if (list[p + 3] === 1) pieces.unitRun(at, start, length);
      else pieces.whole(at, start, end);
      at += length;
    }
    return { text: this.parts.join(''), map: OffsetMap.fromPieces(pieces, this.length, sourceLength) };
  }
}

// Text derived from another text, with the source range of every derived code unit.
// Each normalisation step builds one of these; composing them gives the SourceMap back to the file.

const NONE = new Int32Array(0);

/** Where each code unit of a derived text came from in its source text. */
export class OffsetMap {
  // Null for an identity map (a step that changed nothing, as most steps on most reports):
  // its arrays are made only if someone reads them, and composing with it costs nothing.
  #starts: Int32Array | null;
  #ends: Int32Array | null;

  constructor(starts: Int32Array, ends: Int32Array, readonly sourceLength: number) {
    this.#starts = starts;
    this.#ends = ends;
  }

  static identity(length: number): OffsetMap {
    const map = new OffsetMap(NONE, NONE, length);
    map.#starts = null;
    map.#ends = null;
    return map;
  }

  get length(): number {
    return this.#starts === null ? this.sourceLength : this.#starts.length;
  }

  /** Whether derived unit i came from source unit i, for every i. */
  get isIdentity(): boolean {
    return this.#starts === null;
  }

  /** starts[i]..ends[i] is the source range that produced derived code unit i. */
  get starts(): Int32Array {
    if (this.#starts === null) this.materialize();
    return this.#starts!;
  }

  get ends(): Int32Array {
    if (this.#ends === null) this.materialize();
    return this.#ends!;
  }

  private materialize(): void {
    const starts = new Int32Array(this.length);
    const ends = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    this.#starts = starts;
    this.#ends = ends;
  }

  /** Source offset of derived offset `i` (i may equal length: the end of the text). */
  toSource(i: number): number {
    if (i >= this.length) return this.sourceLength;
    const at = Math.max(0, i);
    return this.#starts === null ? at : this.#starts[at]!;
  }

  /** Source range covering derived [start, end): the first unit's start to the last unit's end. */
  rangeToSource(start: number, end: number): [number, number] {
    const s = this.toSource(start);
    if (end <= start) return [s, s];
    const last = Math.min(end, this.length) - 1;
    return [s, Math.max(s, this.#ends === null ? last + 1 : this.#ends[last]!)];
  }

  /** The derived offset of the first unit whose source starts at or after `offset`. */
  fromSource(offset: number): number {
    if (this.#starts === null) return Math.min(Math.max(offset, 0), this.length);
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** this: C→B, inner: B→A; result: C→A. */
  compose(inner: OffsetMap): OffsetMap {
    // Builders never give a unit an end before its start, so an identity on either side leaves
    // the other map as it is.
    if (inner.isIdentity) return this;
    if (this.isIdentity) return inner;
    const n = this.length;
    const from = this.#starts!;
    const to = this.#ends!;
    const innerStarts = inner.#starts!;
    const innerEnds = inner.#ends!;
    const innerLength = inner.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = from[i]!;
      const e = to[i]!;
      const a = s >= innerLength ? inner.sourceLength : innerStarts[Math.max(0, s)]!;
      starts[i] = a;
      ends[i] = e > s ? Math.max(a, innerEnds[Math.min(e, innerLength) - 1]!) : a;
    }
    return new OffsetMap(starts, ends, inner.sourceLength);
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
    const starts = new Int32Array(this.length);
    const ends = new Int32Array(this.length);
    const pieces = this.pieces;
    let at = 0;
    for (let p = 0; p < pieces.length; p += 4) {
      const start = pieces[p]!;
      const end = pieces[p + 1]!;
      const length = pieces[p + 2]!;
      const unitToUnit = pieces[p + 3] === 1;
      for (let i = 0; i < length; i++, at++) {
        starts[at] = unitToUnit ? start + i : start;
        ends[at] = unitToUnit ? start + i + 1 : end;
      }
    }
    return { text: this.parts.join(''), map: new OffsetMap(starts, ends, sourceLength) };
  }
}

// Text derived from another text, with the source range of every derived code unit.
// Each normalisation step builds one of these; composing them gives the SourceMap back to the file.

/** Where each code unit of a derived text came from in its source text. */
export class OffsetMap {
  /** starts[i]..ends[i] is the source range that produced derived code unit i. */
  constructor(
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly sourceLength: number,
  ) {}

  static identity(length: number): OffsetMap {
    const starts = new Int32Array(length);
    const ends = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return new OffsetMap(starts, ends, length);
  }

  get length(): number {
    return this.starts.length;
  }

  /** Source offset of derived offset `i` (i may equal length: the end of the text). */
  toSource(i: number): number {
    if (i >= this.starts.length) return this.sourceLength;
    return this.starts[Math.max(0, i)]!;
  }

  /** Source range covering derived [start, end): the first unit's start to the last unit's end. */
  rangeToSource(start: number, end: number): [number, number] {
    const s = this.toSource(start);
    if (end <= start) return [s, s];
    const last = Math.min(end, this.starts.length) - 1;
    return [s, Math.max(s, this.ends[last]!)];
  }

  /** The derived offset of the first unit whose source starts at or after `offset`. */
  fromSource(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** this: C→B, inner: B→A; result: C→A. */
  compose(inner: OffsetMap): OffsetMap {
    const n = this.starts.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = this.starts[i]!;
      const e = this.ends[i]!;
      const a = inner.toSource(s);
      starts[i] = a;
      ends[i] = e > s ? Math.max(a, inner.ends[Math.min(e, inner.length) - 1]!) : a;
    }
    return new OffsetMap(starts, ends, inner.sourceLength);
  }
}

/** Builds a derived text from a source text step by step, recording where each unit came from. */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(private readonly source: string) {}

  /** Copy source[start, end) unchanged. */
  keep(start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(this.source.slice(start, end));
    for (let i = start; i < end; i++) {
      this.starts.push(i);
      this.ends.push(i + 1);
    }
  }

  /**
   * Replace source[start, end) with `text`. Equal lengths map unit to unit (a character-level
   * conversion); otherwise every derived unit maps to the whole source range.
   */
  replace(start: number, end: number, text: string): void {
    this.parts.push(text);
    const oneToOne = text.length === end - start;
    for (let i = 0; i < text.length; i++) {
      this.starts.push(oneToOne ? start + i : start);
      this.ends.push(oneToOne ? start + i + 1 : end);
    }
  }

  /** Leave source[start, end) out of the derived text. */
  drop(_start: number, _end: number): void {
    // Nothing maps to dropped units; the offsets around them still do.
  }

  build(): { text: string; map: OffsetMap } {
    return {
      text: this.parts.join(''),
      map: new OffsetMap(Int32Array.from(this.starts), Int32Array.from(this.ends), this.source.length),
    };
  }
}

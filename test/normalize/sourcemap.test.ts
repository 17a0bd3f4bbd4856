// The SourceMap maps every offset of the normalised text back to the original: proved over every
// corpus file (also with CRLF and CR line ends) and over random text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MappedTextBuilder, normalize, OffsetMap, type NormalizedText } from '../../src/normalize/index.js';
import { CORPUS_FILES, corpusText } from '../helpers/corpus.js';

const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ％．]/;

/** The invariants of a SourceMap; returns the number of offsets checked. */
function checkMap(original: string, n: NormalizedText): number {
  const { map, text } = n;
  expect(map.length).toBe(text.length);
  expect(map.sourceLength).toBe(original.length);
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const [s, e] = map.rangeToSource(i, i + 1);
    // Inside the original, in order, and each unit comes from a non-empty original range.
    expect(s).toBeGreaterThanOrEqual(0);
    expect(e).toBeLessThanOrEqual(original.length);
    expect(e).toBeGreaterThan(s);
    expect(s).toBeGreaterThanOrEqual(previous);
    // Round trip: the original offset leads back to this unit, or to the first unit of a
    // conversion that turned one character into several.
    const back = map.fromSource(s);
    expect(back).toBeLessThanOrEqual(i);
    expect(map.rangeToSource(back, back + 1)[0]).toBe(s);
    if (s > previous) expect(back).toBe(i);
    previous = s;
    // ASCII letters and digits come from themselves or their full-width form.
    const ch = text[i]!;
    if (/[0-9A-Za-z%]/.test(ch)) {
      const source = original.slice(s, e);
      expect(source === ch || (FULL_WIDTH.test(source) && String.fromCharCode(source.charCodeAt(0) - 0xfee0) === ch)).toBe(true);
    }
    if (ch === '\n') expect(['\n', '\r', '\r\n']).toContain(original.slice(s, e));
  }
  expect(map.toSource(text.length)).toBe(original.length);
  return text.length;
}

describe('SourceMap over the corpus', () => {
  for (const file of CORPUS_FILES) {
    it(`maps every offset of ${file} back to the original, with LF, CRLF and CR line ends`, () => {
      const lf = corpusText(file.slice(0, 3));
      for (const original of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
        const checked = checkMap(original, normalize(original));
        expect(checked).toBeGreaterThan(1000);
      }
    });
  }
});

describe('SourceMap over random text', () => {
  // Text built from the pieces real drafts are made of, so every normalisation step is exercised.
  const pieces = fc.constantFrom(
    '總結', '学习', '工會', '員工', '，', '。', '\n', '\r\n', '\r', '１２', '３．５', '％', 'ＡＢ', '12', '2.5万', '(jié)', '(xué)',
    'F(xiàn)將', '?rdquo;', '&ldquo;', '民-主', '的.第', '11.28', '2-3次', '202_', 'xx', '__', ' ', '𠀋', 'a', '(', ')', '-', '.',
  );
  it('holds for any mix of scripts, widths, line ends and artifacts', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const original = parts.join('');
        checkMap(original, normalize(original));
      }),
      { numRuns: 400, seed: 20261122 },
    );
  });
  it('holds for arbitrary Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (original) => {
        checkMap(original, normalize(original));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('identity maps (a step that changed nothing)', () => {
  const materialized = (length: number) => {
    const builder = new MappedTextBuilder('x'.repeat(length));
    for (let i = 0; i < length; i++) builder.replace(i, i + 1, 'y'); // unit to unit: an identity, in arrays
    return builder.build().map;
  };

  it('answer as the same map held in arrays does', () => {
    const lazy = OffsetMap.identity(5);
    const eager = materialized(5);
    expect(lazy.isIdentity).toBe(true);
    // Replacements of equal length map unit to unit: the pieces merge into one identity (issue 23).
    expect(eager.isIdentity).toBe(true);
    for (let i = 0; i <= 6; i++) {
      expect(lazy.toSource(i)).toBe(eager.toSource(i));
      expect(lazy.fromSource(i)).toBe(eager.fromSource(i));
      for (let j = i; j <= 6; j++) expect(lazy.rangeToSource(i, j)).toEqual(eager.rangeToSource(i, j));
    }
    expect([...lazy.starts]).toEqual([...eager.starts]);
    expect([...lazy.ends]).toEqual([...eager.ends]);
    expect(lazy.length).toBe(5);
  });

  it('leave the other map as it is when composed, on either side', () => {
    const builder = new MappedTextBuilder('ab\r\ncd');
    builder.keep(0, 2);
    builder.replace(2, 4, '\n');
    builder.keep(4, 6);
    const crlf = builder.build().map;
    const viaArrays = crlf.compose(materialized(6));
    expect(crlf.compose(OffsetMap.identity(6))).toBe(crlf);
    expect(OffsetMap.identity(5).compose(crlf)).toBe(crlf);
    expect([...crlf.starts]).toEqual([...viaArrays.starts]);
    expect([...crlf.ends]).toEqual([...viaArrays.ends]);
    expect([...materialized(5).compose(crlf).ends]).toEqual([...crlf.ends]);
  });

  it('come from a builder that only copied, and from normalising text that needs nothing', () => {
    const builder = new MappedTextBuilder('工作总结');
    builder.keep(0, 2);
    builder.keep(2, 4);
    expect(builder.build()).toMatchObject({ text: '工作总结', map: { isIdentity: true } });
    expect(normalize('发展会员20人。\n工作总结').map.isIdentity).toBe(true);
    expect(normalize('發展會員20人。\n工作總結').map.isIdentity).toBe(true);
    expect(normalize('发展会员20人。\r\n工作总结').map.isIdentity).toBe(false);
  });
});

// The map is held as pieces (issue 23: two integers per character were 58 MB a map on 20 MB): it
// answers as the arrays it replaced did, built and composed.
describe('OffsetMap as pieces, against the arrays it replaced', () => {
  type Op = ['keep' | 'drop', number] | ['replace', number, string];
  /** The arrays the builder made before: derived unit i → source [starts[i], ends[i]). */
  function naive(source: string, ops: Op[]): { text: string; starts: number[]; ends: number[] } {
    let at = 0;
    let text = '';
    const starts: number[] = [];
    const ends: number[] = [];
    for (const op of ops) {
      const end = Math.min(source.length, at + op[1]);
      if (op[0] === 'keep') for (let i = at; i < end; i++) { starts.push(i); ends.push(i + 1); text += source[i]; }
      if (op[0] === 'replace') {
        const unit = op[2].length === end - at;
        for (let k = 0; k < op[2].length; k++) { starts.push(unit ? at + k : at); ends.push(unit ? at + k + 1 : end); }
        text += op[2];
      }
      at = end;
    }
    for (let i = at; i < source.length; i++) { starts.push(i); ends.push(i + 1); text += source[i]; }
    return { text, starts, ends };
  }
  function build(source: string, ops: Op[]) {
    const b = new MappedTextBuilder(source);
    let at = 0;
    for (const op of ops) {
      const end = Math.min(source.length, at + op[1]);
      if (op[0] === 'keep') b.keep(at, end);
      else if (op[0] === 'drop') b.drop(at, end);
      else b.replace(at, end, op[2]);
      at = end;
    }
    b.keep(at, source.length);
    return b.build();
  }
  const op = fc.oneof(
    fc.tuple(fc.constantFrom('keep' as const, 'drop' as const), fc.integer({ min: 0, max: 6 })),
    fc.tuple(fc.constant('replace' as const), fc.integer({ min: 0, max: 4 }), fc.string({ maxLength: 4 })),
  ) as fc.Arbitrary<Op>;
  const source = fc.string({ maxLength: 30 });

  it('built by steps: every unit, range and way back as the arrays said', () => {
    fc.assert(fc.property(source, fc.array(op, { maxLength: 12 }), (text, ops) => {
      const { map, text: derived } = build(text, ops);
      const want = naive(text, ops);
      expect(derived).toBe(want.text);
      expect([...map.starts]).toEqual(want.starts);
      expect([...map.ends]).toEqual(want.ends);
      const arrays = new OffsetMap(Int32Array.from(want.starts), Int32Array.from(want.ends), text.length);
      for (let i = 0; i <= derived.length + 1; i++) {
        expect(map.toSource(i)).toBe(arrays.toSource(i));
        for (let j = i; j <= derived.length + 1; j++) expect(map.rangeToSource(i, j)).toEqual(arrays.rangeToSource(i, j));
      }
      for (let o = 0; o <= text.length + 1; o++) {
        // The first unit whose source starts at or after o, as a linear scan of the arrays finds it.
        const first = want.starts.findIndex((s) => s >= o);
        expect(map.fromSource(o)).toBe(first < 0 ? want.starts.length : first);
      }
    }), { numRuns: 400, seed: 23 });
  });

  it('composed: C→B after B→A as composing the arrays unit by unit', () => {
    fc.assert(fc.property(source, fc.array(op, { maxLength: 10 }), fc.array(op, { maxLength: 10 }), (text, first, second) => {
      const inner = build(text, first);
      const outer = build(inner.text, second);
      const composed = outer.map.compose(inner.map);
      const is = [...inner.map.starts];
      const ie = [...inner.map.ends];
      const n = inner.text.length;
      const starts = [...outer.map.starts].map((s) => (s >= n ? text.length : is[Math.max(0, s)]!));
      const ends = [...outer.map.ends].map((e, k) => {
        const s = outer.map.starts[k]!;
        return e > s ? Math.max(starts[k]!, ie[Math.min(e, n) - 1]!) : starts[k]!;
      });
      expect([...composed.starts]).toEqual(starts);
      expect([...composed.ends]).toEqual(ends);
      expect(composed.sourceLength).toBe(text.length);
    }), { numRuns: 400, seed: 24 });
  });
});

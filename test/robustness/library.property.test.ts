// Robustness of the library over hostile, broken and odd text: nothing throws, every position lies
// inside the original and agrees with its line:column and with the SourceMap, every quoted text is
// the original slice, also on big and pathological inputs. That those finish within a generous bound,
// and that run time grows linearly (n against 4n), is timed by `npm run bench` (bench/bounds.js).
import { SourceCode } from '../../src/source/source-code.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { extractDocument, type Extraction } from '../../src/extract/index.js';
import { lintDocument } from '../../src/lint/engine.js';
import { loadLintConfig } from '../../src/lint/run.js';
import { applyFixes } from '../../src/lint/fix.js';
import { loadLexicon } from '../../src/config/lexicon.js';
import type { LintResult } from '../../src/lint/types.js';
import { tally } from './tally.js';
// @ts-expect-error plain ESM helper without types
import { LINEAR_INPUTS, LINEAR_N } from '../helpers/linear-inputs.mjs';

const count = tally('library.property');
const lexicon = loadLexicon();
const config = loadLintConfig({ preset: 'union-annual' });

// ---------------------------------------------------------------------------------------------
// The invariants

/** Line starts computed independently of LineIndex: LF, CR and CRLF each end one line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function place(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

class Invariant extends Error {}
function ensure(condition: boolean, what: () => string): void {
  if (!condition) throw new Invariant(what());
}

interface Placed {
  line: number;
  column: number;
  offset: number;
  endLine?: number;
  endColumn?: number;
  endOffset?: number;
}

/** Check everything the library reported about `doc`; returns how many positions were checked. */
function checkAll(doc: SourceCode, extraction: Extraction, lint: LintResult): number {
  const original = doc.original;
  const n = original.length;
  const starts = lineStarts(original);
  let checked = 0;
  const at = (what: string, p: Placed) => {
    checked++;
    ensure(Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= n, () => `${what}: offset ${p.offset} outside 0..${n}`);
    const ref = place(starts, p.offset);
    ensure(p.line === ref.line && p.column === ref.column, () => `${what}: ${p.line}:${p.column} but offset ${p.offset} is ${ref.line}:${ref.column}`);
    ensure(doc.lines.offset(p.line, p.column) === p.offset, () => `${what}: ${p.line}:${p.column} does not lead back to offset ${p.offset}`);
    if (p.endLine !== undefined && p.endColumn !== undefined) {
      if (p.endOffset !== undefined) {
        ensure(p.endOffset >= p.offset && p.endOffset <= n, () => `${what}: end ${p.endOffset} outside ${p.offset}..${n}`);
        const end = place(starts, p.endOffset);
        ensure(p.endLine === end.line && p.endColumn === end.column, () => `${what}: end ${p.endLine}:${p.endColumn} but ${end.line}:${end.column}`);
      } else {
        ensure(p.endLine >= 1 && p.endLine <= starts.length, () => `${what}: end line ${p.endLine}`);
        const endOffset = doc.lines.offset(p.endLine, p.endColumn);
        ensure(endOffset >= p.offset && endOffset <= n, () => `${what}: end ${p.endLine}:${p.endColumn} before start or outside`);
      }
    }
  };
  const { map, text: normalized } = doc.normalized;
  ensure(map.length === normalized.length && map.sourceLength === n, () => 'SourceMap size');
  /** A normalised span maps to the reported original range, and the original start leads back. */
  const roundTrip = (what: string, span: { start: number; end: number }, p: Placed) => {
    ensure(span.start >= 0 && span.start <= span.end && span.end <= normalized.length, () => `${what}: span ${span.start}-${span.end} outside the normalised text`);
    const [s, e] = map.rangeToSource(span.start, span.end);
    ensure(s === p.offset && e === p.endOffset, () => `${what}: span maps to ${s}-${e}, reported ${p.offset}-${p.endOffset}`);
    const back = map.fromSource(s);
    ensure(back <= span.start, () => `${what}: offset ${s} leads back to ${back}, after the span start ${span.start}`);
    if (back < map.length) ensure(map.toSource(back) === s, () => `${what}: offset ${s} leads back to a unit from ${map.toSource(back)}`);
  };
  const sliceOf = (p: Placed) => original.slice(p.offset, p.endOffset);

  for (const f of extraction.figures) {
    at('figure', f);
    roundTrip('figure', f.span, f);
    ensure(f.text === sliceOf(f), () => `figure text ${JSON.stringify(f.text)} is not the original ${JSON.stringify(sliceOf(f))}`);
    ensure(Number.isFinite(f.value), () => `figure value ${f.value}`);
  }
  for (const p of extraction.placeholders) {
    at('placeholder', p);
    roundTrip('placeholder', p.span, p);
    ensure(p.text === sliceOf(p), () => `placeholder text ${JSON.stringify(p.text)} is not the original`);
  }
  for (const b of extraction.blanks) {
    at('blank', b);
    roundTrip('blank', b.span, b);
    ensure(original.slice(b.endOffset - b.context.length, b.endOffset) === b.context, () => `blank context ${JSON.stringify(b.context)} is not the original before it`);
  }
  for (const a of extraction.activities) {
    at('activity', a);
    roundTrip('activity', a.span, a);
    ensure(a.text === sliceOf(a), () => `activity text ${JSON.stringify(a.text)} is not the original`);
  }
  for (const m of lint.messages) {
    at(`lint ${m.ruleId}`, m);
    for (const r of m.related ?? []) at(`related of ${m.ruleId}`, r);
    if (m.fix) {
      const [a, b] = m.fix.range;
      ensure(a >= 0 && a <= b && b <= n, () => `fix range ${a}-${b} outside 0..${n}`);
    }
  }
  for (const artifact of doc.normalized.artifacts) {
    ensure(artifact.start >= 0 && artifact.start <= artifact.end && artifact.end <= n, () => `artifact ${artifact.start}-${artifact.end}`);
    ensure(original.slice(artifact.start, artifact.end) === artifact.text, () => 'artifact text is not the original');
  }
  for (const list of [doc.paragraphs, doc.sentences]) {
    for (const s of list) {
      ensure(s.start >= 0 && s.start <= s.end && s.end <= normalized.length && s.text.length === s.end - s.start, () => `block ${s.start}-${s.end}`);
    }
  }
  for (const s of doc.sections) {
    ensure(s.start >= 0 && s.start <= s.headingEnd && s.headingEnd <= s.end && s.end <= normalized.length, () => `section ${s.start}-${s.headingEnd}-${s.end}`);
    ensure(s.parent === null || (s.parent >= 0 && s.parent < s.id), () => `section parent ${s.parent}`);
  }
  return checked;
}

/** The whole library on one text: parse, extract, lint, and the fixes applied and read again. */
function analyse(path: string, text: string): { doc: SourceCode; extraction: Extraction; lint: LintResult } {
  const doc = SourceCode.fromText(path, text);
  const extraction = extractDocument(doc, { lexicon });
  const lint = lintDocument(doc, config, { lexicon });
  return { doc, extraction, lint };
}

function property(kind: string, text: string): void {
  for (const path of ['draft.txt', 'draft.md']) {
    const { doc, extraction, lint } = analyse(path, text);
    checkAll(doc, extraction, lint);
    // --fix on any text yields text the library still reads.
    const { text: fixed, applied } = applyFixes(text, lint.messages);
    if (applied) {
      const again = analyse(path, fixed);
      checkAll(again.doc, again.extraction, again.lint);
    }
    count(`${kind} (${path.endsWith('.md') ? 'md' : 'txt'})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Generators

const hostile = fc.constantFrom(
  '\0', '\x01', '\x07', '\b', '\v', '\f', '\x1b', '\x7f', '\u0085', '\u00a0', '\u3000',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u2028', '\u2029', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  '\u0301', '\u0308', '\u20dd', 'e\u0301', '中\u0301\u0308', '１\u20e3',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '\ud83d', '😀', '👨‍👩‍👧',
  '𠀋', '𪚥', '𠮷', '\u{2A6D6}', '\u{30000}', '𠀋人', '20𠀋人',
  '\r', '\n', '\r\n', '\n\r', '\r\r\n', '\t', ' ',
);
const reportPieces = fc.constantFrom(
  '總結', '学习', '工會', '員工', '，', '。', '；', '：', '“', '”', '、', '１２', '３．５', '％', 'ＡＢ', '12', '2.5万', '35.705萬元', '134138.78元', '1.9W',
  '(jié)', '(xué)', 'F(xiàn)將', '?rdquo;', '&ldquo;', '&#20013;', '&#9999999;', '民-主', '的.第', '2-3次', '6000—10000元', '5至8万元',
  '202_', '20xx', 'xx', 'XX', '__', '××', '○○', '某某', 'X月X日', '~年', '**', '共征集', '累计发放', '走访慰问', '人次', '人', '名', '项', '万余元', '%以上', '公司现有员工人',
  '开展开展', '一、', '(一)', '（二）', '1.', '1、', '①', '⒈', '篇1', '第一章', '参加人数', '其中', '另有', '合计', '共计', '去年', '新增', '率', '120%', '2023年', '2019年度', '4月28日',
  '三枚', '百人以上', '一是', '组织开展', '劳动竞赛', '九成', '近200名', '600余人次', '存在问题', '下一步工作', '会员', '提案', '帮扶',
  '<!-- zongjie-disable -->', '<!-- zongjie-enable -->', '<!-- zongjie-disable-next-line placeholder -->',
);
const markdownPieces = fc.constantFrom(
  '# ', '## ', '###### ', '####### ', '> ', '>', '- ', '* ', '+ ', '1. ', '1) ', '  ', '    ', '```', '~~~', '`', '**', '*', '_', '__',
  '[', ']', '(', ')', '![', '](', '<', '<div>', '</div>', '<!--', '-->', '|', '|---|', '\\', '&amp;', '&', '---', '===', '\n\n', '[^1]', '[x]: http://a',
  'http://a.b', '<http://a>', '$$', '<br>',
);
const anyText = fc.oneof(
  { weight: 3, arbitrary: hostile },
  { weight: 4, arbitrary: reportPieces },
  { weight: 2, arbitrary: markdownPieces },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 6 }) },
);
const text = (maxLength: number) => fc.array(anyText, { maxLength }).map((parts) => parts.join(''));

/** Markdown lines opening with random containers, nested deep, with report text in them. */
const nestedMarkdown = fc
  .array(
    fc.tuple(
      fc.array(fc.constantFrom('> ', '>', '- ', '* ', '1. ', '  ', '    ', '\t', '# ', '```'), { maxLength: 40 }),
      text(8),
      fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.map(([prefix, body, end]) => prefix.join('') + body + end).join(''));

const SEED = 20261122;

describe('properties over hostile text (nothing throws, every position inside and agreeing)', () => {
  it('arbitrary Unicode: surrogate pairs, lone surrogates, NUL, control and RTL marks, combining marks, CJK Extension B', () => {
    fc.assert(fc.property(text(60), (t) => property('unicode text', t)), { numRuns: 600, seed: SEED });
  });
  it('report-like text with every kind of figure, placeholder, blank, artifact and outline mark', () => {
    fc.assert(
      fc.property(fc.array(reportPieces, { maxLength: 120 }), (parts) => property('report pieces', parts.join(''))),
      { numRuns: 400, seed: SEED + 1 },
    );
  });
  it('deeply nested or malformed Markdown', () => {
    fc.assert(fc.property(nestedMarkdown, (t) => property('nested markdown', t)), { numRuns: 300, seed: SEED + 2 });
  });
  it('random code units (any UTF-16 sequence)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }), (units) => property('random code units', String.fromCharCode(...units))),
      { numRuns: 300, seed: SEED + 3 },
    );
  });
  it('holds on the text the fast-check shrinker is fond of: empty, one character, only line ends', () => {
    for (const t of ['', ' ', '\n', '\r', '\r\n', '\n\n\n', '\0', '\ud800', '。', 'xx', '#', '>', '-', '1.', '```', '|', '人']) property('edge cases', t);
  });
});

// ---------------------------------------------------------------------------------------------
// Big and pathological inputs: read right, every position agreeing (how long each takes, within a
// generous bound, is checked by `npm run bench`: bench/bounds.js)

describe('big and pathological inputs', () => {
  it('10 MB on one line', { timeout: 240_000 }, () => {
    const plain = '全面加强思想政治引领，增强工会组织活力，深入学习贯彻新时代中国特色社会主义思想。';
    const counted = '全年发展新会员20人，发放慰问金xx万元。';
    const parts: string[] = [];
    let length = 0;
    let specials = 0;
    for (let i = 0; length < 10 * 1024 * 1024; i++) {
      const part = i % 20 === 19 ? counted : plain;
      if (part === counted) specials++;
      parts.push(part);
      length += part.length;
    }
    const line = parts.join('');
    const value = analyse('long-line.txt', line);
    checkAll(value.doc, value.extraction, value.lint);
    // Every 20人 and every xx, at the right place.
    expect(value.extraction.figures.filter((f) => f.text === '20人')).toHaveLength(specials);
    expect(value.extraction.placeholders).toHaveLength(specials);
    expect(value.doc.lines.lineCount).toBe(1);
    const last = value.extraction.placeholders.at(-1)!;
    expect(line.slice(last.offset, last.endOffset)).toBe('xx');
    expect(last.offset).toBe(line.lastIndexOf('xx'));
    count('10 MB one line');
  });

  it('10,000 placeholders in a row', { timeout: 120_000 }, () => {
    const kinds = ['xx', '20xx年', '202_年', '__', '某某', '××', 'X月X日'];
    const line = `${Array.from({ length: 10_000 }, (_, i) => kinds[i % kinds.length]).join('，')}。`;
    const value = analyse('placeholders.txt', line);
    checkAll(value.doc, value.extraction, value.lint);
    expect(value.extraction.placeholders).toHaveLength(10_000);
    expect(value.lint.messages.filter((m) => m.ruleId === 'placeholder')).toHaveLength(10_000);
    expect(new Set(value.extraction.placeholders.map((p) => p.kind))).toEqual(new Set(['x', 'year', 'underscore', 'someone', 'cross', 'date']));
    count('10,000 placeholders');
  });

  it('50,000 numbers in a row, with and without separators', { timeout: 180_000 }, () => {
    for (const separator of ['', '，']) {
      const line = Array.from({ length: 50_000 }, (_, i) => `${i}人`).join(separator);
      const value = analyse('numbers.txt', line);
      checkAll(value.doc, value.extraction, value.lint);
      expect(value.extraction.figures).toHaveLength(50_000);
      expect(value.extraction.figures[12_345]).toMatchObject({ value: 12_345, unit: '人', text: '12345人' });
      count('50,000 numbers');
    }
  });

  it('5,000 nested blockquotes and lists in Markdown', { timeout: 120_000 }, () => {
    const cases = [
      `${'>'.repeat(5000)} 共有会员xx人\n`,
      `${'> '.repeat(5000)}共有会员xx人\n`,
      `${'- '.repeat(5000)}共有会员xx人\n`,
      `${'1. '.repeat(5000)}共有会员xx人\n`,
      Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i % 64)}- 共有会员xx人`).join('\n'),
      Array.from({ length: 5000 }, () => '> - 1. 共有会员xx人').join('\n'),
      Array.from({ length: 5000 }, (_, i) => `${'>'.repeat(i % 200)} 共有会员xx人`).join('\n'),
    ];
    for (const t of cases) {
      const value = analyse('nested.md', t);
      checkAll(value.doc, value.extraction, value.lint);
      const expected = t.split('xx').length - 1;
      expect(value.extraction.placeholders).toHaveLength(expected);
      for (const p of value.extraction.placeholders) expect(p.text).toBe('xx');
      count('5,000 nested markdown');
    }
  });

  it('malformed Markdown inline syntax thousands of times in one paragraph', { timeout: 120_000 }, () => {
    for (const piece of ['**一**', '*a', '[a](', '[', '`a', '<a ', '_a ', '![x](', '**共有会员xx人']) {
      const t = piece.repeat(20_000);
      const value = analyse('inline.md', t);
      checkAll(value.doc, value.extraction, value.lint);
      count('malformed markdown inline');
    }
  });

  it('20,000 identical paragraphs', { timeout: 180_000 }, () => {
    const paragraph = '全年开展职工培训三期，参加人数达到两百人次，发放慰问金xx万元。';
    for (const path of ['same.txt', 'same.md']) {
      const t = `${paragraph}\n\n`.repeat(20_000);
      const value = analyse(path, t);
      checkAll(value.doc, value.extraction, value.lint);
      expect(value.extraction.placeholders).toHaveLength(20_000);
      expect(value.doc.paragraphs).toHaveLength(20_000);
      // Every copy after the first is reported once, pointing back at an earlier one.
      const copies = value.lint.messages.filter((m) => m.ruleId === 'duplicate-section' || m.ruleId === 'repeated-sentence');
      expect(copies.length).toBeGreaterThan(0);
      for (const m of copies) expect(m.related?.[0]?.offset ?? 0).toBeLessThan(m.offset);
      count('20,000 identical paragraphs');
    }
  });

  it('long runs of one character: letters, CJK, digits, punctuation, spaces, line ends, NUL', { timeout: 120_000 }, () => {
    for (const ch of ['x', 'a', '中', '𠀋', '1', '一', '。', '，', ' ', '\n', '\r', '\r\n', '\0', '_', '*', '-', '(', '\u202e', '\u0301']) {
      const t = ch.repeat(Math.floor(200_000 / ch.length));
      const value = analyse('run.txt', t);
      checkAll(value.doc, value.extraction, value.lint);
      count('long runs of one character');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The inputs whose analysis once took quadratic time (test/helpers/linear-inputs.mjs): that it now
// grows linearly (n against 4n, best of three, ratio under 8) is measured by `npm run bench`
// (bench/bounds.js), not here, where a busy machine made the ratio flaky; here, every position the
// library reports on the input of size n is checked.

describe('inputs that once took quadratic time (timed by bench/bounds.js)', () => {
  for (const [name, path, make] of LINEAR_INPUTS) {
    it(name, { timeout: 120_000 }, () => {
      const { doc, extraction, lint } = analyse(path, make(LINEAR_N));
      expect(() => checkAll(doc, extraction, lint)).not.toThrow();
      count('inputs timed for linearity, at n');
    });
  }
});

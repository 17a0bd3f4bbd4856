// Defect injection: clean, hand-written reports of eight kinds (test/fixtures/clean) get one defect
// per variant at a random place (seeded, so every run injects the same), and `zongjie check` must
// report a message of the injected kind on the line where the defect landed. Recall per kind is
// printed as a table and must be at least 0.95; the clean originals must give no message of the
// five kinds at all (whatever they do give is printed, so a false positive is visible).
import { seededRandom } from '../../src/rules/duplicates/hash.js';
import { SourceCode } from '../../src/source/source-code.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { lintDocument } from '../../src/lint/engine.js';
import { loadLintConfig } from '../../src/lint/run.js';
import type { LintMessage } from '../../src/lint/types.js';
import { loadLexicon } from '../../src/config/lexicon.js';
import { segment } from '../../src/segment/index.js';

const CLEAN_DIR = join(import.meta.dirname, '..', 'fixtures', 'clean');
const FILES = readdirSync(CLEAN_DIR).filter((f) => f.endsWith('.txt')).sort();
const TEXTS = new Map(FILES.map((f) => [f, readFileSync(join(CLEAN_DIR, f), 'utf8')]));

const KINDS = ['placeholder', 'blank-count', 'doubled-word', 'duplicate-section', 'repeated-sentence'] as const;
type Kind = (typeof KINDS)[number];

const SEED = 20240617;
/** Variants per kind and clean text (fewer only when a text has fewer places to inject). */
const PER_TEXT = 10;
const MIN_VARIANTS = 40;
const MIN_RECALL = 0.95;

const config = loadLintConfig({ preset: 'recommended' });
const lexicon = loadLexicon();
const lint = (path: string, text: string) => lintDocument(SourceCode.fromText(path, text), config, { lexicon }).messages;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** The library's seeded generator (mulberry32) as numbers in [0, 1): the same input on every run. */
function seeded(seed: number): () => number {
  const next = seededRandom(seed);
  return () => next() / 4294967296;
}

/** FNV-1a, so each (file, kind) has a generator of its own and adding a file changes no other's variants. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** Up to n distinct items, in random order. */
function sample<T>(rand: () => number, items: readonly T[], n: number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

// ---------------------------------------------------------------------------------------------
// Places in the original text

interface Variant {
  kind: Kind;
  file: string;
  text: string;
  /** What the defect looks like, for the report of a miss. */
  injected: string;
  /** Offsets of the defect in the variant: [start, end); start === end for a deletion. */
  start: number;
  end: number;
  /** 1-based lines of the variant the defect covers. */
  line: number;
  endLine: number;
}

const lineOf = (text: string, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
};

function variant(kind: Kind, file: string, original: string, from: number, to: number, replacement: string, mark: [number, number], injected: string): Variant {
  const text = original.slice(0, from) + replacement + original.slice(to);
  const [start, end] = mark;
  return { kind, file, text, injected, start, end, line: lineOf(text, start), endLine: lineOf(text, Math.max(start, end - 1)) };
}

/** A normalised range of the document mapped to the original (the traditional text is analysed simplified). */
const toOriginal = (doc: SourceCode, start: number, end: number) => doc.normalized.map.rangeToSource(start, end);

const escapeText = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HAN = /\p{Script=Han}/u;
const UNIT_ALTERNATION = lexicon.units.map((u) => escapeText(u.unit)).join('|');
// Counting units (classifiers and money), longest first: 人次 before 人, 万元 before 元.
const CLASSIFIERS = lexicon.units.filter((u) => u.kind === 'person' || u.kind === 'count' || u.kind === 'money').map((u) => escapeText(u.unit)).join('|');

/** Arabic numbers that are the number of a figure: a unit (or %) follows, possibly after 万/亿. */
const FIGURE_NUMBER = new RegExp(`(?<![\\d.A-Za-z])\\d+(?:\\.\\d+)?(?=(?:[万亿千百])?(?:${UNIT_ALTERNATION})|%)`, 'gu');
/** Numbers directly followed by a classifier and preceded by a Han character (not the ordinal 第). */
const COUNT_NUMBER = new RegExp(`(?<=\\p{Script=Han})(?<!第)\\d+(?:\\.\\d+)?(?=${CLASSIFIERS})`, 'gu');
const YEAR = /(?<!\d)20\d{2}(?!\d)/g;

function placeholderVariants(file: string, original: string, doc: SourceCode, rand: () => number): Variant[] {
  const years = [...original.matchAll(YEAR)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: 'year' as const }));
  const figures = [...doc.normalized.text.matchAll(FIGURE_NUMBER)].map((m) => {
    const [start, end] = toOriginal(doc, m.index, m.index + m[0].length);
    return { start, end, kind: 'figure' as const };
  });
  // Half the variants blank a year, half a figure's number.
  const chosen = [...sample(rand, years, PER_TEXT / 2), ...sample(rand, figures, PER_TEXT - Math.min(years.length, PER_TEXT / 2))];
  return chosen.map((c) => {
    const year = original.slice(c.start, c.end);
    const fill = c.kind === 'year' ? pick(rand, ['20xx', `${year.slice(0, 3)}_`, '20XX']) : pick(rand, ['xx', '__']);
    return variant('placeholder', file, original, c.start, c.end, fill, [c.start, c.start + fill.length], `${original.slice(c.start, c.end)} → ${fill}`);
  });
}

function blankCountVariants(file: string, original: string, doc: SourceCode, rand: () => number): Variant[] {
  const numbers = [...doc.normalized.text.matchAll(COUNT_NUMBER)].map((m) => toOriginal(doc, m.index, m.index + m[0].length));
  return sample(rand, numbers, PER_TEXT).map(([start, end]) =>
    variant('blank-count', file, original, start, end, '', [start, start], `${original.slice(Math.max(0, start - 6), end + 2)} → ${original.slice(Math.max(0, start - 6), start)}${original.slice(end, end + 2)}`),
  );
}

function doubledWordVariants(file: string, original: string, doc: SourceCode, rand: () => number): Variant[] {
  const words: [number, number][] = [];
  for (const p of doc.paragraphs) {
    for (const t of segment(p.text, { offset: p.start })) {
      if (t.word.length !== 2 || ![...t.word].every((ch) => HAN.test(ch))) continue;
      const [start, end] = toOriginal(doc, t.start, t.end);
      if (end - start === 2) words.push([start, end]);
    }
  }
  return sample(rand, words, PER_TEXT).map(([start, end]) => {
    const word = original.slice(start, end);
    return variant('doubled-word', file, original, end, end, word, [end, end + 2], `${original.slice(Math.max(0, start - 4), start)}[${word}${word}]${original.slice(end, end + 4)}`);
  });
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    if (part.trim()) lines.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return lines;
}

const SUBSTITUTES = [...'新大好全各多'];

function duplicateSectionVariants(file: string, original: string, _doc: SourceCode, rand: () => number): Variant[] {
  const paragraphs = linesOf(original);
  const long = paragraphs.filter((p) => p.text.trim().length >= 40);
  return sample(rand, long, PER_TEXT).map((p) => {
    const targets = paragraphs.filter((q) => q !== p);
    const after = pick(rand, targets);
    const chars = [...p.text];
    const hanAt = chars.map((ch, i) => (HAN.test(ch) ? i : -1)).filter((i) => i >= 0);
    const at = pick(rand, hanAt);
    chars[at] = pick(rand, SUBSTITUTES.filter((s) => s !== chars[at]));
    const copy = chars.join('');
    const insert = `\n${copy}`;
    return variant('duplicate-section', file, original, after.end, after.end, insert, [after.end + 1, after.end + insert.length], `copy of line ${lineOf(original, p.start)} (char ${at + 1} “${p.text[at]}”→“${chars[at]}”) after line ${lineOf(original, after.start)}: ${copy.slice(0, 24)}…`);
  });
}

const SENTENCE = /[^。！？；]+[。！？；]/g;
const OUTLINE_MARKER = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])/;
const PAIRS: [string, string][] = [['“', '”'], ['「', '」'], ['（', '）'], ['《', '》'], ['(', ')']];
const balanced = (s: string) => PAIRS.every(([a, b]) => s.split(a).length === s.split(b).length);
const contentLength = (s: string) => s.replace(/[\p{P}\p{S}\s]/gu, '').length;

function repeatedSentenceVariants(file: string, original: string, _doc: SourceCode, rand: () => number): Variant[] {
  const sentences: { start: number; end: number }[] = [];
  for (const line of linesOf(original)) {
    for (const m of line.text.matchAll(SENTENCE)) {
      let start = line.start + m.index;
      // The outline number belongs to the paragraph, not to its first sentence.
      if (m.index === 0) start += OUTLINE_MARKER.exec(m[0])?.[0].length ?? 0;
      const end = line.start + m.index + m[0].length;
      const sentence = original.slice(start, end);
      if (contentLength(sentence) >= 10 && balanced(sentence)) sentences.push({ start, end });
    }
  }
  return sample(rand, sentences, PER_TEXT).map(({ start, end }) => {
    const sentence = original.slice(start, end);
    return variant('repeated-sentence', file, original, end, end, sentence, [end, end + sentence.length], sentence);
  });
}

const INJECTORS: Record<Kind, (file: string, original: string, doc: SourceCode, rand: () => number) => Variant[]> = {
  placeholder: placeholderVariants,
  'blank-count': blankCountVariants,
  'doubled-word': doubledWordVariants,
  'duplicate-section': duplicateSectionVariants,
  'repeated-sentence': repeatedSentenceVariants,
};

// ---------------------------------------------------------------------------------------------
// Running and scoring

const overlaps = (line: number, endLine: number, v: Variant) => line <= v.endLine && endLine >= v.line;

/** A message of the injected kind on the injected lines; a duplicate-section finding may also name the copy as its original (`related`), when the copy landed before the paragraph it copies. */
function hit(v: Variant, messages: LintMessage[]): 'at' | 'related' | null {
  const ofKind = messages.filter((m) => m.ruleId === v.kind);
  if (ofKind.some((m) => overlaps(m.line, m.endLine, v))) return 'at';
  if (v.kind === 'duplicate-section' && ofKind.some((m) => (m.related ?? []).some((r) => overlaps(r.line, r.endLine, v)))) return 'related';
  return null;
}

const describeMessage = (m: LintMessage) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message}${m.related ? ` related ${m.related.map((r) => `${r.line}-${r.endLine}`).join(',')}` : ''}`;

interface Score {
  variants: number;
  hits: number;
  related: number;
  /** Variants with a message of the kind away from the injected place (beyond what the clean text has). */
  stray: number;
  misses: string[];
}

const scores = new Map<Kind, Score>();
const cleanMessages = new Map(FILES.map((f) => [f, lint(f, TEXTS.get(f)!)]));

afterAll(() => {
  if (scores.size === 0) return;
  const rows = KINDS.filter((k) => scores.has(k)).map((k) => {
    const s = scores.get(k)!;
    return `${k.padEnd(18)} ${String(s.variants).padStart(8)} ${String(s.hits).padStart(5)} ${(s.hits / s.variants).toFixed(3).padStart(7)} ${String(s.related).padStart(8)} ${String(s.stray).padStart(6)}`;
  });
  console.log(['', 'defect injection: recall per kind', `${'kind'.padEnd(18)} variants  hits  recall  related  stray`, ...rows, ''].join('\n'));
});

describe('clean reports', () => {
  it(`there are at least 8 clean texts of 1,200–2,500 characters`, () => {
    expect(FILES.length).toBeGreaterThanOrEqual(8);
    for (const f of FILES) {
      const chars = TEXTS.get(f)!.replace(/\s/g, '').length;
      expect(chars, f).toBeGreaterThanOrEqual(1200);
      expect(chars, f).toBeLessThanOrEqual(2500);
    }
  });

  it.each(FILES)('%s yields no placeholder, blank, doubled word, duplicate or repeated sentence', (file) => {
    const messages = cleanMessages.get(file)!;
    if (messages.length) console.log(`${file}: ${messages.length} message(s) on the clean text\n${messages.map((m) => `  ${describeMessage(m)} 「${m.source}」`).join('\n')}`);
    const five = messages.filter((m) => (KINDS as readonly string[]).includes(m.ruleId));
    expect(five.map(describeMessage)).toEqual([]);
  });
});

describe('injected defects are reported where they were injected', () => {
  it.each(KINDS)('%s', (kind) => {
    const score: Score = { variants: 0, hits: 0, related: 0, stray: 0, misses: [] };
    scores.set(kind, score);
    for (const file of FILES) {
      const original = TEXTS.get(file)!;
      const doc = SourceCode.fromText(file, original);
      const rand = seeded(SEED ^ hash(`${file}\u0000${kind}`));
      const baseline = cleanMessages.get(file)!.filter((m) => m.ruleId === kind).length;
      for (const v of INJECTORS[kind](file, original, doc, rand)) {
        expect(v.text).not.toBe(original);
        const messages = lint(file, v.text);
        const found = hit(v, messages);
        score.variants++;
        if (found) score.hits++;
        if (found === 'related') score.related++;
        const away = messages.filter((m) => m.ruleId === kind && !overlaps(m.line, m.endLine, v) && !(m.related ?? []).some((r) => overlaps(r.line, r.endLine, v)));
        if (away.length > baseline) score.stray++;
        if (!found) {
          const near = messages.filter((m) => m.ruleId === kind || overlaps(m.line, m.endLine, v));
          score.misses.push(
            `${file} line ${v.line}${v.endLine !== v.line ? `-${v.endLine}` : ''}: ${v.injected}\n    reported: ${near.length ? near.map(describeMessage).join('\n              ') : '(nothing of this kind, nothing on that line)'}`,
          );
        }
      }
    }
    const recall = score.hits / score.variants;
    if (score.misses.length) console.log(`${kind}: ${score.misses.length} of ${score.variants} injected defects not reported at their place\n  ${score.misses.join('\n  ')}`);
    expect(score.variants).toBeGreaterThanOrEqual(MIN_VARIANTS);
    expect(recall, `${kind} recall ${recall.toFixed(3)}`).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});

// zongjie check on the corpus: every placeholder and blank count of the extraction gold is reported,
// seed 001's duplicated blocks, repeated sentence and doubled words are found as in
// ../shared/fixtures, and the other reports get no duplicate or doubled-word finding.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/rules/index.js';
import { extractDocument } from '../../src/extract/index.js';
import { lintDocument } from '../../src/lint/engine.js';
import { loadLintConfig } from '../../src/lint/run.js';
import type { LintResult } from '../../src/lint/types.js';
import { loadLexicon } from '../../src/config/lexicon.js';
import { CORPUS_FILES, ROOT, corpusDoc, textDoc } from '../helpers/corpus.js';
import { loadGold } from '../helpers/gold.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'duplicates'); // copied from ../shared/fixtures
const config = loadLintConfig({ preset: 'recommended' });
const results = new Map<string, LintResult>(CORPUS_FILES.map((f) => [f, lintDocument(corpusDoc(f.slice(0, 3)), config, { lexicon: loadLexicon() })]));
const of = (file: string, ruleId: string) => results.get(file)!.messages.filter((m) => m.ruleId === ruleId);
const tsv = (name: string) => readFileSync(join(FIXTURES, name), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));

describe('check on the corpus', () => {
  it('reports every placeholder and blank count of the gold, at its place', () => {
    for (const gold of loadGold()) {
      const placeholders = of(gold.file, 'placeholder').map((m) => `${m.line}:${m.column}`);
      for (const p of gold.placeholders) expect(placeholders, `${gold.file} placeholder ${p.line}:${p.column}`).toContain(`${p.line}:${p.column}`);
      expect(placeholders).toHaveLength(gold.placeholders.length);
      const blanks = of(gold.file, 'blank-count');
      for (const b of gold.blanks) {
        expect(blanks.some((m) => m.line === b.line && m.column <= b.column && m.endColumn > b.column), `${gold.file} blank ${b.line}:${b.column}`).toBe(true);
      }
      expect(blanks).toHaveLength(gold.blanks.length);
    }
  });

  it('finds the duplicated blocks of seed 001 (../shared/fixtures/001-blocks.tsv)', () => {
    const findings = of('001_7ba693d13d610300.txt', 'duplicate-section');
    const covered = (from: number, to: number) =>
      findings.some((m) => m.line <= from + 2 && m.endLine >= to - 2) ||
      findings.some((m) => (m.related ?? []).some((r) => r.line <= from + 2 && r.endLine >= to - 2));
    // Every copied part is reported: each block of the fixture is a finding or the original of one.
    for (const [linesA, linesB] of tsv('001-blocks.tsv')) {
      const [a0, a1] = linesA!.split('-').map(Number) as [number, number];
      const [b0, b1] = linesB!.split('-').map(Number) as [number, number];
      expect(covered(b0, b1) || covered(a0, a1), `block ${linesA} / ${linesB}`).toBe(true);
    }
    // The copies are 篇2, 篇3, 篇5 and 篇7, each reported once against an earlier part.
    const parts = [3, 105, 259, 413, 437, 539, 587, 643];
    const partOf = (line: number) => parts.filter((p) => p <= line).length;
    expect([...new Set(findings.filter((m) => m.endLine - m.line > 20).map((m) => partOf(m.line)))]).toEqual([2, 3, 5, 7]);
    for (const m of findings) expect(m.related?.[0]?.line).toBeLessThan(m.line);
    expect(findings.every((m) => ![4, 6, 8].includes(partOf(m.line)))).toBe(true);
  });

  it('finds the sentence 001 repeats within line 569', () => {
    const repeated = of('001_7ba693d13d610300.txt', 'repeated-sentence');
    expect(repeated.map((m) => [m.line, m.column, m.related?.[0]?.line, m.related?.[0]?.column])).toEqual([[569, 180, 569, 127]]);
  });

  it('finds the doubled words of ../shared/fixtures/001-doubled-tokens.tsv, and no reduplication', () => {
    const doubled = of('001_7ba693d13d610300.txt', 'doubled-word').map((m) => m.line).sort((a, b) => a - b);
    const expected = tsv('001-doubled-tokens.tsv').filter(([, , kind]) => kind!.startsWith('doubled')).map(([line]) => Number(line)).sort((a, b) => a - b);
    expect(doubled).toEqual(expected);
    expect(expected).toEqual([13, 111, 265, 447, 541, 585, 591]);
  });

  it('gives no duplicate, repeated-sentence or doubled-word finding on the reports that have none', () => {
    for (const file of CORPUS_FILES.filter((f) => !f.startsWith('001'))) {
      const noisy = results.get(file)!.messages.filter((m) => ['duplicate-section', 'repeated-sentence', 'doubled-word'].includes(m.ruleId));
      expect(noisy.map((m) => `${file}:${m.line}:${m.column} ${m.message}`)).toEqual([]);
    }
  });

  it('extracts for each check only the kinds it declares, and finds the same as with the whole extraction', () => {
    // A check that read an undeclared kind (activities, say) would find less here than with all of them.
    const heldout = join(ROOT, 'test', 'fixtures', 'heldout');
    const docs = [
      ...CORPUS_FILES.map((f) => corpusDoc(f.slice(0, 3))),
      ...readdirSync(heldout).filter((f) => /\.(txt|md)$/.test(f)).map((f) => textDoc(readFileSync(join(heldout, f), 'utf8'), f)),
      // Promised figures left as a placeholder or a blank: numbers to missing-number, not gaps.
      textDoc('2023年工会工作总结\n全年共征集XX件提案，共发放慰问金  元，共走访困难职工。\n'),
    ];
    const union = loadLintConfig({ preset: 'union-annual' });
    let compared = 0;
    for (const doc of docs) {
      const extraction = extractDocument(doc, { lexicon: loadLexicon() });
      for (const check of CHECKS) {
        for (const preset of [config, union]) {
          const only = new Set([check.meta.id]);
          const declared = lintDocument(doc, preset, { lexicon: loadLexicon(), only }).messages;
          const whole = lintDocument(doc, preset, { lexicon: loadLexicon(), only, extraction }).messages;
          expect(declared, `${doc.path} ${check.meta.id}`).toEqual(whole);
          compared += whole.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(CHECKS.some((c) => c.meta.extracts.includes('activities'))).toBe(false);
  });
});

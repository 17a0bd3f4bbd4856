// Planted defects for the figure and reuse rules (issue 22): scripts/plant-defects.mjs makes, with a
// fixed seed, corpus reports with one defect each of sum-mismatch, balance-mismatch, reused-text,
// stale-year and missing-number at a known place, and a control with the same place made
// consistent (for missing-number: the figure in the next clause or in a table of the section, where
// it used to raise false alarms). Each rule must find at least 95% of its defects, raise nothing at
// the control's place, and nothing anywhere else in the corpus text around it; the unmodified
// corpus gives none of their messages at all.
import { afterAll, describe, expect, it } from 'vitest';
import { plantDefects, readCorpus, reusePair, RULES } from '../../scripts/plant-defects.mjs';
import { loadLexicon } from '../../src/config/lexicon.js';
import { lintDocument } from '../../src/lint/engine.js';
import { loadLintConfig } from '../../src/lint/run.js';
import type { LintMessage } from '../../src/lint/types.js';
import { ReferenceIndex } from '../../src/rules/reuse/index.js';
import { SourceCode } from '../../src/source/source-code.js';
import { CORPUS } from '../helpers/corpus.js';

interface Side {
  text: string;
  against?: string;
}
interface Variant {
  id: string;
  rule: string;
  base: string;
  line: number;
  endLine: number;
  column?: number;
  endColumn?: number;
  planted: string;
  bad: Side;
  good: Side;
}

const MIN_VARIANTS = 20;
const MIN_RECALL = 0.95;
const config = loadLintConfig({ preset: 'recommended' });
const lexicon = loadLexicon();
const corpus = readCorpus(CORPUS);
const variants = plantDefects(corpus) as Variant[];

function lint(path: string, side: Side, rules: Iterable<string>, againstPath = 'earlier.txt'): LintMessage[] {
  let reference: ReferenceIndex | null = null;
  if (side.against !== undefined) {
    reference = new ReferenceIndex();
    reference.add(SourceCode.fromText(againstPath, side.against));
  }
  return lintDocument(SourceCode.fromText(path, side.text), config, { lexicon, reference, only: new Set(rules) }).messages;
}

/** Whether a message covers the planted place: its lines, and on a one-line plant its columns. */
function atPlant(v: Variant, m: LintMessage): boolean {
  if (m.line < v.line || m.line > v.endLine) return false;
  return v.column === undefined || m.line !== v.line || (m.column < v.endColumn! && m.endColumn > v.column);
}

const table: string[] = [];
afterAll(() => {
  if (table.length) console.log(['rule              variants  found  recall  control alarms  other alarms', ...table].join('\n'));
});

describe('planted defects', () => {
  it('are made the same on every run, at least 20 a rule', () => {
    expect(plantDefects(corpus).map((v: Variant) => v.bad.text)).toEqual(variants.map((v) => v.bad.text));
    for (const rule of RULES) expect(variants.filter((v) => v.rule === rule).length).toBeGreaterThanOrEqual(MIN_VARIANTS);
  });
  for (const rule of RULES) {
    it(`${rule} finds at least 95% of its defects and raises nothing on the controls or the text around them`, () => {
      const mine = variants.filter((v) => v.rule === rule);
      const misses: string[] = [];
      const controlAlarms: string[] = [];
      const otherAlarms: string[] = [];
      for (const v of mine) {
        const bad = lint(`${v.id}.txt`, v.bad, [rule]);
        if (!bad.some((m) => atPlant(v, m))) misses.push(`${v.id} ${v.base}:${v.line} ${v.planted}`);
        otherAlarms.push(...bad.filter((m) => !atPlant(v, m)).map((m) => `${v.id} ${m.line}:${m.column} ${m.message}`));
        controlAlarms.push(...lint(`${v.id}.txt`, v.good, [rule]).filter((m) => atPlant(v, m)).map((m) => `${v.id} ${m.message}`));
      }
      const recall = (mine.length - misses.length) / mine.length;
      table.push(`${rule.padEnd(18)}${String(mine.length).padStart(8)}${String(mine.length - misses.length).padStart(7)}${recall.toFixed(2).padStart(8)}${String(controlAlarms.length).padStart(16)}${String(otherAlarms.length).padStart(14)}`);
      expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(MIN_RECALL);
      expect(controlAlarms).toEqual([]);
      expect(otherAlarms).toEqual([]);
    });
  }
});

describe('the unmodified corpus', () => {
  it('gives no message of the four rules, each report checked against all the others', () => {
    const found: string[] = [];
    for (const report of corpus) {
      const reference = new ReferenceIndex();
      for (const other of corpus) if (other !== report) reference.add(SourceCode.fromText(`corpus/${other.name}`, other.text));
      const messages = lintDocument(SourceCode.fromText(`corpus/${report.name}`, report.text), config, { lexicon, reference, only: new Set(RULES) }).messages;
      found.push(...messages.map((m) => `${report.name} ${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    }
    expect(found).toEqual([]);
  });
});

describe('--against on two corpus-derived reports of 100 KB', () => {
  const pair = reusePair(corpus) as { earlier: string; draft: string; copied: { line: number; text: string }[] };
  it('finds the five pasted paragraphs and nothing else', () => {
    expect(Buffer.byteLength(pair.earlier)).toBeGreaterThanOrEqual(100_000);
    expect(Buffer.byteLength(pair.draft)).toBeGreaterThanOrEqual(100_000);
    expect(pair.copied).toHaveLength(5);
    const messages = lint('draft.txt', { text: pair.draft, against: pair.earlier }, ['reused-text', 'stale-year'], 'pair/earlier.txt');
    expect(messages.map((m) => `${m.ruleId} ${m.line}`)).toEqual(pair.copied.map((c) => `reused-text ${c.line}`));
    // Each names the line of the earlier report that holds the paragraph.
    const earlierLines = pair.earlier.split('\n');
    for (const m of messages) expect(earlierLines[m.related![0]!.line - 1]).toBe(pair.draft.split('\n')[m.line - 1]);
  });
});

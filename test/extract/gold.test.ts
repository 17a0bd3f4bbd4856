// Extraction measured against the hand-checked gold files of all five corpus reports:
// precision, recall and F1 per kind, printed as a table and held to the thresholds.
import { describe, expect, it } from 'vitest';
import { extractDocument, type Extraction } from '../../src/extract/index.js';
import { corpusDoc } from '../helpers/corpus.js';
import { f1, formatTable, loadGold, scoreExtraction } from '../helpers/gold.js';

describe('extraction against the gold fixtures', () => {
  const golds = loadGold();
  const extractions = new Map<string, Extraction>(golds.map((g) => [g.file, extractDocument(corpusDoc(g.file.slice(0, 3)))]));
  const scores = scoreExtraction(golds, extractions);

  it('covers all five corpus reports', () => {
    expect(golds.map((g) => g.file.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });

  it('prints the table', () => {
    console.log(`\n${formatTable(scores)}\n`);
    if (process.env.GOLD_DETAILS) {
      for (const kind of ['figures', 'placeholders', 'blanks'] as const) {
        if (kind === 'figures') console.log(`-- subjects wrong:\n${scores.subjects.wrong.join('\n')}`);
        console.log(`-- ${kind} missed:\n${scores[kind].misses.join('\n')}\n-- ${kind} extra:\n${scores[kind].extras.join('\n')}`);
      }
    }
    expect(scores.figures.tp).toBeGreaterThan(100);
  });

  it('finds figures with value and unit right (F1 ≥ 0.95)', () => {
    expect(f1(scores.figures)).toBeGreaterThanOrEqual(0.95);
  });
  it('finds placeholders (F1 ≥ 0.98)', () => {
    expect(f1(scores.placeholders)).toBeGreaterThanOrEqual(0.98);
  });
  it('finds blank counts (F1 ≥ 0.90)', () => {
    expect(f1(scores.blanks)).toBeGreaterThanOrEqual(0.9);
  });
  it('reads the report year of every file', () => {
    expect(scores.years.right).toBe(scores.years.total);
  });
});

// The real-text development set (test/gold/real/): passages drawn at random from the corpus and annotated
// by hand. These floors guard the figures `npm run eval` reports (docs/quality.md) against regressions;
// they are measured on real text, unlike the hand-written fixtures.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Zongjie } from '../../src/api/zongjie.js';
import { converter } from '../../src/normalize/index.js';
import type { Extraction } from '../../src/extract/index.js';
import { ROOT } from '../helpers/corpus.js';
// @ts-expect-error: a plain ES module shared with scripts/eval.mjs
import { annotatedPassages, scoreDevSet } from '../gold/real/score.mjs';

describe('extraction on the real-text development set', async () => {
  const passages = annotatedPassages();
  const extractions = new Map<string, Extraction>();
  await new Zongjie({}).extractFiles([join(ROOT, 'corpus')], {}, (extraction) => {
    extractions.set(extraction.file.split('/').pop()!, extraction);
  });
  const { rows } = scoreDevSet(passages, extractions, converter('tw', 'cn')) as { rows: Record<string, number | string>[] };
  const row = (field: string) => rows.find((r) => r.field === field)!;

  it('covers at least 60 passages', () => {
    expect(passages.length).toBeGreaterThanOrEqual(60);
  });

  it.each([
    ['figures', 0.95],
    ['placeholders', 0.97],
    ['blanks', 0.85],
    ['activities', 0.75],
  ])('%s F1 ≥ %d', (field, floor) => {
    expect(row(field).f1).toBeGreaterThanOrEqual(floor);
  });

  it.each([
    ['subject', 0.85],
    ['modality', 0.9],
    ['relation', 0.9],
    ['qualifier', 0.95],
  ])('%s accuracy ≥ %d', (field, floor) => {
    expect(row(field).accuracy).toBeGreaterThanOrEqual(floor);
  });

  it('gets the verb of a found activity right', () => {
    expect(row('verb').accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves no subject empty', () => {
    expect(row('subject').empty).toBe(0);
  });
});

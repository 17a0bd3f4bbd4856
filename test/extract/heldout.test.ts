// Extraction on reports the tool was never tuned on: ten hand-written reports of other kinds of
// organisation (社区, 学校, 街道, 妇联, 企业, 医院, 村, 团委, 党支部, a defective draft), simplified and
// traditional, text and Markdown, LF and CRLF, each with hand-made gold. The table is printed; the
// thresholds are lower than on the corpus, because these are the unseen cases.
import { SourceCode } from '../../src/source/source-code.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { extractDocument, type Extraction } from '../../src/extract/index.js';
import { ROOT } from '../helpers/corpus.js';
import { f1, formatTable, scoreExtraction, type Gold } from '../helpers/gold.js';

const DIR = join(ROOT, 'test', 'fixtures', 'heldout');

describe('extraction on held-out reports', () => {
  const golds = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Gold);
  const extractions = new Map<string, Extraction>(
    golds.map((g) => [g.file, extractDocument(SourceCode.fromText(g.file, readFileSync(join(DIR, g.file), 'utf8')))]),
  );
  const scores = scoreExtraction(golds, extractions);

  it('prints the table', () => {
    console.log(`\n${formatTable(scores)}\n`);
    if (process.env.GOLD_DETAILS) {
      for (const kind of ['figures', 'placeholders', 'blanks'] as const) {
        console.log(`-- ${kind} missed:\n${scores[kind].misses.join('\n')}\n-- ${kind} extra:\n${scores[kind].extras.join('\n')}`);
      }
    }
    expect(golds).toHaveLength(10);
  });
  it('finds figures (F1 ≥ 0.90), placeholders (≥ 0.95) and blank counts (≥ 0.85)', () => {
    expect(f1(scores.figures)).toBeGreaterThanOrEqual(0.9);
    expect(f1(scores.placeholders)).toBeGreaterThanOrEqual(0.95);
    expect(f1(scores.blanks)).toBeGreaterThanOrEqual(0.85);
  });
  it('reads the year of every report', () => {
    expect(scores.years.right).toBe(scores.years.total);
  });
});

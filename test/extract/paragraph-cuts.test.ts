// Clause words taken from a paragraph the caller cut whole already (stats, for its themes) must be
// the words the clauses cut alone give: the extraction is the same either way.
import { SourceCode } from '../../src/source/source-code.js';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { extractDocument } from '../../src/extract/index.js';
import { paragraphWords } from '../../src/extract/words.js';
import { loadSegmenter, segment } from '../../src/segment/index.js';
import { CORPUS_FILES, ROOT, corpusDoc, textDoc } from '../helpers/corpus.js';

const HELDOUT = join(ROOT, 'test', 'fixtures', 'heldout');
const cutsOf = (doc: ReturnType<typeof textDoc>) => doc.paragraphs.map((p) => loadSegmenter().cut(p.text));

describe('extraction from paragraphs already cut', () => {
  const docs = [
    ...CORPUS_FILES.map((f) => corpusDoc(f.slice(0, 3))),
    ...readdirSync(HELDOUT).filter((f) => f.endsWith('.txt')).map((f) => SourceCode.fromText(f, readFileSync(join(HELDOUT, f), 'utf8'))),
  ];

  it('equals the extraction that cuts each clause itself, on the corpus and the held-out reports', () => {
    expect(docs.length).toBeGreaterThan(10);
    let figures = 0;
    for (const doc of docs) {
      const own = extractDocument(doc);
      expect(extractDocument(doc, { paragraphCuts: cutsOf(doc) })).toEqual(own);
      figures += own.figures.length;
    }
    expect(figures).toBeGreaterThan(200);
  });

  it('cuts a clause alone when a given word runs over its edge', () => {
    const doc = textDoc('全年发展新会员26人，开展劳动竞赛3次。');
    const p = doc.paragraphs[0]!;
    // A cut whose second word crosses the comma: the clauses it touches are cut afresh.
    const words = paragraphWords(doc, p, ['全年', '发展新会员26人，开展', '劳动竞赛', '3', '次', '。']);
    const alone = (start: number, end: number) => segment(p.text.slice(start, end), { offset: start });
    expect(words.plainRange(0, 10)).toEqual(alone(0, 10));
    expect(words.plainRange(11, 19)).toEqual(alone(11, 19));
    expect(alone(11, 19).map((t) => t.word)).toContain('劳动竞赛');
  });
});

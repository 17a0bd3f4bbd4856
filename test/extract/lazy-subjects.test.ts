// A figure's subject takes the tagged words of its clause: `check` reads few subjects, so with
// lazySubjects each is worked out when read (and once); `extract` works them out as it goes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { loadSegmenter } from '../../src/segment/index.js';
import { SourceCode } from '../../src/source/source-code.js';
import { corpusPath, corpusText } from '../helpers/corpus.js';

/** A fresh SourceCode of corpus 000 (its words are cached per document). */
const load = () => SourceCode.fromText(corpusPath('000'), corpusText('000'));

afterEach(() => vi.restoreAllMocks());

describe('figure subjects', () => {
  it('are worked out only when read, with lazySubjects (check), and during extraction by default', () => {
    const figures = extractDocument(load(), { only: ['figures'], lazySubjects: true }).figures;
    expect(figures.length).toBeGreaterThanOrEqual(10);
    const tagged = vi.spyOn(loadSegmenter(), 'tag');
    expect(tagged).not.toHaveBeenCalled();
    const subjects = figures.map((f) => f.subject);
    expect(tagged.mock.calls.length).toBeGreaterThan(0);
    expect(subjects.filter(Boolean).length).toBeGreaterThan(figures.length / 2);
    // Read twice, worked out once.
    const calls = tagged.mock.calls.length;
    expect(figures.map((f) => f.subject)).toEqual(subjects);
    expect(tagged.mock.calls.length).toBe(calls);
    // By default a plain property, the same subjects, and the same item otherwise (key order included).
    const eager = extractDocument(load(), { only: ['figures'] }).figures;
    const afterExtraction = tagged.mock.calls.length;
    expect(afterExtraction).toBeGreaterThan(calls);
    expect(eager.map((f) => f.subject)).toEqual(subjects);
    expect(tagged.mock.calls.length).toBe(afterExtraction);
    expect(Object.getOwnPropertyDescriptor(eager[0]!, 'subject')).toHaveProperty('value');
    expect(JSON.stringify(eager)).toBe(JSON.stringify(figures));
  });

  it('segment only the clauses extraction asks for: placeholders alone cut nothing', () => {
    const jieba = loadSegmenter();
    const cut = vi.spyOn(jieba, 'cut');
    const tag = vi.spyOn(jieba, 'tag');
    const extraction = extractDocument(load(), { only: ['placeholders'] });
    expect(extraction.placeholders.length).toBe(7);
    expect(cut.mock.calls.length + tag.mock.calls.length).toBe(0);
  });
});

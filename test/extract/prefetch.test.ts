// A batch's cuts made together before its extraction (prefetchWords) must change when the cuts are
// made, never what they are: the extraction is the same, and it asks jieba for (almost) nothing more.
import { SourceCode } from '../../src/source/source-code.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH, inBatches } from '../../src/source/batch.js';
import { formatOf } from '../../src/document/index.js';
import { EXTRACT_KINDS, extractDocument, prefetchWords, type ExtractKind } from '../../src/extract/index.js';
import { loadSegmenter } from '../../src/segment/index.js';
import { lintDocument, lintExtracts, lintWordNeeds } from '../../src/lint/engine.js';
import { loadLintConfig } from '../../src/lint/run.js';
import { loadLexicon } from '../../src/config/lexicon.js';
import { CORPUS, CORPUS_FILES, ROOT } from '../helpers/corpus.js';

const HELDOUT = join(ROOT, 'test', 'fixtures', 'heldout');
const REPORTS = [
  ...CORPUS_FILES.map((f) => join(CORPUS, f)),
  ...readdirSync(HELDOUT).filter((f) => /^\d.*\.(txt|md)$/.test(f)).map((f) => join(HELDOUT, f)),
];
// Beyond the reports: traditional script with CRLF, full-width digits, a Markdown table.
const DRAFTS: [string, string][] = [
  ['trad.txt', '一、工作回顧\r\n全年發展新會員26人，開展勞動競賽3次，參加職工達1300人次。\r\n慰問困難職工、農民工490人，發放慰問金共計35.705萬元。\r\n'],
  ['wide.txt', '今年组织培训１２场，参训人员５００余人次；公司现有员工人（含临时用工），其中名为女职工。'],
  ['table.md', '# 总结\n\n| 项目 | 数量 |\n| --- | --- |\n| 走访慰问困难职工 | 120户 |\n\n开展“职工之家”创建活动，共建成十二个职工书屋。\n'],
];

/** Fresh documents each time: what prefetchWords cut stays with the document it was cut for. */
const load = (): SourceCode[] => [
  ...REPORTS.map((path) => SourceCode.fromText(path, readFileSync(path, 'utf8'), { format: formatOf(path) })),
  ...DRAFTS.map(([name, text]) => SourceCode.fromText(name, text, { format: formatOf(name) })),
];

/** The number of jieba calls (cut and tag) `run` makes. */
function jiebaCalls(run: () => void): number {
  const jieba = loadSegmenter();
  const cut = vi.spyOn(jieba, 'cut');
  const tag = vi.spyOn(jieba, 'tag');
  run();
  const calls = cut.mock.calls.length + tag.mock.calls.length;
  cut.mockRestore();
  tag.mockRestore();
  return calls;
}

afterEach(() => vi.restoreAllMocks());

describe('prefetchWords', () => {
  it('leaves every extraction as it was, for every kind, on the corpus, the held-out reports and odd drafts', () => {
    const kinds: (readonly ExtractKind[])[] = [EXTRACT_KINDS, ['figures'], ['blanks'], ['activities'], ['placeholders']];
    for (const only of kinds) {
      const plain = load().map((doc) => extractDocument(doc, { only }));
      const docs = load();
      prefetchWords(docs, { only });
      const prefetched = docs.map((doc) => extractDocument(doc, { only }));
      expect(prefetched).toEqual(plain);
    }
  });

  it('makes the cuts the extraction asks for, so that it asks jieba for almost none itself', () => {
    // As extract runs: every figure's subject read.
    const extractAll = (docs: SourceCode[]) => docs.forEach((doc) => extractDocument(doc).figures.forEach((f) => f.subject));
    const withoutPlan = load();
    const asked = jiebaCalls(() => extractAll(withoutPlan));
    const docs = load();
    const planned = jiebaCalls(() => prefetchWords(docs));
    const left = jiebaCalls(() => extractAll(docs));
    expect(asked).toBeGreaterThan(1000);
    // Every cut asked for was planned (the few left: two-character words looked up once per process).
    expect(left).toBeLessThanOrEqual(asked * 0.01);
    // Planned on the characters, a few more than asked for (dates, slogans), not every clause.
    expect(planned).toBeGreaterThanOrEqual(asked * 0.99);
    expect(planned).toBeLessThan(asked * 1.25);
  });

  it('leaves the figures as they were when subjects are not planned for (check), their subjects cut when read', () => {
    const plain = load().map((doc) => extractDocument(doc, { only: ['figures', 'blanks'] }));
    const docs = load();
    prefetchWords(docs, { only: ['figures', 'blanks'], subjects: false });
    const prefetched = docs.map((doc) => extractDocument(doc, { only: ['figures', 'blanks'] }));
    expect(prefetched).toEqual(plain);
  });

  it('works a figure\'s subject out only when it is read, with lazySubjects (check), and during extraction by default', () => {
    const [doc] = load();
    const figures = extractDocument(doc!, { only: ['figures'], lazySubjects: true }).figures;
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
    const [again] = load();
    const eager = extractDocument(again!, { only: ['figures'] }).figures;
    const afterExtraction = tagged.mock.calls.length;
    expect(afterExtraction).toBeGreaterThan(calls);
    expect(eager.map((f) => f.subject)).toEqual(subjects);
    expect(tagged.mock.calls.length).toBe(afterExtraction);
    expect(Object.getOwnPropertyDescriptor(eager[0]!, 'subject')).toHaveProperty('value');
    expect(JSON.stringify(eager)).toBe(JSON.stringify(figures));
    tagged.mockRestore();
  });

  it('cuts, with a lint run\'s batch, the clauses its checks will ask words of (doubled-word), and the results are the same', () => {
    const config = loadLintConfig({ preset: 'recommended' });
    const alsoCut = lintWordNeeds(config)!;
    expect(alsoCut).not.toBeNull();
    const lint = (docs: SourceCode[]) => docs.map((doc) => lintDocument(doc, config, { lexicon: loadLexicon() }));
    const plain = load();
    const expected = lint(plain);
    const docs = load();
    prefetchWords(docs, { only: lintExtracts(config), subjects: false, alsoCut });
    let results: ReturnType<typeof lint> = [];
    const left = jiebaCalls(() => (results = lint(docs)));
    expect(results).toEqual(expected);
    expect(expected.flatMap((r) => r.messages).filter((m) => m.ruleId === 'doubled-word').length).toBeGreaterThan(3);
    // Only the subjects figure-consistency reads are cut when read; doubled-word's clauses were cut with the batch.
    const unplanned = jiebaCalls(() => lint(load()));
    expect(left).toBeLessThan(unplanned / 10);
    const withoutChecks = load();
    prefetchWords(withoutChecks, { only: lintExtracts(config), subjects: false });
    expect(jiebaCalls(() => lint(withoutChecks))).toBeGreaterThan(left);
    // The planned doubled-word clauses alone: a run whose checks extract nothing still cuts them together.
    const bare = load();
    expect(jiebaCalls(() => prefetchWords(bare, { only: [], alsoCut }))).toBeGreaterThan(0);
  });

  it('cuts nothing when only placeholders are extracted', () => {
    const docs = load();
    expect(jiebaCalls(() => prefetchWords(docs, { only: ['placeholders'] }))).toBe(0);
  });
});

describe('inBatches', () => {
  const collect = async <T>(batches: AsyncGenerator<T[]>) => {
    const out: T[][] = [];
    for await (const batch of batches) out.push(batch);
    return out;
  };

  it('hands items on in order, at most BATCH.documents at a time', async () => {
    const n = 2 * BATCH.documents + 7;
    const batches = await collect(inBatches(Array.from({ length: n }, (_, i) => i), async (i) => i * 2, () => 1));
    expect(batches.map((b) => b.length)).toEqual([BATCH.documents, BATCH.documents, 7]);
    expect(batches.flat()).toEqual(Array.from({ length: n }, (_, i) => i * 2));
  });

  it('closes a batch once its items hold BATCH.chars characters', async () => {
    const sizes = [BATCH.chars / 2, BATCH.chars / 2, 10, BATCH.chars * 3, 5];
    const batches = await collect(inBatches(sizes, async (s) => s, (s) => s));
    expect(batches).toEqual([[BATCH.chars / 2, BATCH.chars / 2], [10, BATCH.chars * 3], [5]]);
  });
});

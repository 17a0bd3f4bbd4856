// Fuzzing the path every draft takes (issue 23): bytes → load (text, Markdown or .docx) → extract →
// lint, as `zongjie serve` and the CLI run it (Zongjie.analyseDraft). Over random text, random
// Markdown and random or damaged .docx bytes, the only way out other than an answer is a read error
// with a message (unreadable bytes, a damaged Word file): never a crash, never another exception.
//
// CI runs a small number of cases per kind; the full run (≥ 10,000 cases in all) is
//   ZONGJIE_FUZZ_RUNS=3400 npx vitest run test/robustness/fuzz.property.test.ts
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Zongjie } from '../../src/api/zongjie.js';
import { unreadableReason } from '../../src/server/checker.js';
import { makeDocx, para } from '../helpers/docx.js';
import { tally } from './tally.js';

const count = tally('fuzz');
const RUNS = Number(process.env.ZONGJIE_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.ZONGJIE_FUZZ_SEED ?? 20_231_206);
const zongjie = new Zongjie({ preset: 'union-annual' });

/** Analyse as the page does; a read error must carry its reason, anything else fails the case. */
async function analyse(name: string, bytes: Uint8Array, kind: string): Promise<void> {
  try {
    const { lint, extraction, source } = await zongjie.analyseDraft(name, bytes);
    for (const m of lint.messages) {
      expect(m.offset).toBeGreaterThanOrEqual(0);
      expect(m.endOffset).toBeLessThanOrEqual(source.original.length);
    }
    expect(Array.isArray(extraction.figures)).toBe(true);
    count(`${kind}: analysed`);
  } catch (error) {
    const reason = unreadableReason(error);
    if (reason === null) throw error;
    expect(reason.length).toBeGreaterThan(0);
    expect(reason).not.toContain('\n');
    count(`${kind}: refused with a message`);
  }
}

// Pieces that reports are made of, and that break parsers: outline markers, placeholders, numbers in
// every form, traditional text, Markdown syntax, controls, surrogates and long runs.
const PIECES = [
  '一、', '(一)', '1、', '篇1', '二是', '2023年度工作总结', '202_年', '20xx', 'xx', '__', '××', '公司现有员工人', '發展新會員20人',
  '35.705萬元', '1.9W', '2-3次', '90%以上', '百人以上', '开展开展', '學(xué)習(xí)', '民-主', '。', '，', '\n', '\r\n', '\r', '\n\n',
  '# ', '## ', '- ', '> ', '1. ', '**', '*', '_', '`', '[', '](', ')', '|', '<!-- zongjie-disable -->', '&amp;', '&#x4e00;',
  '\u0000', '\u202e', '\ufeff', '\ud800', '\udc00', '𠀋', '\u0301', '\t', ' ', '　',
];
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8, unit: 'grapheme' }), fc.string({ maxLength: 4, unit: 'binary' }));
const draft = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('fuzz: the draft path over text, Markdown and .docx bytes', () => {
  let docxBase: Buffer;
  beforeAll(async () => {
    docxBase = await makeDocx([para('2023年度工作总结'), para('一、主要工作', 'Heading1'), para('公司现有员工人，全年发展新会员20人，计划于20xx年开展开展学习。')].join(''));
  });

  it('random text, in UTF-8, GB18030-like bytes and UTF-16', { timeout: 900_000 }, async () => {
    await fc.assert(fc.asyncProperty(draft, fc.constantFrom('utf8', 'utf16le', 'latin1'), async (text, encoding) => {
      await analyse('草稿.txt', Buffer.from(text, encoding as BufferEncoding), 'text');
    }), { numRuns: RUNS, seed: SEED });
  });

  it('random Markdown', { timeout: 900_000 }, async () => {
    await fc.assert(fc.asyncProperty(draft, async (text) => {
      await analyse('草稿.md', Buffer.from(text, 'utf8'), 'markdown');
    }), { numRuns: RUNS, seed: SEED + 1 });
  });

  it('random bytes', { timeout: 900_000 }, async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('a.txt', 'a.md', 'a.docx'), async (bytes, name) => {
      await analyse(name, bytes, 'bytes');
    }), { numRuns: RUNS, seed: SEED + 2 });
  });

  it('.docx bytes damaged: bytes changed, cut, or spliced', { timeout: 900_000 }, async () => {
    const damage = fc.oneof(
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }).map((edits) => (b: Buffer) => {
        const out = Buffer.from(b);
        for (const [at, value] of edits) out[at % out.length] = value;
        return out;
      }),
      fc.nat().map((at) => (b: Buffer) => b.subarray(0, at % b.length)),
      fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 64 })).map(([at, insert]) => (b: Buffer) => Buffer.concat([b.subarray(0, at % b.length), insert, b.subarray(at % b.length)])),
    );
    await fc.assert(fc.asyncProperty(damage, async (harm) => {
      await analyse('总结.docx', harm(docxBase), 'docx damaged');
    }), { numRuns: RUNS, seed: SEED + 3 });
  });

  it('.docx made of random paragraphs', { timeout: 900_000 }, async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(draft, fc.constantFrom(undefined, 'Heading1', '2')), { maxLength: 12 }), async (paragraphs) => {
      // XML cannot hold every character: those it cannot are dropped, as Word would refuse them.
      const clean = (t: string) => t.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/gu, '');
      await analyse('总结.docx', await makeDocx(paragraphs.map(([t, style]) => para(clean(t), style)).join('')), 'docx random');
    }), { numRuns: Math.max(10, Math.floor(RUNS / 3)), seed: SEED + 4 });
  });
});

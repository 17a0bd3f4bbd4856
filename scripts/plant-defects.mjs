#!/usr/bin/env node
// Planted-defect drafts for sum-mismatch, balance-mismatch, reused-text, stale-year and
// missing-number, made from the corpus reports with a fixed seed: each variant is a corpus report with one defect planted at
// a known line (`bad`), and a control (`good`) with the same place left consistent, so that a
// rule's recall (bad) and its false alarms on the same wording (good) can both be counted.
//
//   node scripts/plant-defects.mjs OUT_DIR [--seed 20250522] [--per-rule 24]
//
// Writes OUT_DIR/<rule>/<nn>-bad.txt and <nn>-good.txt (and <nn>-against.txt, the earlier report,
// for reused-text and stale-year) and OUT_DIR/index.json listing every variant with its planted
// line and text; and OUT_DIR/pair/: two reports of about 100 KB, draft.txt holding five paragraphs
// of earlier.txt (listed in copied.json), for `zongjie check pair/draft.txt --against pair/earlier.txt`. test/lint/planted.test.ts runs the rules over the same variants in memory.
//
// - sum-mismatch, balance-mismatch: a sentence from scripts/plant-defects/templates.mjs put after a
//   random full stop of a random paragraph (a text table after a paragraph), in the report's script.
// - reused-text: a paragraph of another corpus report pasted as a paragraph of its own, verbatim or
//   with its figures, punctuation or a word changed; the earlier report is that other report.
// - stale-year: a sentence of another report, dated to that report's year S (2022年，…) in the
//   earlier report and left so in the draft about S + 1; the control moves the year on.
// - missing-number: a sentence that says 共征集/共慰问 … and gives no figure; the control gives it
//   in the next clause or in a table of the same section (where the rule used to raise false alarms).
import fs from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { Rng } from './make-archive/rng.mjs';
import { BALANCE_MAKERS, figureTable, MISSING_NUMBER_MAKERS, SUM_MAKERS, YEAR_FORMS } from './plant-defects/templates.mjs';

export const RULES = ['sum-mismatch', 'balance-mismatch', 'reused-text', 'stale-year', 'missing-number'];
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const TRADITIONAL_MARKS = /[們會這為與關於條衛經濟職]/g;

/** The corpus reports: name, text, and whether they are written in traditional characters. */
export function readCorpus(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((name) => {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    return { name, text, traditional: (text.match(TRADITIONAL_MARKS) ?? []).length > 20 };
  });
}

const inScript = (report, sentence) => (report.traditional ? toTraditional(sentence) : toSimplified(sentence));

/** Lines worth planting into: prose paragraphs past the page header, with full stops not inside quotes. */
function proseLines(lines) {
  return lines.map((_, i) => i).filter((i) => i >= 3 && lines[i].length >= 30 && /。(?![”」』])/.test(lines[i]));
}

/** Where a sentence goes: a line and a full stop of it, chosen once for the defect and its control. */
function placeIn(rng, text) {
  const lines = text.split('\n');
  const line = rng.pick(proseLines(lines));
  const stops = [...lines[line].matchAll(/。(?![”」』])/g)].map((m) => m.index + 1);
  return { line, column: rng.pick(stops) };
}

function insertAt(text, { line, column }, sentence) {
  const lines = text.split('\n');
  lines[line] = lines[line].slice(0, column) + sentence + lines[line].slice(column);
  return lines.join('\n');
}

function insertLines(text, after, block) {
  const lines = text.split('\n');
  lines.splice(after + 1, 0, ...block.split('\n'));
  return lines.join('\n');
}

function figureVariant(rng, rule, makers, report, n) {
  const made = makers[n % makers.length](rng);
  const bad = inScript(report, made.bad);
  const good = inScript(report, made.good);
  if (made.table) {
    const { line } = placeIn(rng, report.text);
    const rows = bad.split('\n').length;
    return { rule, base: report.name, line: line + 2, endLine: line + 1 + rows, planted: bad, bad: { text: insertLines(report.text, line, bad) }, good: { text: insertLines(report.text, line, good) } };
  }
  const at = placeIn(rng, report.text);
  return {
    rule, base: report.name, line: at.line + 1, endLine: at.line + 1, column: at.column + 1, endColumn: at.column + 1 + bad.length, planted: bad,
    bad: { text: insertAt(report.text, at, bad) }, good: { text: insertAt(report.text, at, good) },
  };
}

/**
 * missing-number: a sentence that promises a figure and gives none (`bad`); its control gives the
 * figure in the next clause, or (every other variant) keeps the sentence and puts a table of
 * figures under its paragraph, in the same section.
 */
function missingVariant(rng, report, n) {
  const made = MISSING_NUMBER_MAKERS[n % MISSING_NUMBER_MAKERS.length](rng);
  const bad = inScript(report, made.bad);
  const at = placeIn(rng, report.text);
  const withBad = insertAt(report.text, at, bad);
  const good = n % 2 === 0 ? { text: insertAt(report.text, at, inScript(report, made.next)), kind: 'next clause' } : { text: insertLines(withBad, at.line, inScript(report, figureTable(rng))), kind: 'table' };
  return {
    rule: 'missing-number', base: report.name, line: at.line + 1, endLine: at.line + 1, column: at.column + 1, endColumn: at.column + 1 + bad.length, planted: bad,
    control: good.kind, bad: { text: withBad }, good: { text: good.text },
  };
}

/** Long prose paragraphs of a report (no heading, no placeholder): what a copier takes. */
function copyableLines(report) {
  return report.text.split('\n').filter((l) => l.length >= 60 && /。/.test(l) && !/[xX]{2}|_{2}|20[xX_]/.test(l));
}

const EDITS = [
  (_rng, p) => p,
  // New figures in the old wording.
  (rng, p) => p.replace(/\d+/g, (d) => String(Number(d) + rng.int(1, 9))),
  // Commas for full stops and the like.
  (_rng, p) => p.replace(/，/g, ',').replace(/、/g, '，'),
  // One word changed.
  (_rng, p) => p.replace(/开展|開展/, '组织').replace(/工作/, '任务'),
];

function reusedVariant(rng, corpus, report, n) {
  const others = corpus.filter((r) => r !== report && copyableLines(r).length);
  const source = rng.pick(others);
  const copied = inScript(report, EDITS[n % EDITS.length](rng, rng.pick(copyableLines(source))));
  const lines = report.text.split('\n');
  const after = rng.int(3, lines.length - 2);
  return {
    rule: 'reused-text', base: report.name, source: source.name, line: after + 2, endLine: after + 2, planted: copied,
    bad: { text: insertLines(report.text, after, copied), against: source.text },
    good: { text: report.text, against: source.text },
  };
}

/** Sentences of a report that a dated sentence can be made of: plain prose, no figures, no years. */
function datableSentences(report) {
  return report.text.split('\n').slice(3).flatMap((l) => l.split(/(?<=。)/))
    .filter((s) => s.length >= 24 && s.length <= 90 && s.endsWith('。') && !/\d|[xX_]|[一二三四五六七八九十]、|“|”|\(|（/.test(s) && !/^[一二三四五六七八九十]是/.test(s));
}

function staleVariant(rng, corpus, report, n) {
  const source = rng.pick(corpus.filter((r) => r !== report && datableSentences(r).length));
  const sentence = rng.pick(datableSentences(source));
  const lastYear = rng.int(2019, 2023);
  const year = lastYear + 1;
  const form = YEAR_FORMS[n % YEAR_FORMS.length];
  const earlier = `${lastYear}年度工作总结\n${source.text.replace(sentence, inScript(source, form(lastYear)) + sentence)}`;
  const titled = `${year}年度工作总结\n${report.text}`;
  const at = placeIn(rng, titled);
  const bad = inScript(report, form(lastYear) + sentence);
  const good = inScript(report, form(year) + sentence);
  return {
    rule: 'stale-year', base: report.name, source: source.name, line: at.line + 1, endLine: at.line + 1, column: at.column + 1, endColumn: at.column + 1 + bad.length, planted: bad,
    bad: { text: insertAt(titled, at, bad), against: earlier }, good: { text: insertAt(titled, at, good), against: earlier },
  };
}

/** Every variant, `perRule` of each rule, the corpus reports taken in turn; the same on every run for one seed. */
export function plantDefects(corpus, { seed = 20250522, perRule = 24 } = {}) {
  const variants = [];
  for (const rule of RULES) {
    for (let n = 0; n < perRule; n++) {
      const rng = new Rng(seed, rule, n);
      const report = corpus[n % corpus.length];
      const variant = rule === 'sum-mismatch' ? figureVariant(rng, rule, SUM_MAKERS, report, n)
        : rule === 'balance-mismatch' ? figureVariant(rng, rule, BALANCE_MAKERS, report, n)
          : rule === 'reused-text' ? reusedVariant(rng, corpus, report, n)
            : rule === 'stale-year' ? staleVariant(rng, corpus, report, n)
              : missingVariant(rng, report, n);
      variants.push({ id: `${rule}-${String(n + 1).padStart(2, '0')}`, ...variant });
    }
  }
  return variants;
}

/**
 * Two reports of about `size` bytes each made from the corpus, sharing no text but `copies`
 * paragraphs of the earlier one pasted, apart from each other, into the draft: what `check --against`
 * must find, all of it and nothing else. The earlier report is 001, 000 and 003 (repeated to the
 * size), the draft 002 and 004 (likewise); the corpus reports share no paragraph across files.
 */
export function reusePair(corpus, { seed = 20250522, size = 100_000, copies = 5 } = {}) {
  const rng = new Rng(seed, 'reuse-pair');
  const byPrefix = (p) => corpus.find((r) => r.name.startsWith(p)).text;
  // Whole reports in turn, line by line, up to `size` bytes.
  const fill = (parts) => {
    const lines = parts.join('\n').split('\n');
    const out = [];
    for (let i = 0, bytes = 0; bytes < size; i++) {
      const line = lines[i % lines.length];
      out.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
    return out.join('\n');
  };
  const earlier = fill(['001', '000', '003'].map(byPrefix));
  const draftLines = fill(['002', '004'].map(byPrefix)).split('\n');
  const pool = rng.shuffle([...new Set(copyableLines({ text: earlier }))]).slice(0, copies);
  // Five places at least 20 lines apart, taken from the end so that earlier line numbers hold.
  const places = rng.shuffle(draftLines.map((_, i) => i).filter((i) => i >= 5 && i % 20 === 0)).slice(0, copies).sort((a, b) => b - a);
  for (const [k, at] of places.entries()) draftLines.splice(at, 0, pool[k]);
  const draft = draftLines.join('\n');
  const lines = draft.split('\n');
  const copied = pool.map((text) => ({ line: lines.indexOf(text) + 1, text }));
  return { earlier, draft, copied: copied.sort((a, b) => a.line - b.line) };
}

function main(argv) {
  const out = argv[0];
  if (!out || out.startsWith('-')) {
    process.stderr.write('usage: node scripts/plant-defects.mjs OUT_DIR [--seed N] [--per-rule N]\n');
    return 2;
  }
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i > 0 && argv[i + 1] ? Number(argv[i + 1]) : fallback;
  };
  const corpus = readCorpus(path.join(import.meta.dirname, '..', 'corpus'));
  const variants = plantDefects(corpus, { seed: option('--seed', 20250522), perRule: option('--per-rule', 24) });
  const index = [];
  for (const v of variants) {
    const dir = path.join(out, v.rule);
    fs.mkdirSync(dir, { recursive: true });
    const n = v.id.slice(-2);
    const files = { bad: path.join(dir, `${n}-bad.txt`), good: path.join(dir, `${n}-good.txt`) };
    fs.writeFileSync(files.bad, v.bad.text);
    fs.writeFileSync(files.good, v.good.text);
    if (v.bad.against) fs.writeFileSync((files.against = path.join(dir, `${n}-against.txt`)), v.bad.against);
    const { bad, good, ...rest } = v;
    index.push({ ...rest, files });
  }
  fs.writeFileSync(path.join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  const pair = reusePair(corpus, { seed: option('--seed', 20250522) });
  fs.mkdirSync(path.join(out, 'pair'), { recursive: true });
  fs.writeFileSync(path.join(out, 'pair', 'earlier.txt'), pair.earlier);
  fs.writeFileSync(path.join(out, 'pair', 'draft.txt'), pair.draft);
  fs.writeFileSync(path.join(out, 'pair', 'copied.json'), `${JSON.stringify(pair.copied, null, 2)}\n`);
  process.stdout.write(`wrote ${variants.length} variants and pair/ (draft.txt copies ${pair.copied.length} paragraphs of earlier.txt) to ${out}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));

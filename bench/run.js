// npm run bench: extraction throughput on the corpus against the floor — opencc conversion plus
// nodejieba segmentation of the same text, measured in the same run. Prints a table and writes
// bench/results.json. Not a test: numbers vary by machine; ratios are what to compare.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { converter, detectScript, parseDocument, extractDocument, loadSegmenter, segmentDocument } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = join(root, 'corpus');
const texts = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ file: f, text: readFileSync(join(corpusDir, f), 'utf8') }));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);

loadSegmenter(); // both sides pay the dictionary load outside the timed part

function time(label, fn) {
  fn(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { label, seconds, mbPerSecond: (bytes * rounds) / 1e6 / seconds };
}

const jieba = loadSegmenter();
const floor = time('floor: opencc + nodejieba', () => {
  for (const { text } of texts) {
    const { variant } = detectScript(text);
    const simplified = variant === 'cn' ? text : converter(variant, 'cn')(text);
    for (const line of simplified.split('\n')) if (line) jieba.cut(line);
  }
});
const parse = time('normalise + structure', () => {
  for (const { file, text } of texts) parseDocument(file, text);
});
const extract = time('extract (all stages)', () => {
  for (const { file, text } of texts) extractDocument(parseDocument(file, text));
});
const segmentOnly = time('normalise + structure + segment', () => {
  for (const { file, text } of texts) segmentDocument(parseDocument(file, text));
});

const rows = [floor, parse, segmentOnly, extract].map((r) => ({ ...r, ratioToFloor: r.mbPerSecond / floor.mbPerSecond }));
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`corpus: ${texts.length} files, ${(bytes / 1e3).toFixed(1)} KB, ${rounds} rounds\n`);
console.log('| stage | MB/s | ratio to floor |');
console.log('|---|---|---|');
for (const r of rows) console.log(`| ${r.label} | ${r.mbPerSecond.toFixed(2)} | ${r.ratioToFloor.toFixed(2)} |`);
console.log(`\npeak RSS: ${peakRssMb.toFixed(0)} MB`);
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), corpusBytes: bytes, rounds, rows, peakRssMb }, null, 2)}\n`);

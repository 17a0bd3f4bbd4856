#!/usr/bin/env node
// `npm run eval`: extraction quality on the real-text development set (test/gold/real/), per field.
// Runs the built library on the whole corpus reports (headings and sections count) and compares the items
// that start inside each annotated passage with the hand annotation. --json prints the figures as JSON;
// --misses lists every disagreement (for reading, never for tuning to one passage).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { converter, Zongjie } from '../dist/index.js';
import { annotatedPassages, scoreDevSet } from '../test/gold/real/score.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passages = annotatedPassages();
if (!passages.length) {
  console.error('eval: no annotated passages in test/gold/real/annotations/');
  process.exit(2);
}

// Extract every report once.
const extractions = new Map();
await new Zongjie({}).extractFiles([...new Set(passages.map((p) => join(root, 'corpus', p.file)))], {}, (extraction) => {
  extractions.set(extraction.file.split('/').pop(), extraction);
});
const { rows, misses } = scoreDevSet(passages, extractions, converter('tw', 'cn'));

if (process.argv.includes('--json')) console.log(JSON.stringify({ passages: passages.length, rows }, null, 1));
else {
  console.log(`Real-text development set: ${passages.length} annotated passages of corpus/ (test/gold/real/)\n`);
  console.log('| field | gold | found | precision | recall | F1 |\n| --- | --- | --- | --- | --- | --- |');
  for (const r of rows.filter((r) => 'f1' in r)) console.log(`| ${r.field} | ${r.gold} | ${r.found} | ${r.precision} | ${r.recall} | ${r.f1} |`);
  console.log('\n| field (on matched figures / activities) | items | accuracy |\n| --- | --- | --- |');
  for (const r of rows.filter((r) => 'accuracy' in r)) console.log(`| ${r.field}${r.field === 'subject' ? ` (lenient; ${r.empty} empty)` : ''} | ${r.of} | ${r.accuracy} |`);
}
if (process.argv.includes('--misses')) console.log(`\n${misses.join('\n')}`);

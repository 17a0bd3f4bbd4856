#!/usr/bin/env node
// Draws the real-text development set: passages of 500–1000 characters, at random with a fixed seed, from every
// report in corpus/. Each report is cut into consecutive passages that end on a sentence or line end; then passages
// are drawn from the pool without looking at their content. Run: node test/gold/real/sample.mjs [--write]
// It prints the list; --write (re)writes passages.json, which the annotations in annotations/ point into.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '../../../corpus');
const SEED = 20261206;
const WANTED = 62;
const MIN = 500;
const MAX = 1000;

// mulberry32: a small seeded generator, so the draw is the same on every machine.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCE_END = /[。！？；!?;\n]/u;
const CLAUSE_END = /[，、,：:]/u;

/** The last break at or before `limit` and after `floor`, preferring sentence ends to clause ends. */
function breakBefore(text, floor, limit) {
  for (const pattern of [SENTENCE_END, CLAUSE_END]) {
    for (let i = Math.min(limit, text.length) - 1; i >= floor; i--) if (pattern.test(text[i])) return i + 1;
  }
  return Math.min(limit, text.length);
}

function cut(file, text, random) {
  const passages = [];
  let start = 0;
  while (text.length - start >= MIN) {
    // Skip the line ends a passage would start with.
    while (text[start] === '\n') start++;
    const target = start + MIN + Math.floor(random() * (MAX - MIN));
    const end = text.length - start <= MAX ? text.length : breakBefore(text, start + MIN, target);
    if (end - start >= MIN) passages.push({ file, start, end });
    start = end;
  }
  return passages;
}

const random = generator(SEED);
const files = readdirSync(corpus).filter((name) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(name)).sort();
const pool = files.flatMap((file) => cut(file, readFileSync(join(corpus, file), 'utf8'), random));
// Fisher–Yates with the same generator, then the first WANTED in corpus order.
for (let i = pool.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [pool[i], pool[j]] = [pool[j], pool[i]];
}
const drawn = pool.slice(0, WANTED).sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start);
const passages = drawn.map((p, index) => {
  const text = readFileSync(join(corpus, p.file), 'utf8').slice(p.start, p.end);
  return { id: `p${String(index + 1).padStart(2, '0')}`, ...p, text };
});

for (const p of passages) console.log(p.id, p.file, p.start, p.end, p.end - p.start);
console.log(`${passages.length} passages of ${pool.length} in the pool, ${passages.reduce((n, p) => n + p.text.length, 0)} characters`);
if (process.argv.includes('--write')) writeFileSync(join(here, 'passages.json'), `${JSON.stringify(passages, null, 1)}\n`);

#!/usr/bin/env node
// Checks annotations/pNN.json against passages.json and prints every item in its context.
// Usage: node test/gold/real/validate.mjs [pNN ...] [--quiet]   (exit 1 on any error)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveAnchor } from './anchors.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const passages = JSON.parse(readFileSync(join(here, 'passages.json'), 'utf8'));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const quiet = process.argv.includes('--quiet');
const QUALIFIERS = ['exact', 'about', 'at_least', 'at_most', 'more_than'];
const MODALITIES = ['actual', 'target', 'comparison'];
const RELATIONS = ['level', 'change'];
let errors = 0;

function fail(id, message) {
  errors++;
  console.log(`ERROR ${id}: ${message}`);
}

function context(text, at, length) {
  const before = text.slice(Math.max(0, at - 12), at);
  const after = text.slice(at + length, at + length + 8);
  return `${before}【${text.slice(at, at + length)}】${after}`.replace(/\n/g, '⏎');
}

for (const passage of passages) {
  if (wanted.length && !wanted.includes(passage.id)) continue;
  const path = join(here, 'annotations', `${passage.id}.json`);
  if (!existsSync(path)) {
    if (wanted.length) fail(passage.id, 'no annotation file');
    continue;
  }
  let gold;
  try {
    gold = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(passage.id, `not JSON: ${error.message}`);
    continue;
  }
  if (gold.id !== passage.id) fail(passage.id, `id is ${gold.id}`);
  for (const kind of ['figures', 'placeholders', 'blanks', 'activities']) {
    if (!Array.isArray(gold[kind])) fail(passage.id, `${kind} missing (use [] when there are none)`);
  }
  if (!quiet) console.log(`\n== ${passage.id} ${passage.file} ${passage.start}-${passage.end}`);
  for (const kind of ['figures', 'placeholders', 'blanks', 'activities']) {
    for (const item of gold[kind] ?? []) {
      const at = resolveAnchor(passage.text, item);
      const where = `${kind} ${JSON.stringify(item.text)}${item.n ? ` n=${item.n}` : ''}`;
      if (at < 0) {
        fail(passage.id, `${where} not found in the passage`);
        continue;
      }
      if (kind === 'figures') {
        if (typeof item.value !== 'number') fail(passage.id, `${where}: value must be a number`);
        if (typeof item.unit !== 'string') fail(passage.id, `${where}: unit must be a string`);
        if (!item.subject) fail(passage.id, `${where}: subject is empty`);
        if (!QUALIFIERS.includes(item.qualifier)) fail(passage.id, `${where}: qualifier ${item.qualifier}`);
        if (!MODALITIES.includes(item.modality)) fail(passage.id, `${where}: modality ${item.modality}`);
        if (!RELATIONS.includes(item.relation)) fail(passage.id, `${where}: relation ${item.relation}`);
      }
      if (kind === 'blanks' && !item.unit) fail(passage.id, `${where}: unit needed`);
      if (kind === 'activities' && (!item.verb || !item.object)) fail(passage.id, `${where}: verb and object needed`);
      if (!quiet) {
        const fields = { ...item };
        delete fields.text;
        delete fields.n;
        console.log(`  ${kind.padEnd(12)} ${context(passage.text, at, item.text.length)}  ${JSON.stringify(fields)}`);
      }
    }
  }
}
console.log(errors ? `\n${errors} error(s)` : '\nall annotations valid');
process.exit(errors ? 1 : 0);

// The postinstall rebuild of nodejieba (scripts/patch-nodejieba.mjs): one segmenter per process,
// shared by worker threads, cutting exactly as a thread's own would. Runs in child processes, so
// that the shared dictionary these tests change never reaches the other tests.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS, CORPUS_FILES, ROOT } from '../helpers/corpus.js';
// @ts-expect-error plain ESM script without types
import { PATCH_ID, patchSources, patchState } from '../../scripts/patch-nodejieba.mjs';
import { segmenterSharedByThreads } from '../../src/segment/jieba.js';

const NODEJIEBA = dirname(createRequire(join(ROOT, 'package.json')).resolve('nodejieba/package.json'));
const SEGMENT = pathToFileURL(join(ROOT, 'dist', 'segment', 'index.js')).href;

/** Runs an ES module in a fresh node process; its last stdout line is JSON. */
function runModule(code: string): unknown {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`child exited ${r.status} (signal ${r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

// Each thread (main and two workers, cutting at the same time, three rounds) cuts the corpus.
const CUT_IN_THREADS = `
import { Worker } from 'node:worker_threads';
const files = ${JSON.stringify(CORPUS_FILES.map((f) => join(CORPUS, f)))};
const cutAll = \`
  const { segment } = await import(${JSON.stringify(SEGMENT)});
  const { readFileSync } = await import('node:fs');
  const out = [];
  for (let round = 0; round < 3; round++)
    for (const f of files) out.push(segment(readFileSync(f, 'utf8'), { pos: round === 1 }).map((t) => t.word + '/' + t.start + (t.tag ?? '')).join(' '));
  return out;\`;
const inWorker = () => new Promise((resolve, reject) => {
  const w = new Worker(\`const files = \${JSON.stringify(files)};
    (async () => { \${cutAll} })().then(async (r) => (await import('node:worker_threads')).parentPort.postMessage(r));\`, { eval: true });
  w.on('message', resolve); w.on('error', reject);
});
const mine = await new Function('files', 'return (async () => {' + cutAll + '})()')(files);
const theirs = await Promise.all([inWorker(), inWorker()]);
console.log(JSON.stringify({ mine, theirs }));
`;

// A word inserted by one worker is known to the main thread: they hold one segmenter.
const SHARED_ACROSS_THREADS = `
import { Worker } from 'node:worker_threads';
const { loadSegmenter } = await import(${JSON.stringify(SEGMENT)});
const jieba = loadSegmenter();
const sentence = '推广班组管理金点子工作法';
const before = jieba.cut(sentence);
await new Promise((resolve, reject) => {
  const w = new Worker(\`import(${JSON.stringify(SEGMENT)}).then(async ({ loadSegmenter }) => {
    loadSegmenter().insertWord('金点子工作法');
    (await import('node:worker_threads')).parentPort.postMessage('done');
  });\`, { eval: true });
  w.on('message', resolve); w.on('error', reject);
});
console.log(JSON.stringify({ before, after: jieba.cut(sentence) }));
`;

describe('nodejieba rebuilt with a shared segmenter', () => {
  it('is installed: the postinstall patched and rebuilt it', () => {
    expect(patchState(NODEJIEBA)).toBe('patched');
    // What stats asks before building the segmenter on its main thread for its workers to share.
    expect(segmenterSharedByThreads()).toBe(true);
    const header = readFileSync(join(NODEJIEBA, 'lib', 'nodejieba.h'), 'utf8');
    const source = readFileSync(join(NODEJIEBA, 'lib', 'nodejieba.cpp'), 'utf8');
    expect(source).toContain(PATCH_ID);
    // Idempotent on patched sources; refuses sources it was not written for.
    expect(patchSources(header, source)).toEqual({ header, source });
    expect(patchSources(header.replace(PATCH_ID, 'x'), 'int main() {}')).toBeNull();
  });

  it('cuts and tags the corpus the same in the main thread and in two concurrent workers', () => {
    const { mine, theirs } = runModule(CUT_IN_THREADS) as { mine: string[]; theirs: string[][] };
    expect(mine).toHaveLength(3 * CORPUS_FILES.length);
    expect(mine.join(' ').length).toBeGreaterThan(100_000);
    for (const other of theirs) expect(other).toEqual(mine);
  }, 60_000);

  it('is one segmenter for all threads of a process', () => {
    const { before, after } = runModule(SHARED_ACROSS_THREADS) as { before: string[]; after: string[] };
    expect(before).not.toContain('金点子工作法');
    expect(after).toContain('金点子工作法');
  }, 60_000);
});

#!/usr/bin/env node
// Postinstall: rebuilds nodejieba so that one segmenter serves the whole process.
//
// Stock nodejieba 3.x builds two copies of its 350,000-word dictionary trie on load() (one for the
// segmenter, one for its TextRank extractor), and one pair per worker thread. That is 235 MB per
// thread and a second of loading, which kept `zongjie stats --workers 2` over its memory budget.
// The patch changes two things in nodejieba's own binding (lib/nodejieba.{h,cpp}):
//   - the TextRank extractor borrows the segmenter's trie (cppjieba's own constructor for this);
//   - load() with the same files returns the segmenter already built in this process, so worker
//     threads share one. cppjieba's cut and tag are const and keep no state between calls, so
//     concurrent cuts are safe; insertWord() on a shared segmenter changes it for every thread.
// Segmentation is unchanged (the tests compare cuts across threads on the corpus).
//
// Never fails the install: when nodejieba is not the expected version, the sources do not match, or
// the rebuild fails, it restores stock nodejieba, says so on stderr and exits 0. Idempotent.
//
//   node scripts/patch-nodejieba.mjs [--check]     (--check: report the state, change nothing)
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const PATCH_ID = 'zongjie-shared-segmenter-1';

const HEADER_FROM = `  cppjieba::Jieba* _jieba_handle{nullptr};
  cppjieba::TextRankExtractor* _text_rank_extractor_handle{nullptr};`;
const HEADER_TO = `  // ${PATCH_ID}: shared by every thread that loads the same files.
  std::shared_ptr<cppjieba::Jieba> _jieba_handle;
  std::shared_ptr<cppjieba::TextRankExtractor> _text_rank_extractor_handle;`;
const HEADER_INCLUDE_FROM = '#include <napi.h>\n';
const HEADER_INCLUDE_TO = '#include <napi.h>\n#include <memory>\n';

const LOAD_FROM = / {2}delete _jieba_handle;\n {2}_jieba_handle = new cppjieba::Jieba\([^;]*\);\n\n {2}delete _text_rank_extractor_handle;\n {2}_text_rank_extractor_handle = new cppjieba\s*::TextRankExtractor\([^;]*\);\n/;
const LOAD_TO = `  // ${PATCH_ID}: one segmenter per process and set of files, built once and shared by threads.
  static std::mutex cacheMutex;
  static std::map<std::string, SharedSegmenter> cache;
  const std::string key = dictPath + '\\n' + modelPath + '\\n' + userDictPath + '\\n' + idfPath + '\\n' + stopWordsPath;
  std::lock_guard<std::mutex> lock(cacheMutex);
  SharedSegmenter& shared = cache[key];
  std::shared_ptr<cppjieba::Jieba> jieba = shared.jieba.lock();
  std::shared_ptr<cppjieba::TextRankExtractor> textRank = shared.textRank.lock();
  if (!jieba || !textRank) {
    jieba = std::make_shared<cppjieba::Jieba>(dictPath, modelPath, userDictPath, idfPath, stopWordsPath);
    // The extractor borrows the segmenter's trie and HMM model: its deleter keeps them alive.
    textRank = std::shared_ptr<cppjieba::TextRankExtractor>(
        new cppjieba::TextRankExtractor(*jieba, stopWordsPath), KeepJieba{jieba});
    shared = SharedSegmenter{jieba, textRank};
  }
  _jieba_handle = jieba;
  _text_rank_extractor_handle = textRank;
`;
const INCLUDES_FROM = '#include "cppjieba/TextRankExtractor.hpp"\n';
const INCLUDES_TO = `#include "cppjieba/TextRankExtractor.hpp"

#include <map>
#include <mutex>

// ${PATCH_ID}: deleter of a shared TextRank extractor; holds the segmenter whose trie it borrows.
struct KeepJieba {
  std::shared_ptr<cppjieba::Jieba> jieba;
  void operator()(cppjieba::TextRankExtractor* extractor) const { delete extractor; }
};

// The segmenter built for one set of files, while some thread still uses it.
struct SharedSegmenter {
  std::weak_ptr<cppjieba::Jieba> jieba;
  std::weak_ptr<cppjieba::TextRankExtractor> textRank;
};
`;

/** Applies the patch to the two sources; null when they are not the sources it was written for. */
export function patchSources(header, source) {
  if (header.includes(PATCH_ID) && source.includes(PATCH_ID)) return { header, source };
  if (!header.includes(HEADER_FROM) || !header.includes(HEADER_INCLUDE_FROM)) return null;
  if (!LOAD_FROM.test(source) || !source.includes(INCLUDES_FROM)) return null;
  return {
    header: header.replace(HEADER_INCLUDE_FROM, HEADER_INCLUDE_TO).replace(HEADER_FROM, HEADER_TO),
    source: source.replace(INCLUDES_FROM, INCLUDES_TO).replace(LOAD_FROM, LOAD_TO),
  };
}

function nodejiebaDir() {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('nodejieba/package.json'));
}

/** What is installed: 'patched' (sources and binary), 'stock', or 'missing'. */
export function patchState(dir = nodejiebaDir()) {
  const marker = path.join(dir, 'build', 'Release', `${PATCH_ID}.json`);
  if (!fs.existsSync(path.join(dir, 'build', 'Release', 'nodejieba.node'))) return 'missing';
  return fs.existsSync(marker) ? 'patched' : 'stock';
}

function say(message) {
  process.stderr.write(`zongjie postinstall: ${message}\n`);
}

function main() {
  let dir;
  try {
    dir = nodejiebaDir();
  } catch {
    say('nodejieba is not installed; nothing to patch.');
    return;
  }
  const state = patchState(dir);
  if (process.argv.includes('--check')) {
    console.log(`${dir}: ${state}`);
    return;
  }
  if (state === 'patched') return;

  const headerPath = path.join(dir, 'lib', 'nodejieba.h');
  const sourcePath = path.join(dir, 'lib', 'nodejieba.cpp');
  const binaryPath = path.join(dir, 'build', 'Release', 'nodejieba.node');
  const header = fs.readFileSync(headerPath, 'utf8');
  const source = fs.readFileSync(sourcePath, 'utf8');
  const patched = patchSources(header, source);
  if (!patched) {
    say(`nodejieba at ${dir} is not the version this patch was written for; using it as it is ` +
      '(each worker thread loads its own dictionary).');
    return;
  }
  const stockBinary = fs.existsSync(binaryPath) ? fs.readFileSync(binaryPath) : null;
  fs.writeFileSync(headerPath, patched.header);
  fs.writeFileSync(sourcePath, patched.source);

  say('rebuilding nodejieba with one shared segmenter per process (about 10 s)…');
  // nodejieba's own "rebuild" script, which always compiles from source.
  const build = spawnSync('npx', ['--yes', '@mapbox/node-pre-gyp', 'rebuild'], {
    cwd: dir,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (build.status === 0 && fs.existsSync(binaryPath)) {
    fs.writeFileSync(path.join(dir, 'build', 'Release', `${PATCH_ID}.json`),
      `${JSON.stringify({ patch: PATCH_ID, nodejieba: readVersion(dir) })}\n`);
    say('done.');
    return;
  }
  // Put stock nodejieba back exactly as it was installed.
  fs.writeFileSync(headerPath, header);
  fs.writeFileSync(sourcePath, source);
  if (stockBinary) {
    fs.mkdirSync(path.dirname(binaryPath), { recursive: true });
    fs.writeFileSync(binaryPath, stockBinary);
  }
  say(`the rebuild failed, stock nodejieba is kept (each worker thread loads its own dictionary):\n` +
    `${(build.stderr || String(build.error ?? '')).trim().split('\n').slice(-8).join('\n')}`);
}

function readVersion(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

// Run as a script (npm's postinstall), not when the tests import it.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();

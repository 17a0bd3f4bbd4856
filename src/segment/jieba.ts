// nodejieba, loaded lazily and once per process, with the domain user dictionary from rules/dict/.
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { rulesDir } from '../config/paths.js';
import { dirname, join } from 'node:path';

type Jieba = typeof import('nodejieba');
/** One word of jieba's tag(): the word and its part of speech. */
export type TaggedWord = ReturnType<Jieba['tag']>[number];

let jieba: Jieba | null = null;

/** True once the segmenter has been loaded in this process (a run without segmentation never loads it). */
export function isSegmenterLoaded(): boolean {
  return jieba !== null;
}

export const USER_DICT = join(rulesDir(), 'dict', 'zongjie.dict.txt');
// nodejieba's load() also reads a 260,000-word IDF table and a stop-word list for its keyword
// extractors, which zongjie never calls (themes use natural's TF-IDF): one-line stand-ins save
// about 20 MB per segmenter and 0.15 s of every run that segments.
const UNUSED_IDF = join(rulesDir(), 'dict', 'unused-idf.utf8');
const UNUSED_STOP_WORDS = join(rulesDir(), 'dict', 'unused-stop-words.utf8');

export function loadSegmenter(): Jieba {
  if (jieba) return jieba;
  // nodejieba is a native CommonJS addon; require keeps its load on the first use only.
  const loaded = createRequire(import.meta.url)('nodejieba') as Jieba;
  loaded.load({
    ...(existsSync(USER_DICT) ? { userDict: USER_DICT } : {}),
    ...(existsSync(UNUSED_IDF) ? { idfDict: UNUSED_IDF } : {}),
    ...(existsSync(UNUSED_STOP_WORDS) ? { stopWordDict: UNUSED_STOP_WORDS } : {}),
  });
  jieba = loaded;
  return loaded;
}

/**
 * True when nodejieba was rebuilt by scripts/patch-nodejieba.mjs, whose load() hands every thread of
 * the process the one segmenter already built from the same files (its marker sits beside the binary).
 */
export function segmenterSharedByThreads(): boolean {
  try {
    const release = join(dirname(createRequire(import.meta.url).resolve('nodejieba')), 'build', 'Release');
    return readdirSync(release).some((name) => name.startsWith('zongjie-shared-segmenter-'));
  } catch {
    return false;
  }
}

// nodejieba, loaded lazily and once per process, with the domain user dictionary from rules/dict/.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { rulesDir } from '../rules/paths.js';
import { join } from 'node:path';

type Jieba = typeof import('nodejieba');

let jieba: Jieba | null = null;

/** True once the segmenter has been loaded in this process (a run without segmentation never loads it). */
export function isSegmenterLoaded(): boolean {
  return jieba !== null;
}

export const USER_DICT = join(rulesDir(), 'dict', 'zongjie.dict.txt');

export function loadSegmenter(): Jieba {
  if (jieba) return jieba;
  // nodejieba is a native CommonJS addon; require keeps its load on the first use only.
  const loaded = createRequire(import.meta.url)('nodejieba') as Jieba;
  loaded.load(existsSync(USER_DICT) ? { userDict: USER_DICT } : {});
  jieba = loaded;
  return loaded;
}

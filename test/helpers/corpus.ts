// Test helpers: the corpus files, loaded once, and a SourceCode from text.
import { SourceCode } from '../../src/source/source-code.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';


export const ROOT = join(import.meta.dirname, '..', '..');
export const CORPUS = join(ROOT, 'corpus');
export const CORPUS_FILES = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();

export function corpusPath(prefix: string): string {
  const file = CORPUS_FILES.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no corpus file ${prefix}`);
  return join(CORPUS, file);
}

export function corpusText(prefix: string): string {
  return readFileSync(corpusPath(prefix), 'utf8');
}

const docs = new Map<string, SourceCode>();
export function corpusDoc(prefix: string): SourceCode {
  let doc = docs.get(prefix);
  if (!doc) {
    doc = SourceCode.fromText(`corpus/${CORPUS_FILES.find((f) => f.startsWith(prefix))}`, corpusText(prefix));
    docs.set(prefix, doc);
  }
  return doc;
}

export function textDoc(text: string, path = 'draft.txt'): SourceCode {
  return SourceCode.fromText(path, text);
}

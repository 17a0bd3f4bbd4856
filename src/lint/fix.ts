// Applying safe fixes to the original text, and writing the result atomically: a temporary file in
// the same directory, flushed, then renamed over the original, so an interrupted write never leaves
// a half-written report. Encoding, BOM and line ends are kept.
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { encodeText } from '../io/index.js';
import type { LintMessage } from './types.js';

/** Apply non-overlapping fixes (the first of two overlapping ones wins); returns the new text and how many applied. */
export function applyFixes(original: string, messages: LintMessage[]): { text: string; applied: number } {
  const fixes = messages.filter((m) => m.fix).map((m) => m.fix!).sort((a, b) => a.range[0] - b.range[0]);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of fixes) {
    if (fix.range[0] < cursor) continue;
    out += original.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
    applied++;
  }
  return { text: out + original.slice(cursor), applied };
}

export function writeFileAtomic(path: string, text: string, encoding: string, bom: boolean): void {
  const bytes = encodeText(text, encoding, bom);
  const temp = join(dirname(path), `.${basename(path)}.zongjie-${process.pid}-${Date.now()}.tmp`);
  const mode = statSync(path).mode;
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  chmodSync(temp, mode);
  renameSync(temp, path);
}

/** A line diff of two texts with the same line structure: `-`/`+` for each changed line. */
export function lineDiff(file: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: string[] = [`--- ${file}`, `+++ ${file} (fixed)`];
  if (a.length !== b.length) return [...out, ...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)].join('\n');
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    out.push(`@@ -${i + 1} +${i + 1} @@`, `-${a[i]!.replace(/\r$/, '')}`, `+${b[i]!.replace(/\r$/, '')}`);
  }
  return out.join('\n');
}

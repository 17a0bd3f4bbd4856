// Fixes of a lint result: worked out against the document's original text, written back atomically
// (only when asked), and shown as a diff. A Word document is never written back: its text is not its file.
import { applyFixes, lineDiff } from '../lint/fix.js';
import { WriteBackError, writeBack, type WriteBackOptions } from '../lint/write-back.js';
import { describeFsError } from '../io/index.js';
import type { LintFailure, LintResult } from '../lint/types.js';
import type { SourceCode } from '../source/source-code.js';

/** A file's fixed text, ready to write over it. */
export interface FixedFile {
  path: string;
  original: string;
  output: string;
  encoding: string;
  bom: boolean;
  /** How many fixes made it in (of two overlapping ones, the first). */
  applied: number;
}

// Kept off the result's own keys, so that no output format (JSON, SARIF …) ever shows the whole file.
const FIXED = Symbol('zongjie.fixed');
type WithFixes = LintResult & { [FIXED]?: FixedFile };

/** Work out the fixes of `result` on its source; a .docx or a result with nothing to fix gets none. */
export function attachFixes(result: LintResult, source: SourceCode): void {
  if (result.fixableCount === 0 || source.file.positions === 'paragraph') return;
  const { text, applied } = applyFixes(source.original, result.messages);
  const { path, encoding, bom } = source.file;
  (result as WithFixes)[FIXED] = { path, original: source.original, output: text, encoding, bom, applied };
}

/** The fixes worked out for a result (by a Zongjie run with `fix: true`), if any. */
export function fixesOf(result: LintResult): FixedFile | undefined {
  return (result as WithFixes)[FIXED];
}

/** A unified diff of a result's fixes ("" when it has none). */
export function fixDiff(result: LintResult): string {
  const fixed = fixesOf(result);
  return fixed ? lineDiff(result.file, fixed.original, fixed.output) : '';
}

/**
 * Write every result's fixes over its file, atomically, in the file's own encoding, BOM and line
 * ends; the fixed problems leave the result. A file that cannot be written (or is refused: bytes
 * that would not survive, a symbolic link out of `options.roots`) is a failure of its own, with a
 * one-line reason, and the others are still written (lint/write-back.ts).
 */
export function outputFixes(results: Iterable<LintResult>, options: WriteBackOptions = {}): { fixed: number; failures: LintFailure[] } {
  let fixed = 0;
  const failures: LintFailure[] = [];
  for (const result of results) {
    const fixes = fixesOf(result);
    if (!fixes) continue;
    try {
      writeBack(fixes.path, fixes.original, fixes.output, fixes.encoding, fixes.bom, options);
    } catch (error) {
      const reason = error instanceof WriteBackError ? error.message : describeFsError(error);
      failures.push({ file: result.file, error: `cannot write the fixes: ${reason}` });
      continue;
    }
    fixed += fixes.applied;
    removeFixed(result);
    delete (result as WithFixes)[FIXED];
  }
  return { fixed, failures };
}

/** After the fixes were written, the fixed problems are no longer there to report. */
function removeFixed(result: LintResult): void {
  const remaining = result.messages.filter((m) => !m.fix);
  result.messages = remaining;
  result.errorCount = remaining.filter((m) => m.severity === 'error').length;
  result.warningCount = remaining.filter((m) => m.severity === 'warning').length;
  result.infoCount = remaining.filter((m) => m.severity === 'info').length;
  result.fixableCount = 0;
}

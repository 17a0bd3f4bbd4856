// How `zongjie check` writes a format as the run goes.
import type { LintFailure, LintResult } from '../lint/types.js';

/**
 * A format written as the run goes, so a run over a large archive holds one file's results at a
 * time: `file` for each checked file in input order, then `end` once with the files that failed.
 * The pieces joined are exactly the format's whole output.
 */
export interface LintStream {
  file(result: LintResult): string;
  end(failures: LintFailure[]): string;
}

/** The whole output of a stream over results already in hand. */
export function drain(stream: LintStream, results: LintResult[], failures: LintFailure[]): string {
  let out = '';
  for (const r of results) out += stream.file(r);
  return out + stream.end(failures);
}

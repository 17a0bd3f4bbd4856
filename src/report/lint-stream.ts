// How `zongjie check` writes a format as the run goes, and the options every format takes.
import type { ChineseScript } from '../text/messages.js';
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

/** A rule as the SARIF driver lists it. */
export interface LintRuleInfo {
  id: string;
  description: string;
  /** Docs page: an absolute URL, or a path relative to the package root (docs/rules/placeholder.md). */
  url: string;
  defaultSeverity: 'info' | 'warning' | 'error';
}

export interface LintFormatOptions {
  /** Language of the formatter's own words (labels, summary); messages come already translated. */
  lang: 'zh' | 'en';
  /** Their characters, when the run fixed them (--lang zh-Hant); else simplified. */
  script?: ChineseScript;
  /** ANSI colour (stylish only). */
  color: boolean;
  /** zongjie's version, for SARIF. */
  version: string;
  /** Directory that paths are made relative to (SARIF, GitHub annotations). */
  cwd: string;
  /** Every rule of the run, for SARIF's rule table. */
  rules: LintRuleInfo[];
}

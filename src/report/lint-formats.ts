// The output formats of `zongjie check`: their names, their options, and one entry point that picks one.
import type { LintFailure, LintResult } from '../lint/types.js';
import { formatGithub } from './github.js';
import { formatLintJson } from './lint-json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

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
  /** ANSI colour (stylish only). */
  color: boolean;
  /** zongjie's version, for SARIF. */
  version: string;
  /** Directory that paths are made relative to (SARIF, GitHub annotations). */
  cwd: string;
  /** Every rule of the run, for SARIF's rule table. */
  rules: LintRuleInfo[];
}

export type LintFormatter = (results: LintResult[], failures: LintFailure[], options: LintFormatOptions) => string;

const FORMATTERS: Record<LintFormat, LintFormatter> = {
  stylish: formatStylish,
  json: formatLintJson,
  sarif: formatSarif,
  github: formatGithub,
};

export function isLintFormat(name: string): name is LintFormat {
  return (LINT_FORMATS as readonly string[]).includes(name);
}

export function formatLintResults(format: LintFormat, results: LintResult[], failures: LintFailure[], options: LintFormatOptions): string {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new Error(`unknown lint format "${String(format)}" (expected ${LINT_FORMATS.join(', ')})`);
  return formatter(results, failures, options);
}

// The output formats of `zongjie check`: their names, their options, and one entry point that picks one.
import type { LintFailure, LintResult } from '../lint/types.js';
import { drain, type LintFormatOptions, type LintStream } from './lint-stream.js';
import { streamGithub } from './github.js';
import { streamLintJson } from './lint-json.js';
import { formatSarif } from './sarif.js';
import { streamStylish } from './stylish.js';

export type { LintStream, LintFormatOptions, LintRuleInfo } from './lint-stream.js';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export type LintFormatter = (results: LintResult[], failures: LintFailure[], options: LintFormatOptions) => string;

/** A format that needs every result before it can write (SARIF's one JSON log): held, written at the end. */
function collecting(formatter: LintFormatter, options: LintFormatOptions): LintStream {
  const results: LintResult[] = [];
  return {
    file(result) {
      results.push(result);
      return '';
    },
    end: (failures) => formatter(results, failures, options),
  };
}

const STREAMS: Record<LintFormat, (options: LintFormatOptions) => LintStream> = {
  stylish: streamStylish,
  json: streamLintJson,
  sarif: (options) => collecting(formatSarif, options),
  github: streamGithub,
};

export function streamLintResults(format: LintFormat, options: LintFormatOptions): LintStream {
  const stream = STREAMS[format];
  if (!stream) throw new Error(`unknown lint format "${String(format)}" (expected ${LINT_FORMATS.join(', ')})`);
  return stream(options);
}

export function formatLintResults(format: LintFormat, results: LintResult[], failures: LintFailure[], options: LintFormatOptions): string {
  return drain(streamLintResults(format, options), results, failures);
}

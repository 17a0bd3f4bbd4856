// `zongjie check --format json`: the DESIGN.md contract, contract fields first, extra fields after.
import type { LintFailure, LintMessage, LintResult } from '../lint/types.js';

import { nestedJson } from './json-layout.js';
import type { LintStream } from './lint-stream.js';

function messageJson(m: LintMessage): object {
  const { ruleId, severity, message, line, column, endLine, endColumn, offset, related, ...extra } = m;
  return {
    ruleId,
    severity,
    message,
    line,
    column,
    endLine,
    endColumn,
    offset,
    // The contract promises `related`; an empty list says "no other place" without a missing field.
    related: (related ?? []).map((r) => ({ ...r })),
    ...extra,
  };
}

function resultJson(r: LintResult): object {
  const { file, errorCount, warningCount, messages, ...extra } = r;
  return { file, errorCount, warningCount, ...extra, messages: messages.map(messageJson) };
}

/** A file that could not be checked: one fatal message, as ESLint reports a parse failure. */
function failureJson(f: LintFailure): object {
  return {
    file: f.file,
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
    fixableCount: 0,
    messages: [
      { ruleId: null, severity: 'error', fatal: true, message: f.error, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, related: [] },
    ],
  };
}

/** The JSON array, one element at a time, laid out as JSON.stringify(array, null, 2) lays it out. */
export function streamLintJson(): LintStream {
  let count = 0;
  const element = (value: object) => `${count++ ? ',\n' : '[\n'}  ${nestedJson(value, 1)}`;
  return {
    file: (r) => element(resultJson(r)),
    end(failures) {
      const rest = failures.map((f) => element(failureJson(f))).join('');
      return count ? `${rest}\n]` : '[]';
    },
  };
}

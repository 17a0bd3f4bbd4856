// The lint result for one file: the JSON contract of `zongjie check --format json` (DESIGN.md),
// which every formatter reads.
import type { SourceLocation } from '../source/source-code.js';

export type ReportedSeverity = 'info' | 'warning' | 'error';

/** The other place of a duplicate: a SourceLocation less its endOffset (the contract's fields). */
export interface RelatedLocation extends Omit<SourceLocation, 'endOffset'> {
  /** The other file, when the other place is in an earlier report (reused-text, stale-year); else this file. */
  file?: string;
  /** How alike the two places are (duplicates), 0–1. */
  similarity?: number;
}

export interface LintMessage {
  ruleId: string;
  severity: ReportedSeverity;
  /** In the language asked for (Chinese by default). */
  message: string;
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  /** The original words the message is about (shortened when long). */
  source: string;
  /** Docs page of the rule (relative path in the package, e.g. docs/rules/placeholder.md). */
  url: string;
  related?: RelatedLocation[];
  similarity?: number;
  /** A safe fix: replace the ORIGINAL text [range[0], range[1]) with `text`. */
  fix?: { range: [number, number]; text: string };
}

export interface LintResult {
  file: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
  messages: LintMessage[];
  /** For .docx input: lines are paragraph numbers and columns characters within the paragraph. */
  positions?: 'paragraph';
}

/** A file that could not be checked at all (unreadable, undecodable). */
export interface LintFailure {
  file: string;
  error: string;
}

// A rule-file mistake: the file, line and column, and what was expected. It stops the run (exit 2).
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly expected: string,
  ) {
    super(`${file}:${line}:${column}: ${expected}`);
    this.name = 'RuleFileError';
  }
}

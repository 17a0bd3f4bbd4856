// Severities a rule file may give a rule; the rules' metadata uses the same scale.
export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What configuration needs to know of a rule: nothing but the schema its options are checked by. */
export interface RuleOptionsSchema {
  /** Zod schema of the options; defaults live in it. */
  options: unknown;
}

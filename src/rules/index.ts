// The registry: every check, sorted by id. Adding a check touches only this list.
import artifact from './artifact.js';
import balanceMismatch from './balance-mismatch.js';
import blankCount from './blank-count.js';
import doubledWord from './doubled-word.js';
import duplicateSection from './duplicate-section.js';
import figureConsistency from './figure-consistency.js';
import missingNumber from './missing-number.js';
import placeholder from './placeholder.js';
import repeatedSentence from './repeated-sentence.js';
import requiredSection from './required-section.js';
import reusedText from './reused-text.js';
import staleYear from './stale-year.js';
import sumMismatch from './sum-mismatch.js';
import yearConsistency from './year-consistency.js';
import type { Check, CheckMeta } from './types.js';

export const CHECKS: readonly Check<never>[] = [
  artifact, balanceMismatch, blankCount, doubledWord, duplicateSection, figureConsistency, missingNumber, placeholder, repeatedSentence, requiredSection, reusedText, staleYear, sumMismatch, yearConsistency,
] as unknown as Check<never>[];

export const CHECKS_BY_ID: ReadonlyMap<string, Check<never>> = new Map(CHECKS.map((c) => [c.meta.id, c]));

export function checkRegistry(): Map<string, CheckMeta> {
  return new Map(CHECKS.map((c) => [c.meta.id, c.meta as CheckMeta]));
}

export type * from './types.js';
export { formatMessage } from './types.js';

// What `zongjie stats` adds for an analyst who must sign the numbers: --include (targets and
// comparisons in their own columns), --explain (the figures behind one cell), and the warnings on
// stderr (errors with --strict).
import { explainCell, parseCellRef, resolveIndicator, type CellRef } from '../batch/explain.js';
import { INCLUDABLE, type IncludedModality } from '../batch/aggregate.js';
import type { StatsResult, StatsWarning } from '../batch/types.js';
import { explainJson, explainText } from '../report/stats-explain.js';
import { UsageError, runState, say, writeOut } from './shared.js';

/** --explain METRIC/YEAR[/ORG], checked before the run (a malformed one is exit 2 at once). */
export function parseExplain(value: string): CellRef {
  const ref = parseCellRef(value);
  if (!ref) throw new UsageError(say('stats.explainInvalid', { value }));
  return ref;
}

/** --include targets,comparisons. */
export function parseInclude(values: string[] | undefined): IncludedModality[] {
  const out: IncludedModality[] = [];
  for (const v of values ?? []) {
    if (!(INCLUDABLE as readonly string[]).includes(v)) throw new UsageError(say('stats.includeInvalid', { value: v }));
    if (!out.includes(v as IncludedModality)) out.push(v as IncludedModality);
  }
  return out;
}

/** Every warning on stderr, one line each: "warning:", or "error (--strict):" when they fail the run. */
export function reportWarnings(warnings: readonly StatsWarning[], strict: boolean): void {
  for (const w of warnings) process.stderr.write(`zongjie: ${say(strict ? 'stats.warningStrict' : 'stats.warning', { message: w.message })}\n`);
}

/** Prints the figures behind one cell: as text for a person, or as JSON with --format json. */
export function explainStats(result: StatsResult, ref: CellRef, format: string): void {
  const id = resolveIndicator(ref.indicator, result);
  if (!id) throw new UsageError(say('stats.explainUnknown', { name: ref.indicator }));
  const explanation = explainCell(result, { ...ref, indicator: id });
  writeOut(format === 'json' ? explainJson(explanation) : explainText(explanation, runState.lang));
}

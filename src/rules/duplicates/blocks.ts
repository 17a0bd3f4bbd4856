// Findings from groups of copies: runs copied in order become blocks, the rest single paragraphs.
//
// Walking the document in order, each paragraph with an earlier copy starts a finding unless an
// earlier finding already covers it. The finding follows an earlier copy forward in step, over
// gaps of up to `maxGap` unmatched paragraphs on either side (a paragraph rewritten, a heading
// added), and keeps the run that explains the most characters among the earlier copies; ties go
// to the earliest. So a block copied k times yields k - 1 findings, each pointing at the first
// copy of the whole run, and every paragraph is reported at most once. (A run that exists whole
// only in a later copy, 篇3 = 篇2 where 篇2 reuses half of 篇1, points at that later copy: the
// first place the whole run can be read.)
import { paragraphSimilarity, type DuplicateAnalysis } from './pairs.js';
import { round3, type DuplicateFinding, type DuplicateMatch } from './types.js';

// Earlier copies tried as the start of a run: the first ones (the original) and the nearest ones
// (the copy just made); a line repeated thousands of times must not make this quadratic.
const TRIED_EARLIEST = 8;
const TRIED_NEAREST = 8;

interface RunPair {
  original: number;
  copy: number;
  /** Matched through a short paragraph's exact equality: fills a run, never ends one. */
  short: boolean;
}

/**
 * What a paragraph is a copy of, for following runs: its group of copies (long paragraphs), or
 * its exact folded text (short ones, repeated at least twice), or -1.
 */
function copyClasses(analysis: DuplicateAnalysis): { classOf: Int32Array; short: Uint8Array } {
  const n = analysis.textOf.length;
  const classOf = new Int32Array(n).fill(-1);
  const short = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const id = analysis.textOf[p]!;
    if (id === -1) continue;
    const text = analysis.texts[id]!;
    if (text.comparable) classOf[p] = analysis.groupOf[p]!;
    else if (text.members.length > 1) {
      classOf[p] = n + id;
      short[p] = 1;
    }
  }
  return { classOf, short };
}

/** Steps to the next matched pair: smallest total first, then the most balanced, the likeliest alignment. */
function alignmentSteps(maxGap: number): [number, number][] {
  const steps: [number, number][] = [];
  for (let da = 1; da <= maxGap + 1; da++) for (let db = 1; db <= maxGap + 1; db++) steps.push([da, db]);
  return steps.sort((x, y) => x[0] + x[1] - (y[0] + y[1]) || Math.abs(x[0] - x[1]) - Math.abs(y[0] - y[1]) || x[0] - y[0]);
}

/** Follows the copy (original, copy) forward in step; the original stays before `limit`. */
function followRun(
  start: RunPair,
  classOf: Int32Array,
  short: Uint8Array,
  limit: number,
  maxGap: number,
): RunPair[] {
  const run = [start];
  let { original: a, copy: b } = start;
  const n = classOf.length;
  const steps = alignmentSteps(maxGap);
  for (;;) {
    let next: RunPair | null = null;
    for (const [da, db] of steps) {
      const a2 = a + da;
      const b2 = b + db;
      if (a2 >= limit || b2 >= n) continue;
      const c = classOf[a2]!;
      if (c !== -1 && c === classOf[b2]) {
        next = { original: a2, copy: b2, short: short[b2] === 1 };
        break;
      }
    }
    if (!next) break;
    run.push(next);
    a = next.original;
    b = next.copy;
  }
  while (run.length > 1 && run[run.length - 1]!.short) run.pop();
  return run;
}

function finding(analysis: DuplicateAnalysis, run: RunPair[], kind: DuplicateFinding['kind']): DuplicateFinding {
  const matches: DuplicateMatch[] = [];
  let total = 0;
  let exact = true;
  for (const { original, copy } of run) {
    const s = paragraphSimilarity(analysis, copy, original);
    const similarity = Math.max(s.jaccard, s.containment);
    total += similarity;
    exact &&= s.exact;
    matches.push({ copy, original, similarity: round3(similarity) });
  }
  return {
    kind,
    copy: [run[0]!.copy, run[run.length - 1]!.copy],
    original: [run[0]!.original, run[run.length - 1]!.original],
    similarity: round3(total / run.length),
    matched: run.length,
    exact,
    matches,
  };
}

/** Characters of the copies a run matched: a run is worth what it explains, not its count of lines. */
function runScore(analysis: DuplicateAnalysis, run: RunPair[]): number {
  let chars = 0;
  for (const { copy } of run) chars += analysis.texts[analysis.textOf[copy]!]!.length;
  return chars;
}

export function findingsOf(analysis: DuplicateAnalysis): DuplicateFinding[] {
  const { minBlock, maxGap } = analysis.options;
  const n = analysis.textOf.length;
  const { classOf, short } = copyClasses(analysis);
  // Occurrences of each class, ascending, to find the earlier copies of a paragraph.
  const occurrences = new Map<number, number[]>();
  const rank = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const c = classOf[p]!;
    if (c === -1) continue;
    let list = occurrences.get(c);
    if (!list) occurrences.set(c, (list = []));
    rank[p] = list.length;
    list.push(p);
  }
  const hasEarlierCopy = (p: number) => classOf[p] !== -1 && !short[p] && rank[p]! > 0;
  const lengthOf = (p: number) => analysis.texts[analysis.textOf[p]!]!.length;

  // The best run whose copy starts at j, over its earlier copies: most characters explained, then
  // most paragraphs, then the earliest original. Memoised: the look-ahead below asks again.
  const runs = new Map<number, { run: RunPair[]; score: number }>();
  const bestRunAt = (j: number): { run: RunPair[]; score: number } => {
    let best = runs.get(j);
    if (best) return best;
    const list = occurrences.get(classOf[j]!)!;
    const before = rank[j]!;
    const tried = new Set([...list.slice(0, Math.min(before, TRIED_EARLIEST)), ...list.slice(Math.max(0, before - TRIED_NEAREST), before)]);
    for (const i of [...tried].sort((x, y) => x - y)) {
      const run = followRun({ original: i, copy: j, short: false }, classOf, short, j, maxGap);
      const score = runScore(analysis, run);
      if (!best || score > best.score || (score === best.score && run.length > best.run.length)) best = { run, score };
    }
    runs.set(j, best!);
    return best!;
  };

  const findings: DuplicateFinding[] = [];
  const paragraphFinding = (p: number) =>
    // Against the first of its group, which is where the text first appeared.
    findings.push(finding(analysis, [{ original: occurrences.get(classOf[p]!)![0]!, copy: p, short: false }], 'paragraph'));

  let coveredUntil = -1;
  for (let j = 0; j < n; j++) {
    if (j <= coveredUntil || !hasEarlierCopy(j)) continue;
    // Look a gap ahead: a title copied from one report followed by a body copied from an older
    // one is the title alone and then the body from the older report, not one run from the newer
    // report with a hole in it. A later start wins only by explaining more characters within the
    // span of the run from j (what lies beyond is for the next finding to claim).
    let chosen: { start: number; run: RunPair[]; value: number } | null = null;
    let prefix = 0;
    let span = Infinity;
    for (let k = j; k < n && k <= j + maxGap + 1; k++) {
      if (!hasEarlierCopy(k)) continue;
      const { run } = bestRunAt(k);
      if (run.length >= minBlock) {
        const value = prefix + runScore(analysis, run.filter((pair) => pair.copy <= span));
        if (!chosen || value > chosen.value) chosen = { start: k, run, value };
        if (k === j) span = run[run.length - 1]!.copy;
      }
      prefix += lengthOf(k);
    }
    if (!chosen) {
      paragraphFinding(j);
      continue;
    }
    for (let p = j; p < chosen.start; p++) if (hasEarlierCopy(p)) paragraphFinding(p);
    findings.push(finding(analysis, chosen.run, 'block'));
    coveredUntil = chosen.run[chosen.run.length - 1]!.copy;
  }
  return findings;
}

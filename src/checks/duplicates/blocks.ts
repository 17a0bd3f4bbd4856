// Findings from groups of copies: runs copied in order become blocks, the rest single paragraphs.
//
// Walking the document in order, each paragraph with an earlier copy starts a finding unless an
// earlier finding already covers it. The finding follows the earlier copy forward in step, over
// gaps of up to `maxGap` unmatched paragraphs on either side (a paragraph edited beyond
// recognition, a heading added), and keeps the longest such run among the earlier copies; ties
// go to the earliest. So a block copied k times yields k - 1 findings, each pointing at the
// first copy, and every paragraph is reported at most once.
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
  for (;;) {
    let next: RunPair | null = null;
    // Smallest total step first, then the most balanced: the likeliest alignment.
    search: for (let step = 2; step <= 2 * (maxGap + 1); step++) {
      const steps: [number, number][] = [];
      for (let da = 1; da <= maxGap + 1; da++) {
        const db = step - da;
        if (db >= 1 && db <= maxGap + 1) steps.push([da, db]);
      }
      steps.sort((x, y) => Math.abs(x[0] - x[1]) - Math.abs(y[0] - y[1]) || x[0] - y[0]);
      for (const [da, db] of steps) {
        const a2 = a + da;
        const b2 = b + db;
        if (a2 >= limit || b2 >= n) continue;
        const c = classOf[a2]!;
        if (c !== -1 && c === classOf[b2]) {
          next = { original: a2, copy: b2, short: short[b2] === 1 };
          break search;
        }
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

  const findings: DuplicateFinding[] = [];
  let coveredUntil = -1;
  for (let j = 0; j < n; j++) {
    if (j <= coveredUntil || classOf[j] === -1 || short[j]) continue;
    const list = occurrences.get(classOf[j]!)!;
    const before = rank[j]!;
    if (before === 0) continue;
    const tried = new Set([...list.slice(0, Math.min(before, TRIED_EARLIEST)), ...list.slice(Math.max(0, before - TRIED_NEAREST), before)]);
    let best: RunPair[] | null = null;
    for (const i of [...tried].sort((x, y) => x - y)) {
      const run = followRun({ original: i, copy: j, short: false }, classOf, short, j, maxGap);
      if (!best || run.length > best.length) best = run;
    }
    if (best!.length >= minBlock) {
      findings.push(finding(analysis, best!, 'block'));
      coveredUntil = best![best!.length - 1]!.copy;
    } else {
      // A short run stays a paragraph-level finding, against the first of its group.
      findings.push(finding(analysis, [{ original: list[0]!, copy: j, short: false }], 'paragraph'));
    }
  }
  return findings;
}

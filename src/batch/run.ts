// A stats run over an archive: inputs collected, each report analysed (on worker threads when asked,
// each thread loading the segmenter once), results folded in input order so output never depends on
// timing, and at most a few reports in memory at a time.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { collectInputs } from '../io/index.js';
import type { LoadOptions } from '../source/load.js';
import { RuleFileError } from '../config/errors.js';
import { packageRoot } from '../config/paths.js';
import { loadSegmenter, segmenterSharedByThreads } from '../segment/jieba.js';
import { StatsAggregator, type IncludedModality } from './aggregate.js';
import { manifestWarnings, orgFromPath, yearFromPath, type ManifestEntry } from './grouping.js';
import { reportLine, reportStats, type ReportTask } from './report-stats.js';
import type { PackedTermSums } from './term-sums.js';
import type { ReportStats, StatsResult } from './types.js';
import type { BatchResult, CollectTerms, ReportBatch } from './worker.js';
import type { Lang } from '../text/messages.js';

export interface StatsRunOptions {
  /** Worker threads; 'auto': as many as the archive keeps busy (autoWorkers), 1 runs in this thread. */
  workers: number | 'auto';
  byOrg: boolean;
  yearFrom?: RegExp;
  manifest?: Map<string, ManifestEntry>;
  load?: LoadOptions;
  keepRows?: boolean;
  themeTerms?: number;
  /** Also sum target and comparison figures, in their own columns. */
  include?: readonly IncludedModality[];
  /** The language of the warnings (default zh). */
  lang?: Lang;
  /** Called as each report finishes (in completion order), for progress. With workers its `terms`
   * are empty: each worker sums them itself (the report's ndjson line, `onLine`, has them). */
  onReport?: (report: ReportStats, done: number, total: number) => void;
  /** Called with each report's ndjson line (the map step of a distributed run), in completion order;
   * with workers the lines are made on them. */
  onLine?: (line: string) => void;
  /** Called once the inputs are known. */
  onStart?: (total: number) => void;
}

function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  // Under the tests the library runs from src/: the workers run the built copy.
  return existsSync(beside) ? beside : join(packageRoot(), 'dist', 'batch', 'worker.js');
}

// Workers share the process's one segmenter (scripts/patch-nodejieba.mjs), but each has its own heap
// and the threads slow each other: measured on two cores, two workers gained 1.1x over one on 5 MB
// of reports and 1.5-1.9x on 25 and 50 MB (README "Speed").
const BYTES_PER_WORKER = 8e6;

/** A file's size in bytes; 0 for one that cannot be read (the run itself reports it). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** As many workers as reports of these sizes keep busy: one per 8 MB, at least one, at most one per core. */
function workersFor(sizes: number[], cores: number): number {
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  return Math.max(1, Math.min(cores, Math.floor(bytes / BYTES_PER_WORKER)));
}

/** As many workers as the archive keeps busy: one per 8 MB of reports, at least one, at most one per core. */
export function autoWorkers(files: string[], cores = availableParallelism()): number {
  return workersFor(files.map(sizeOf), cores);
}

const BATCH_REPORTS = 8;
const BATCH_BYTES = 512 * 1024;

/** Consecutive tasks in batches of up to 8 reports or about 512 KB, each with the index of its first. */
function* batches(tasks: ReportTask[], sizes: number[]): Generator<{ first: number; tasks: ReportTask[] }> {
  let batch: ReportTask[] = [];
  let first = 0;
  let bytes = 0;
  for (const [index, task] of tasks.entries()) {
    if (!batch.length) first = index;
    batch.push(task);
    bytes += sizes[index]!;
    if (batch.length >= BATCH_REPORTS || bytes >= BATCH_BYTES) {
      yield { first, tasks: batch };
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) yield { first, tasks: batch };
}

/** Each worker's word sums: one collecting job per worker, all at once (see worker.ts). */
function collectTerms(pool: Piscina, workers: number): Promise<PackedTermSums[]> {
  const job: CollectTerms = { collect: new Int32Array(new SharedArrayBuffer(4)), workers };
  return Promise.all(Array.from({ length: workers }, () => pool.run(job) as Promise<PackedTermSums>));
}

/**
 * Start the worker threads. Where they share one segmenter (scripts/patch-nodejieba.mjs), this
 * thread builds it while they load their modules and rule files: otherwise one worker builds it
 * and the other waits, half a second with a core idle.
 */
function startPool(workers: number): Piscina {
  const pool = new Piscina({ filename: workerFile(), minThreads: workers, maxThreads: workers });
  try {
    if (segmenterSharedByThreads()) loadSegmenter();
  } catch {
    // The workers meet the same failure on their first report, and the run reports it there.
  }
  return pool;
}

export async function runStats(paths: string[], options: StatsRunOptions): Promise<StatsResult> {
  // Told how many workers, start them first: they load their modules, rules and the segmenter
  // while this thread lists the inputs.
  let pool: Piscina | null = typeof options.workers === 'number' && options.workers > 1 ? startPool(options.workers) : null;
  try {
    const { files, errors } = await collectInputs(paths);
    const aggregator = new StatsAggregator({
      byOrg: options.byOrg, keepRows: options.keepRows ?? true, themeTerms: options.themeTerms ?? 10,
      ...(options.include ? { include: options.include } : {}), ...(options.lang ? { lang: options.lang } : {}),
    });
    if (options.manifest) aggregator.addWarnings(manifestWarnings(options.manifest, files));
    const tasks: ReportTask[] = files.map((file) => {
      const entry = options.manifest?.get(resolve(file));
      const year = entry?.year ?? (options.yearFrom ? yearFromPath(file, options.yearFrom) ?? undefined : undefined);
      return { file, org: entry?.org || orgFromPath(file, paths), ...(year !== undefined ? { year } : {}), ...(options.load ? { load: options.load } : {}) };
    });
    // Each file is sized once, for the number of workers and for their batches.
    const sizes = options.workers === 1 ? [] : files.map(sizeOf);
    const workers = options.workers === 'auto' ? workersFor(sizes, availableParallelism()) : options.workers;
    options.onStart?.(tasks.length);
    let done = 0;
    const finished = (report: ReportStats, line?: string) => {
      done++;
      if (options.onLine) options.onLine(line ?? reportLine(report));
      options.onReport?.(report, done, tasks.length);
    };

    if (workers <= 1 || tasks.length <= 1) {
      await pool?.destroy();
      pool = null;
      for (const task of tasks) {
        const report = await reportStats(task);
        finished(report);
        aggregator.add(report);
      }
    } else {
      pool ??= startPool(workers);
      await runOnWorkers(pool, workers, tasks, sizes, aggregator, finished, options.onLine !== undefined);
    }
    const result = aggregator.result();
    return { ...result, files: result.files + errors.length, failed: [...errors, ...result.failed] };
  } finally {
    await pool?.destroy();
  }
}

async function runOnWorkers(
  pool: Piscina,
  workers: number,
  tasks: ReportTask[],
  sizes: number[],
  aggregator: StatsAggregator,
  finished: (report: ReportStats, line?: string) => void,
  lines: boolean,
): Promise<void> {
  // Reports finish out of order; fold them in input order, holding only those that came early.
  const waiting = new Map<number, ReportStats>();
  let next = 0;
  const inFlight = new Set<Promise<void>>();
  // Reports go to the workers in small batches: a round trip through the main thread per report
  // cost it about a millisecond, a sixth of the CPU of two workers. Enough batches queued that no
  // worker waits for the next, few enough that memory stays bounded.
  const limit = workers * 4;
  for (const batch of batches(tasks, sizes)) {
    const job: Promise<void> = pool.run({ tasks: batch.tasks, lines } satisfies ReportBatch).then(({ reports, lines: made, ruleFileError }: BatchResult) => {
      if (ruleFileError) throw new RuleFileError(...ruleFileError);
      for (const [i, report] of reports.entries()) {
        finished(report, made?.[i]);
        waiting.set(batch.first + i, report);
      }
      while (waiting.has(next)) {
        aggregator.add(waiting.get(next)!);
        waiting.delete(next);
        next++;
      }
    });
    inFlight.add(job);
    const settle = () => void inFlight.delete(job);
    job.then(settle, settle);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  for (const sums of await collectTerms(pool, workers)) aggregator.addTerms(sums);
}

// A worker thread of `zongjie stats`: each loads the segmenter and rule files once, then turns
// batches of report paths into their statistics, in order. It sums the reports' content words by
// year itself and hands the sums in once, when the run collects them.
import { prepareReportStats, reportLine, reportStats, type ReportTask } from './report-stats.js';
import { RuleFileError } from '../config/errors.js';
import { TermSums, type PackedTermSums } from './term-sums.js';
import type { ReportStats } from './types.js';

export interface ReportBatch {
  tasks: ReportTask[];
  /** Also return each report's ndjson line (with its words), made here rather than in the main thread. */
  lines: boolean;
}
export interface BatchResult {
  /** The reports, without their words (`terms` empty: this thread sums them). */
  reports: ReportStats[];
  lines?: string[];
  /** A mistake in a rule file stops the run: sent as data, since an error's class and fields do
   * not survive the way back to the main thread. */
  ruleFileError?: ConstructorParameters<typeof RuleFileError>;
}
/** The end of a run: every worker gets one, and each waits until all have theirs. */
export interface CollectTerms {
  collect: Int32Array;
  workers: number;
}

const termSums = new TermSums();
prepareReportStats();

export default async function work(job: ReportBatch | CollectTerms): Promise<BatchResult | PackedTermSums> {
  return 'collect' in job ? collectTerms(job) : analyse(job);
}

async function analyse({ tasks, lines }: ReportBatch): Promise<BatchResult> {
  const reports: ReportStats[] = [];
  const out: string[] = [];
  try {
    for (const task of tasks) {
      const report = await reportStats(task);
      if (lines) out.push(reportLine(report));
      if (report.error === undefined) termSums.add(report.year, report.terms);
      reports.push({ ...report, terms: {} });
    }
  } catch (error) {
    if (!(error instanceof RuleFileError)) throw error;
    return { reports: [], ruleFileError: [error.file, error.line, error.column, error.expected] };
  }
  return lines ? { reports, lines: out } : { reports };
}

const COLLECT_TIMEOUT_MS = 60_000;

function collectTerms({ collect, workers }: CollectTerms): PackedTermSums {
  // A thread busy with this job cannot take another, so once every job has started, each thread
  // holds exactly one: each hands in its sums exactly once.
  Atomics.add(collect, 0, 1);
  Atomics.notify(collect, 0);
  const deadline = Date.now() + COLLECT_TIMEOUT_MS;
  for (let started = Atomics.load(collect, 0); started < workers; started = Atomics.load(collect, 0)) {
    if (Atomics.wait(collect, 0, started, deadline - Date.now()) === 'timed-out') {
      throw new Error(`stats: only ${Atomics.load(collect, 0)} of ${workers} worker threads handed in their word counts`);
    }
  }
  return termSums.take();
}

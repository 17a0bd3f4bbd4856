// A worker thread of `zongjie stats`: each loads the segmenter and rule files once, then turns
// batches of report paths into their statistics, in order.
import { reportStats, type ReportTask } from './report-stats.js';
import type { ReportStats } from './types.js';

export default async function work(tasks: ReportTask[]): Promise<ReportStats[]> {
  const reports: ReportStats[] = [];
  for (const task of tasks) reports.push(await reportStats(task));
  return reports;
}

// A worker thread of `zongjie stats`: each loads the segmenter and rule files once, then turns
// report paths into their statistics.
import { reportStats, type ReportTask } from './report-stats.js';
import type { ReportStats } from './types.js';

export default async function work(task: ReportTask): Promise<ReportStats> {
  return reportStats(task);
}

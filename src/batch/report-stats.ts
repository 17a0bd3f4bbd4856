// One report's contribution to the statistics: figures mapped to indicators and combined (a passage
// the report repeats counts once), activity categories, and content words for themes. Runs the
// shared stages once: read → document → extraction (→ segmentation, shared with the terms).
import { join } from 'node:path';
import { z } from 'zod';
import { loadSource, type LoadOptions } from '../source/load.js';
import type { SourceCode } from '../source/source-code.js';
import { analyseDuplicates, documentSignature } from '../rules/duplicates/index.js';
import { extractDocument, type Figure } from '../extract/index.js';
import { loadLexicon } from '../config/lexicon.js';
import { rulesDir } from '../config/paths.js';
import { loadYamlRules } from '../config/yaml-file.js';
import { loadSegmenter } from '../segment/index.js';
import { loadIndicators, type IndicatorDef } from './indicators.js';
import { reportFigures } from './report-figures.js';
import type { ReportStats } from './types.js';

export interface ReportTask {
  file: string;
  org: string;
  /** The year from a manifest or --year-from; undefined: the report's own year. */
  year?: number | null;
  load?: LoadOptions;
}

const MAX_TERMS = 300;
/** Up to this many characters a report's words are cut once and shared with the extraction (faster); beyond, counted and dropped. */
const HOLD_CUTS_UP_TO = 1_000_000;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

let stopwords: Set<string> | null = null;
function loadStopwords(): Set<string> {
  stopwords ??= new Set(loadYamlRules(join(rulesDir(), 'stopwords.yml'), z.object({ stopwords: z.array(z.string()) })).stopwords);
  return stopwords;
}

/** The most frequent content words of a report cut into words, as counts. */
function termCounts(cuts: Iterable<readonly string[]>): Record<string, number> {
  const stop = loadStopwords();
  const counts = new Map<string, number>();
  for (const words of cuts) {
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // Content words are judged once per distinct word, not once per occurrence.
  const terms = [...counts].filter(([word]) => HAN_WORD.test(word) && !stop.has(word));
  return Object.fromEntries(terms.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_TERMS));
}

/**
 * Load what every report needs (rule files, then the segmenter) before the first one, so a worker
 * thread does it while the main thread lists the inputs. A failure (a mistake in a rule file) is
 * left for the first report to meet again, where the run reports it.
 */
export function prepareReportStats(): void {
  try {
    loadIndicators();
    loadLexicon();
    loadStopwords();
    loadSegmenter();
  } catch {
    // reported by the first report
  }
}

/** The ndjson line of one report: what a map step of a distributed run emits. */
export function reportLine(report: ReportStats): string {
  return JSON.stringify(report);
}

export async function reportStats(task: ReportTask, indicators: IndicatorDef[] = loadIndicators()): Promise<ReportStats> {
  let doc: SourceCode;
  try {
    doc = await loadSource(task.file, task.load ?? {});
  } catch (error) {
    return { file: task.file, org: task.org, year: task.year ?? null, indicators: [], rows: [], activities: {}, terms: {}, duplicateFigures: 0, error: error instanceof Error ? error.message : String(error) };
  }
  // Themes need every word of the report: jieba's words as they come (no offsets, no token
  // objects), which the extraction then takes its clauses' words from instead of cutting them again.
  // A large report's words are not all held at once (issue 23: 140 MB of them on 20 MB): they are
  // counted paragraph by paragraph and dropped, and the extraction cuts its few clauses itself.
  const jieba = loadSegmenter();
  const large = doc.original.length > HOLD_CUTS_UP_TO;
  const cuts = large ? null : doc.paragraphs.map((p) => jieba.cut(p.text));
  const terms = termCounts(cuts ?? (function* () {
    for (const p of doc.paragraphs) yield jieba.cut(p.text);
  })());
  const extraction = extractDocument(doc, { lexicon: loadLexicon(), ...(cuts ? { paragraphCuts: cuts } : {}) });
  const positions = doc.file.positions ? { positions: doc.file.positions } : {};
  const year = task.year !== undefined ? task.year : extraction.year;
  // A later copy of a repeated passage: its figures are listed but not counted again.
  const { groupOf } = analyseDuplicates(doc.paragraphs.map((p) => ({ text: p.text })));
  const isCopy = (f: Figure) => {
    const p = doc.paragraphAt(f.span.start);
    return groupOf[p] !== -1 && groupOf[p] !== p;
  };
  const figures = reportFigures(doc, extraction.figures, { file: task.file, org: task.org, year, ...positions }, indicators, isCopy);
  const activities: Record<string, number> = {};
  for (const a of extraction.activities) activities[a.category] = (activities[a.category] ?? 0) + 1;
  return {
    file: task.file, org: task.org, year, indicators: figures.indicators, rows: figures.rows, activities, terms, duplicateFigures: figures.duplicateFigures, ...positions,
    signature: documentSignature(doc.paragraphs.map((p) => p.text)), ...(figures.warnings.length ? { warnings: figures.warnings } : {}),
  };
}

// The shapes of `zongjie stats`: one report's contribution (also the ndjson line a map step emits)
// and the aggregate over an archive (the json contract of DESIGN.md).
import type { Qualifier } from '../extract/index.js';

/** A row of the long table: one figure of one report. `indicator` is "" when no indicator maps it. */
export interface StatsRow {
  file: string;
  org: string;
  year: number | null;
  indicator: string;
  subject: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
  text: string;
  line: number;
  column: number;
  /** In a passage the report repeats: listed, but not counted again. */
  duplicate?: boolean;
  /** A Word document (.docx): `line` is the paragraph number, `column` the character in it. */
  positions?: 'paragraph';
}

/** An indicator's value in one report, after combining its figures. */
export interface ReportIndicator {
  id: string;
  unit: string;
  value: number;
  /** How many figures went into it, and whether a total decided it. */
  figures: number;
  fromTotal: boolean;
}

/** What one report contributes; `error` set (and the rest empty) when it could not be read. */
export interface ReportStats {
  file: string;
  org: string;
  year: number | null;
  indicators: ReportIndicator[];
  rows: StatsRow[];
  /** Activity category → count of activities in the report. */
  activities: Record<string, number>;
  /** Content words of the report and their counts (segmented; numbers, single characters and stop
   * words removed; the most frequent few hundred), for themes by year. */
  terms: Record<string, number>;
  /** Figures left out because they sit in a passage the report repeats. */
  duplicateFigures: number;
  /** A Word document (.docx): the rows' lines are paragraph numbers. */
  positions?: 'paragraph';
  error?: string;
}

export interface IndicatorSeries {
  id: string;
  unit: string;
  /** Year → sum over that year's reports. */
  byYear: Record<string, number>;
  /** Year → number of reports that gave this indicator. */
  reports: Record<string, number>;
  /** Org → year → sum (present when grouping by org). */
  byOrgYear?: Record<string, Record<string, number>>;
}

export interface StatsResult {
  files: number;
  failed: { file: string; error: string }[];
  years: number[];
  orgs: string[];
  /** Reports per year (all reports, whether or not they gave an indicator). */
  reportsByYear: Record<string, number>;
  indicators: IndicatorSeries[];
  rows: StatsRow[];
  /** Top TF-IDF terms per year. */
  themes: { year: number; terms: { term: string; score: number }[] }[];
  /** Activity category counts per year. */
  activities: { year: number; categories: Record<string, number> }[];
}

// The shapes of `zongjie stats`: one report's contribution (also the ndjson line a map step emits)
// and the aggregate over an archive (the json contract of DESIGN.md).
import type { Modality, Qualifier, Relation } from '../extract/index.js';

/** Why a figure mapped to an indicator is not part of its cell. */
export type NotCounted = 'copy' | 'change' | 'total' | 'restated';

/**
 * A row of the long table: one figure of one report, with where it is, what it says and how it was
 * counted. `indicator` is "" when no indicator maps it; `indicatorValue` is the value in the
 * indicator's unit (`indicatorUnit`), and `counted` says whether it is part of the cell of its
 * indicator, year (and org) and modality.
 */
export interface StatsRow {
  file: string;
  org: string;
  year: number | null;
  indicator: string;
  subject: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
  /** actual, target or comparison: only actual figures make the indicators' `byYear`. */
  modality: Modality;
  /** level or change: a change is never summed as a level. */
  relation: Relation;
  /** The headings over the figure, outermost first, joined by " > " ("" before the first heading). */
  section: string;
  /** The sentence holding the figure, as written in the file. */
  sentence: string;
  text: string;
  line: number;
  column: number;
  /** The value in the indicator's unit, and that unit ("" and the value itself when no indicator maps it). */
  indicatorValue: number;
  indicatorUnit: string;
  /** How the written figure became indicatorValue (2.5公里 → 2500米), "" when it is as written. */
  conversion: string;
  /** The rule-file word that named the indicator (a subject word, phrase or synonym); "" when none. */
  matched: string;
  /** Part of its cell's sum. */
  counted: boolean;
  /** When mapped but not counted: why (copy of a repeated passage, a change, a total wins, restated). */
  note?: NotCounted;
  /** In a passage the report repeats: listed, but not counted again. */
  duplicate?: boolean;
  /** A Word document (.docx): `line` is the paragraph number, `column` the character in it. */
  positions?: 'paragraph';
}

/** Something an analyst must know about the run: a manifest problem, a gap, a jump, a copy, a unit. */
export interface StatsWarning {
  kind: StatsWarningKind;
  message: string;
  file?: string;
  files?: string[];
  indicator?: string;
  year?: string;
  /** missing-year: the years without a figure. */
  years?: string[];
  org?: string;
  /** Where in a file (a figure) or in the manifest (its line). */
  line?: number;
  column?: number;
  similarity?: number;
  /** unit-mismatch: the figure's unit, then the indicator's. */
  units?: string[];
  /** unit-mismatch: the figure as written. */
  text?: string;
  /** year-jump: the earlier year and the two values. */
  from?: string;
  values?: number[];
  /** manifest-duplicate-row: the manifest's lines naming the file. */
  lines?: number[];
  /** manifest-*: the manifest file. */
  manifest?: string;
}

export type StatsWarningKind =
  | 'manifest-missing-file'
  | 'manifest-duplicate-row'
  | 'manifest-unlisted-file'
  | 'missing-year'
  | 'year-jump'
  | 'near-copy'
  | 'unit-mismatch';

/** An indicator's value in one report, after combining its figures. */
export interface ReportIndicator {
  id: string;
  unit: string;
  /** Absent for actual figures (the indicators' byYear); target or comparison figures make their own columns. */
  modality?: Modality;
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
  /** MinHash signature of the folded text, to find reports of the archive that are near-copies. */
  signature?: number[];
  /** What the analyst must know about this report (a figure whose unit does not fit its indicator). */
  warnings?: StatsWarning[];
  error?: string;
}

/** Sums of one modality: by year, reports per year, and by org and year when grouped by org. */
export interface SeriesCells {
  /** Year → sum over that year's reports. */
  byYear: Record<string, number>;
  /** Year → number of reports that gave this indicator. */
  reports: Record<string, number>;
  /** Org → year → sum (present when grouping by org). */
  byOrgYear?: Record<string, Record<string, number>>;
}

/** An indicator over the archive: its actual figures (byYear …) and, when asked, targets and comparisons. */
export interface IndicatorSeries extends SeriesCells {
  id: string;
  unit: string;
  /** Figures of plans and goals (力争, 计划, sections about next year), when the run includes them. */
  targets?: SeriesCells;
  /** Figures of another period given for comparison (同比, 比上年), when the run includes them. */
  comparisons?: SeriesCells;
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
  /** Everything the analyst must know: manifest problems, gaps, jumps, near-copies, units that do not fit. */
  warnings: StatsWarning[];
}

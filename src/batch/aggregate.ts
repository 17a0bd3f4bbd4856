// Reports → archive statistics: sums by year (and org) of each indicator's actual figures, with
// targets and comparisons in their own columns, reports counted per group, the long table, themes by
// year (natural's TF-IDF over each year's content words), activity categories by year, and the
// warnings an analyst must see. Reports are added in input order, so a run with workers gives the
// same result as one without.
import { createRequire } from 'node:module';
import type { Modality } from '../extract/index.js';
import type { Lang } from '../text/messages.js';
import { TermSums, UNKNOWN_YEAR, yearKey, type PackedTermSums } from './term-sums.js';
import { themeWordFilter } from './theme-words.js';
import type { IndicatorSeries, ReportStats, SeriesCells, StatsResult, StatsRow, StatsWarning } from './types.js';
import { nearCopyWarnings, seriesWarnings, warningMessage } from './warnings.js';

type TfIdfInstance = { addDocument(doc: Record<string, unknown>): void; listTerms(i: number): { term: string; tfidf: number }[] };
const { TfIdf } = createRequire(import.meta.url)('natural/lib/natural/tfidf/index.js') as { TfIdf: new () => TfIdfInstance };

const round = (x: number) => Math.round(x * 100) / 100;

/** Columns besides the actual figures that a run can show. */
export type IncludedModality = 'targets' | 'comparisons';
export const INCLUDABLE: readonly IncludedModality[] = ['targets', 'comparisons'];

export interface AggregateOptions {
  byOrg: boolean;
  /** Keep the long table (off when it is streamed elsewhere, to bound memory). */
  keepRows: boolean;
  themeTerms: number;
  /** Also show the sums of target and comparison figures (never mixed into byYear). */
  include?: readonly IncludedModality[];
  /** The language of the warnings' messages (default zh). */
  lang?: Lang;
}

interface Cells {
  byYear: Map<string, number>;
  reports: Map<string, number>;
  byOrgYear: Map<string, Map<string, number>>;
}

const newCells = (): Cells => ({ byYear: new Map(), reports: new Map(), byOrgYear: new Map() });
const sortedObject = <T>(m: Map<string, T>) => Object.fromEntries([...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

export class StatsAggregator {
  private files = 0;
  private readonly failed: { file: string; error: string }[] = [];
  private readonly rows: StatsRow[] = [];
  private readonly series = new Map<string, { unit: string; cells: Map<Modality, Cells> }>();
  private readonly reportsByYear = new Map<string, number>();
  private readonly orgs = new Set<string>();
  private readonly orgYears = new Map<string, Set<string>>();
  private readonly terms = new TermSums();
  private readonly activities = new Map<string, Map<string, number>>();
  private readonly signed: { file: string; signature: number[] }[] = [];
  private readonly reportWarnings: StatsWarning[] = [];
  private readonly runWarnings: StatsWarning[] = [];

  constructor(private readonly options: AggregateOptions) {}

  add(report: ReportStats): void {
    this.files++;
    if (report.error !== undefined) {
      this.failed.push({ file: report.file, error: report.error });
      return;
    }
    const year = yearKey(report.year);
    this.reportsByYear.set(year, (this.reportsByYear.get(year) ?? 0) + 1);
    if (report.org) this.orgs.add(report.org);
    const years = this.orgYears.get(report.org) ?? new Set<string>();
    years.add(year);
    this.orgYears.set(report.org, years);
    for (const indicator of report.indicators) {
      let s = this.series.get(indicator.id);
      if (!s) {
        s = { unit: indicator.unit, cells: new Map() };
        this.series.set(indicator.id, s);
      }
      const modality = indicator.modality ?? 'actual';
      const cells = s.cells.get(modality) ?? newCells();
      s.cells.set(modality, cells);
      cells.byYear.set(year, round((cells.byYear.get(year) ?? 0) + indicator.value));
      cells.reports.set(year, (cells.reports.get(year) ?? 0) + 1);
      const org = cells.byOrgYear.get(report.org) ?? new Map<string, number>();
      org.set(year, round((org.get(year) ?? 0) + indicator.value));
      cells.byOrgYear.set(report.org, org);
    }
    // One at a time: push(...rows) overflows the stack for a report with 150,000 figures.
    if (this.options.keepRows) for (const row of report.rows) this.rows.push(row);
    this.terms.add(report.year, report.terms);
    const yearActivities = this.activities.get(year) ?? new Map<string, number>();
    for (const [category, count] of Object.entries(report.activities)) yearActivities.set(category, (yearActivities.get(category) ?? 0) + count);
    this.activities.set(year, yearActivities);
    if (report.signature?.length) this.signed.push({ file: report.file, signature: report.signature });
    for (const w of report.warnings ?? []) this.reportWarnings.push(w);
  }

  /** Adds the content-word sums a worker thread kept for the reports it analysed (their own `terms` empty). */
  addTerms(packed: PackedTermSums): void {
    this.terms.merge(packed);
  }

  /** Warnings about the run itself (the manifest), listed before the others. */
  addWarnings(warnings: readonly StatsWarning[]): void {
    this.runWarnings.push(...warnings);
  }

  private cellsJson(cells: Cells): SeriesCells {
    return {
      byYear: sortedObject(cells.byYear),
      reports: sortedObject(cells.reports),
      ...(this.options.byOrg ? { byOrgYear: Object.fromEntries([...cells.byOrgYear].sort().map(([org, m]) => [org, sortedObject(m)])) } : {}),
    };
  }

  private indicatorSeries(): IndicatorSeries[] {
    const include = new Set(this.options.include ?? []);
    const out: IndicatorSeries[] = [];
    for (const [id, s] of this.series) {
      const actual = s.cells.get('actual');
      const targets = include.has('targets') ? s.cells.get('target') : undefined;
      const comparisons = include.has('comparisons') ? s.cells.get('comparison') : undefined;
      // An indicator with only plans or comparisons is listed only when the run shows them.
      if (!actual && !targets && !comparisons) continue;
      out.push({
        id,
        unit: s.unit,
        ...this.cellsJson(actual ?? newCells()),
        ...(targets ? { targets: this.cellsJson(targets) } : {}),
        ...(comparisons ? { comparisons: this.cellsJson(comparisons) } : {}),
      });
    }
    return out;
  }

  result(): StatsResult {
    const years = [...this.reportsByYear.keys()].filter((y) => y !== UNKNOWN_YEAR).map(Number).sort((a, b) => a - b);
    const indicators = this.indicatorSeries();
    // Themes: each year is one document of its reports' words; TF-IDF favours what a year says more than the others.
    // Words go in by word order: TF-IDF ties then fall the same way however the reports were split.
    const themeYears = this.terms.years().filter((y) => y !== UNKNOWN_YEAR);
    const themeWord = themeWordFilter();
    const tfidf = new TfIdf();
    for (const y of themeYears) tfidf.addDocument({ ...Object.fromEntries(this.terms.sorted(y).filter(([word]) => themeWord(word))), __key: y });
    const themes = themeYears.map((y, i) => ({
      year: Number(y),
      terms: tfidf.listTerms(i).filter((t) => t.term !== '__key').slice(0, this.options.themeTerms).map((t) => ({ term: t.term, score: round(t.tfidf) })),
    }));
    const activities = [...this.activities].filter(([y]) => y !== UNKNOWN_YEAR).sort().map(([y, m]) => ({ year: Number(y), categories: Object.fromEntries([...m].sort((a, b) => b[1] - a[1])) }));
    const lang = this.options.lang ?? 'zh';
    const warnings = [
      ...this.runWarnings,
      ...this.reportWarnings,
      ...nearCopyWarnings(this.signed.map((s) => s.file), this.signed.map((s) => s.signature)),
      ...seriesWarnings(indicators, sortedObject(this.reportsByYear), this.orgYears),
    ].map((w) => ({ ...w, message: w.message || warningMessage(w, lang) }));
    return {
      files: this.files,
      failed: this.failed,
      years,
      orgs: [...this.orgs].sort(),
      reportsByYear: sortedObject(this.reportsByYear),
      indicators,
      rows: this.rows,
      themes,
      activities,
      warnings,
    };
  }
}

// Reports → archive statistics: sums by year (and org), reports counted per group, the long table,
// themes by year (natural's TF-IDF over each year's content words) and activity categories by year.
// Reports are added in input order, so a run with workers gives the same result as one without.
import { createRequire } from 'node:module';
import { TermSums, UNKNOWN_YEAR, yearKey, type PackedTermSums } from './term-sums.js';
import type { IndicatorSeries, ReportStats, StatsResult, StatsRow } from './types.js';

type TfIdfInstance = { addDocument(doc: Record<string, unknown>): void; listTerms(i: number): { term: string; tfidf: number }[] };
const { TfIdf } = createRequire(import.meta.url)('natural/lib/natural/tfidf/index.js') as { TfIdf: new () => TfIdfInstance };

const round = (x: number) => Math.round(x * 100) / 100;

export interface AggregateOptions {
  byOrg: boolean;
  /** Keep the long table (off when it is streamed elsewhere, to bound memory). */
  keepRows: boolean;
  themeTerms: number;
}

export class StatsAggregator {
  private files = 0;
  private readonly failed: { file: string; error: string }[] = [];
  private readonly rows: StatsRow[] = [];
  private readonly series = new Map<string, { unit: string; byYear: Map<string, number>; reports: Map<string, number>; byOrgYear: Map<string, Map<string, number>> }>();
  private readonly reportsByYear = new Map<string, number>();
  private readonly orgs = new Set<string>();
  private readonly terms = new TermSums();
  private readonly activities = new Map<string, Map<string, number>>();

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
    for (const indicator of report.indicators) {
      let s = this.series.get(indicator.id);
      if (!s) {
        s = { unit: indicator.unit, byYear: new Map(), reports: new Map(), byOrgYear: new Map() };
        this.series.set(indicator.id, s);
      }
      s.byYear.set(year, round((s.byYear.get(year) ?? 0) + indicator.value));
      s.reports.set(year, (s.reports.get(year) ?? 0) + 1);
      const org = s.byOrgYear.get(report.org) ?? new Map<string, number>();
      org.set(year, round((org.get(year) ?? 0) + indicator.value));
      s.byOrgYear.set(report.org, org);
    }
    // One at a time: push(...rows) overflows the stack for a report with 150,000 figures.
    if (this.options.keepRows) for (const row of report.rows) this.rows.push(row);
    this.terms.add(report.year, report.terms);
    const yearActivities = this.activities.get(year) ?? new Map<string, number>();
    for (const [category, count] of Object.entries(report.activities)) yearActivities.set(category, (yearActivities.get(category) ?? 0) + count);
    this.activities.set(year, yearActivities);
  }

  /** Adds the content-word sums a worker thread kept for the reports it analysed (their own `terms` empty). */
  addTerms(packed: PackedTermSums): void {
    this.terms.merge(packed);
  }

  result(): StatsResult {
    const years = [...this.reportsByYear.keys()].filter((y) => y !== UNKNOWN_YEAR).map(Number).sort((a, b) => a - b);
    const indicators: IndicatorSeries[] = [...this.series].map(([id, s]) => ({
      id,
      unit: s.unit,
      byYear: Object.fromEntries([...s.byYear].sort()),
      reports: Object.fromEntries([...s.reports].sort()),
      ...(this.options.byOrg ? { byOrgYear: Object.fromEntries([...s.byOrgYear].sort().map(([org, m]) => [org, Object.fromEntries([...m].sort())])) } : {}),
    }));
    // Themes: each year is one document of its reports' words; TF-IDF favours what a year says more than the others.
    // Words go in by word order: TF-IDF ties then fall the same way however the reports were split.
    const themeYears = this.terms.years().filter((y) => y !== UNKNOWN_YEAR);
    const tfidf = new TfIdf();
    for (const y of themeYears) tfidf.addDocument({ ...Object.fromEntries(this.terms.sorted(y)), __key: y });
    const themes = themeYears.map((y, i) => ({
      year: Number(y),
      terms: tfidf.listTerms(i).filter((t) => t.term !== '__key').slice(0, this.options.themeTerms).map((t) => ({ term: t.term, score: round(t.tfidf) })),
    }));
    const activities = [...this.activities].filter(([y]) => y !== UNKNOWN_YEAR).sort().map(([y, m]) => ({ year: Number(y), categories: Object.fromEntries([...m].sort((a, b) => b[1] - a[1])) }));
    return {
      files: this.files,
      failed: this.failed,
      years,
      orgs: [...this.orgs].sort(),
      reportsByYear: Object.fromEntries([...this.reportsByYear].sort()),
      indicators,
      rows: this.rows,
      themes,
      activities,
    };
  }
}

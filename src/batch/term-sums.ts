// Content-word counts summed by year, for the themes. The main thread keeps one; with workers, each
// thread keeps its own and hands it in once at the end (packed), so the main thread does not rebuild
// hundreds of words per report: that was two thirds of its work with two workers.

/** The key of a report's year in the sums; reports without a year are summed under it too. */
export const UNKNOWN_YEAR = '未知';
export const yearKey = (year: number | null): string => (year === null ? UNKNOWN_YEAR : String(year));

/** Sums as they cross between threads: per year, its words and their counts in two arrays. */
export type PackedTermSums = [year: string, words: string[], counts: number[]][];

export class TermSums {
  private readonly byYear = new Map<string, Map<string, number>>();

  /** Adds one report's counts to its year. */
  add(year: number | null, terms: Record<string, number>): void {
    const sums = this.yearSums(yearKey(year));
    for (const term in terms) sums.set(term, (sums.get(term) ?? 0) + terms[term]!);
  }

  /** Adds sums another thread packed. */
  merge(packed: PackedTermSums): void {
    for (const [year, words, counts] of packed) {
      const sums = this.yearSums(year);
      for (let i = 0; i < words.length; i++) sums.set(words[i]!, (sums.get(words[i]!) ?? 0) + counts[i]!);
    }
  }

  /** The sums packed for another thread; this one starts again from nothing. */
  take(): PackedTermSums {
    const packed: PackedTermSums = [...this.byYear].map(([year, sums]) => [year, [...sums.keys()], [...sums.values()]]);
    this.byYear.clear();
    return packed;
  }

  /** Years with sums, in key order. */
  years(): string[] {
    return [...this.byYear.keys()].sort();
  }

  /** A year's sums ordered by word, so that what comes of them never depends on the order reports came in. */
  sorted(year: string): [string, number][] {
    return [...(this.byYear.get(year) ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  private yearSums(year: string): Map<string, number> {
    let sums = this.byYear.get(year);
    if (!sums) this.byYear.set(year, (sums = new Map()));
    return sums;
  }
}

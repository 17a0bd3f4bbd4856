// Word counts summed by year: a worker's packed sums, merged, equal the sums of its reports added one by one.
import { describe, expect, it } from 'vitest';
import { TermSums, UNKNOWN_YEAR } from '../../src/batch/term-sums.js';

const reports: [number | null, Record<string, number>][] = [
  [2021, { 职工: 3, 会员: 2 }],
  [2022, { 会员: 5 }],
  [2021, { 会员: 1, 劳模: 4 }],
  [null, { 职工: 7 }],
  [2022, {}],
];

describe('TermSums', () => {
  it('sums by year, with reports of no year under 未知', () => {
    const sums = new TermSums();
    for (const [year, terms] of reports) sums.add(year, terms);
    expect(sums.years()).toEqual(['2021', '2022', UNKNOWN_YEAR]);
    expect(sums.sorted('2021')).toEqual([['会员', 3], ['劳模', 4], ['职工', 3]]);
    expect(sums.sorted('2022')).toEqual([['会员', 5]]);
    expect(sums.sorted(UNKNOWN_YEAR)).toEqual([['职工', 7]]);
  });

  it('gives the same sums split over threads and merged, in any order', () => {
    const whole = new TermSums();
    for (const [year, terms] of reports) whole.add(year, terms);
    const a = new TermSums();
    const b = new TermSums();
    for (const [i, [year, terms]] of reports.entries()) (i % 2 ? a : b).add(year, terms);
    const merged = new TermSums();
    merged.merge(b.take());
    merged.merge(a.take());
    for (const year of whole.years()) expect(merged.sorted(year)).toEqual(whole.sorted(year));
    expect(merged.years()).toEqual(whole.years());
    // take() hands the sums over once: the thread starts again from nothing.
    expect(a.take()).toEqual([]);
  });
});

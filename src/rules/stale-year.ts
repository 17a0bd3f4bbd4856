// stale-year: a year left as it was in a sentence copied from an earlier report (2022年 in the 2023
// report, 比2021年增长 copied from the 2022 report). A copied sentence is one at least `threshold`
// like a sentence of a report given with `check --against` that names the same year; the year is
// stale when it is that report's own year, or the one before or after it (years that move with the
// report), and not the draft's year. Without --against, or when the draft's year is unknown, it finds nothing.
import { z } from 'zod';
import { findReportYear } from '../extract/index.js';
import { catalogued, type Check, type Diagnostic } from './types.js';

const options = z.object({
  /** Jaccard or containment of folded character 5-grams at or above which a sentence is a copy. */
  threshold: z.number().min(0.5).max(1).default(0.8),
}).strict();

const YEAR = /(?<!\d)((?:19|20)\d{2})(?=\s*年)/g;

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'stale-year',
    ...catalogued('stale-year', ['stale']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/stale-year.md',
    usesSegmentation: false,
    extracts: [],
    fixable: false,
  },
  check(context, { threshold }) {
    const { doc, reference } = context;
    if (!reference || reference.size === 0) return [];
    const draftYear = doc.memo('report-year', () => findReportYear(doc));
    if (draftYear === null) return [];
    const skipFile = reference.fileOf(doc.path);
    const found: Diagnostic[] = [];
    for (const sentence of doc.sentences) {
      for (const m of sentence.text.matchAll(YEAR)) {
        const year = Number(m[1]);
        if (year >= draftYear) continue;
        // The most alike earlier sentence naming this year, from a report for which it is a moving year.
        const match = reference.sentencesLike(sentence.text, year, threshold, skipFile).find((x) => {
          const own = reference.files[x.passage.file]!.year;
          return own === null ? year >= draftYear - 2 : own < draftYear && Math.abs(year - own) <= 1;
        });
        if (!match) continue;
        const source = reference.files[match.passage.file]!;
        const expected = year + draftYear - (source.year ?? draftYear - 1);
        const start = sentence.start + m.index;
        found.push({
          start, end: start + m[0].length + 1, messageId: 'stale',
          data: { file: source.path, line: match.passage.place.line, year: `${year}年`, reportYear: draftYear, expected },
          related: [{ file: source.path, place: match.passage.place, similarity: Math.round(match.similarity * 1000) / 1000 }],
        });
      }
    }
    return found;
  },
};

export default check;

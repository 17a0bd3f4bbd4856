// missing-number: wording that promises a figure in a clause that gives none, nor the clause after
// it, nor a table of its section (共征集提案, 累计发放, 参加人数), and indicators a kind of report
// must give (a 工会年度工作总结 without 会员 figures).
import { z } from 'zod';
import { catalogued, type Check, type Diagnostic } from './types.js';
import { CharSet, clauseIndex } from '../extract/context.js';
import { allMatches } from '../text/matches.js';
import { tableNumbersWithin } from './figures/tables.js';

const options = z.object({
  /** Phrases that demand a number in their clause; "…" stands for any words between (慰问…人次). */
  phrases: z.array(z.string().min(1)).default([]),
  /** Indicators the report must give a figure for: a figure counts when its clause (and so its subject) names one of the patterns. */
  indicators: z.array(z.object({ id: z.string().min(1), patterns: z.array(z.string().min(1)).min(1) }).strict()).default([]),
}).strict();

// Clauses end at 。；，; not at a colon, which introduces what follows (共征集：提案26件).
const CLAUSE = /[^。！？；;，,\n]+/g;
// The breaks between CLAUSEs, for looking up the clause around a figure.
const INDICATOR_CLAUSE_BREAK = new CharSet('。！？；;，,\n');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface PhrasePatterns {
  patterns: { phrase: string; re: RegExp }[];
  /** Whether any phrase is in a clause, in one pass (most clauses hold none). */
  anyPhrase: RegExp | null;
}

// Compiled once per configured list (the resolved config is shared by every file of a run).
const compiledPhrases = new WeakMap<string[], PhrasePatterns>();
function compiled(phrases: string[]): PhrasePatterns {
  let found = compiledPhrases.get(phrases);
  if (!found) {
    // "…" is a few characters (几个字), bounded: an unbounded gap made a long clause quadratic.
    const sources = phrases.map((phrase) => phrase.split('…').map(escapeRegExp).join('[^。！？；;，,：:]{0,30}?'));
    found = {
      patterns: phrases.map((phrase, i) => ({ phrase, re: new RegExp(sources[i]!) })),
      anyPhrase: sources.length ? new RegExp(sources.map((source) => `(?:${source})`).join('|')) : null,
    };
    compiledPhrases.set(phrases, found);
  }
  return found;
}

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'missing-number',
    ...catalogued('missing-number', ['phrase', 'indicator']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/missing-number.md',
    usesSegmentation: true,
    extracts: ['figures', 'placeholders', 'blanks'],
    fixable: false,
  },
  check(context, { phrases, indicators }) {
    const { doc } = context;
    const extraction = context.extraction();
    const numbered = [...extraction.figures.map((f) => f.span), ...extraction.placeholders.map((p) => p.span), ...extraction.blanks.map((b) => b.span)]
      .sort((a, b) => a.start - b.start);
    // Whether a clause overlaps a number: binary search over the spans sorted by start with a running
    // maximum of their ends, not a scan of every span for every clause (quadratic on 50,000 numbers).
    const maxEnd: number[] = [];
    for (const [i, s] of numbered.entries()) maxEnd.push(Math.max(s.end, i ? maxEnd[i - 1]! : 0));
    const hasNumber = (start: number, end: number) => {
      let lo = 0;
      let hi = numbered.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (numbered[mid]!.start < end) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && maxEnd[lo - 1]! > start;
    };
    const { patterns, anyPhrase } = compiled(phrases);
    const sectionHasTable = (at: number) => {
      const section = doc.sectionAt(at);
      const [from, to] = section ? [section.start, section.end] : [0, doc.sections[0]?.start ?? doc.normalized.text.length];
      return tableNumbersWithin(doc, from, to);
    };
    const found: Diagnostic[] = [];
    for (const p of doc.paragraphs) {
      const clauses = allMatches(CLAUSE, p.text);
      for (const [i, clause] of clauses.entries()) {
        const start = p.start + clause.index;
        const end = start + clause[0].length;
        if (hasNumber(start, end)) continue;
        // Any digit left in the clause also gives a number; then the phrases, tried in order only
        // when one of them is there, the first listed being the one reported.
        if (/\d/.test(clause[0]) || !anyPhrase?.test(clause[0])) continue;
        // The number may stand in the next clause of the sentence (共走访困难职工，发放慰问金12万元),
        // or in a table of the same section (共征集提案如下表).
        const next = clauses[i + 1];
        if (next && !/[。！？；;\n]/.test(p.text.slice(clause.index + clause[0].length, next.index))) {
          const nextStart = p.start + next.index;
          if (hasNumber(nextStart, nextStart + next[0].length) || /\d/.test(next[0])) continue;
        }
        if (sectionHasTable(start)) continue;
        for (const { phrase, re } of patterns) {
          const m = re.exec(clause[0]);
          if (!m) continue;
          const at = start + m.index;
          // Quoted as the draft writes it (共徵集 in a traditional draft), unless it has a gap.
          const quoted = phrase.includes('…') ? phrase : doc.originalText(at, at + m[0].length) || phrase;
          found.push({ start: at, end: at + m[0].length, messageId: 'phrase', data: { phrase: quoted } });
          break;
        }
      }
    }
    if (indicators.length) {
      const text = doc.normalized.text;
      // Clause bounds by lookup, and each clause searched once per pattern: scanning out from every
      // figure and copying its clause was quadratic (and ran out of memory) on a line of 50,000 figures.
      const bounds = clauseIndex(text, INDICATOR_CLAUSE_BREAK);
      const clauseHas = new Map<string, boolean>();
      // A figure's subject is words of its clause (split at more breaks than these), so a clause that
      // does not name the pattern has no subject that does: the subject, costly to work out, is not read.
      const describes = (f: (typeof extraction.figures)[number], pattern: string) => {
        const start = bounds.start(f.span.start);
        const key = `${start}:${pattern}`;
        let has = clauseHas.get(key);
        if (has === undefined) {
          has = text.slice(start, bounds.end(f.span.start)).includes(pattern);
          clauseHas.set(key, has);
        }
        return has;
      };
      const anchor = doc.titleSpan ?? doc.paragraphs[0] ?? { start: 0, end: 0 };
      for (const indicator of indicators) {
        if (extraction.figures.some((f) => indicator.patterns.some((p) => describes(f, p)))) continue;
        found.push({ start: anchor.start, end: anchor.end, messageId: 'indicator', data: { indicator: indicator.id } });
      }
    }
    return found;
  },
};

export default check;

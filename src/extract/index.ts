// Extraction over a Document: figures, placeholders, blank counts, activities and the report year,
// every item placed in the ORIGINAL file. Segmentation is shared with every other stage.
import { locate, originalText, sectionAt, type Document } from '../document/index.js';
import { loadLexicon, type Lexicon } from '../rules/lexicon.js';
import { paragraphWords } from './words.js';
import { CLAUSE_BREAK, Coverage } from './context.js';
import { findActivities } from './activities.js';
import { findBlanks } from './blanks.js';
import { findFigures, type FoundFigure } from './figures.js';
import { findPlaceholders } from './placeholders.js';
import { EXTRACT_KINDS, type Activity, type BlankCount, type Extraction, type ExtractKind, type Figure, type Placeholder } from './types.js';
import { findReportYear } from './year.js';

export type * from './types.js';
export { scanNumbers, exactValue } from './numbers.js';
export { findReportYear } from './year.js';

export { EXTRACT_KINDS, type ExtractKind } from './types.js';
export { prefetchWords } from './prefetch.js';

export interface ExtractOptions {
  lexicon?: Lexicon;
  /** Only these kinds (all by default); placeholders alone never load the segmenter. */
  only?: readonly ExtractKind[];
  /** Override the detected report year. */
  year?: number | null;
  /** jieba's words of each paragraph's text, when the caller has cut them already (stats does, for
   * its themes): the clauses' words are then taken from them rather than cut a second time. */
  paragraphCuts?: readonly (readonly string[])[];
}



export function extractDocument(doc: Document, options: ExtractOptions = {}): Extraction {
  const lexicon = options.lexicon ?? loadLexicon();
  const only = new Set(options.only ?? EXTRACT_KINDS);
  const place = (start: number, end: number) => {
    const { line, column, offset, endLine, endColumn, endOffset } = locate(doc, start, end);
    return { line, column, offset, endLine, endColumn, endOffset };
  };
  const sectionTitle = (offset: number) => sectionAt(doc, offset)?.title ?? '';

  const figures: Figure[] = [];
  const placeholders: Placeholder[] = [];
  const blanks: BlankCount[] = [];
  const activities: Activity[] = [];

  for (const p of doc.paragraphs) {
    const words = paragraphWords(doc, p, options.paragraphCuts?.[p.index]);
    const found = findPlaceholders(p, lexicon);
    if (only.has('placeholders')) {
      for (const f of found) placeholders.push({ text: originalText(doc, f.start, f.end), kind: f.kind, ...place(f.start, f.end), span: { start: f.start, end: f.end } });
    }
    const needFigures = only.has('figures') || only.has('activities') || only.has('blanks');
    // Overlaps by lookup, not by pairs: thousands of placeholders and numbers in one paragraph were quadratic.
    const taken = new Coverage(p.start, p.end - p.start);
    for (const ph of found) taken.add(ph.start, ph.end);
    const paragraphFigures: FoundFigure[] = needFigures
      ? findFigures(p, words, lexicon).filter((f) => !taken.overlaps(f.start, f.end))
      : [];
    if (only.has('figures')) {
      for (const f of paragraphFigures) {
        figures.push({
          value: f.value,
          ...(f.max !== undefined ? { max: f.max } : {}),
          unit: f.unit,
          get subject() {
            return f.subject; // on first read: see FoundFigure
          },
          qualifier: f.qualifier,
          total: f.total,
          text: originalText(doc, f.start, f.end),
          ...place(f.start, f.end),
          section: sectionTitle(f.start),
          span: { start: f.start, end: f.end },
        });
      }
    }
    if (only.has('blanks')) {
      for (const f of paragraphFigures) taken.add(f.start, f.end);
      for (const b of findBlanks(p, words, lexicon)) {
        if (taken.overlaps(b.start, b.end)) continue;
        // Up to 8 characters before, within the blank's clause: "全年发展新会员人", not "，全年发展新会员人".
        let contextStart = b.start;
        while (contextStart > Math.max(p.start, b.start - 8) && !CLAUSE_BREAK.test(doc.normalized.text[contextStart - 1]!)) contextStart--;
        blanks.push({ unit: b.unit, context: originalText(doc, contextStart, b.end), ...place(b.start, b.end), span: { start: b.start, end: b.end } });
      }
    }
    if (only.has('activities')) {
      for (const a of findActivities(p, words, paragraphFigures, lexicon)) {
        activities.push({
          verb: a.verb,
          object: a.object,
          category: a.category,
          ...(a.count !== undefined ? { count: a.count } : {}),
          ...(a.participants !== undefined ? { participants: a.participants } : {}),
          text: originalText(doc, a.start, a.end),
          ...place(a.start, a.end),
          section: sectionTitle(a.start),
          span: { start: a.start, end: a.end },
        });
      }
    }
  }
  return {
    file: doc.path,
    year: options.year !== undefined ? options.year : findReportYear(doc),
    script: doc.normalized.script,
    figures,
    placeholders,
    blanks,
    activities,
  };
}

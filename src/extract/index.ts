// Extraction over a Document: figures, placeholders, blank counts, activities and the report year,
// every item placed in the ORIGINAL file. Segmentation is shared with every other stage.
import type { SourceCode } from '../source/source-code.js';
import { loadLexicon, type Lexicon } from '../config/lexicon.js';
import { paragraphWords } from './words.js';
import { CLAUSE_BREAK, Coverage } from './context.js';
import { findActivities } from './activities.js';
import { findBlanks } from './blanks.js';
import { findFigures, type FoundFigure } from './figures.js';
import { findPlaceholders } from './placeholders.js';
import { EXTRACT_KINDS, type Activity, type BlankCount, type Extraction, type ExtractKind, type Figure, type Place, type Placeholder } from './types.js';
import { findReportYear } from './year.js';
import { headingsOver, modalityOf, relationOf } from './modality.js';
import { findTableFigures } from './tables.js';

export type * from './types.js';
export { scanNumbers } from './numbers.js';
export { findReportYear } from './year.js';

export { EXTRACT_KINDS, type ExtractKind } from './types.js';

export interface ExtractOptions {
  lexicon?: Lexicon;
  /** Only these kinds (all by default); placeholders alone never load the segmenter. */
  only?: readonly ExtractKind[];
  /** Override the detected report year. */
  year?: number | null;
  /** jieba's words of each paragraph's text, when the caller has cut them already (stats does, for
   * its themes): the clauses' words are then taken from them rather than cut a second time. */
  paragraphCuts?: readonly (readonly string[])[];
  /**
   * Work out each figure's subject only when it is read (a getter), for a caller that reads few of
   * them (check): a subject takes the tagged words of its clause. By default it is a plain property,
   * worked out during extraction.
   */
  lazySubjects?: boolean;
}

export function extractDocument(doc: SourceCode, options: ExtractOptions = {}): Extraction {
  const lexicon = options.lexicon ?? loadLexicon();
  const only = new Set(options.only ?? EXTRACT_KINDS);
  const section = (offset: number) => doc.sectionAt(offset)?.title ?? '';
  const lazySubjects = options.lazySubjects === true;

  const year = options.year !== undefined ? options.year : findReportYear(doc);
  // Table cells are read with their headers, once per document; the running-text reading skips them.
  const tableFigures = only.has('figures') && /[|\t]| {2}/.test(doc.normalized.text) ? findTableFigures(doc.normalized.text, lexicon, year) : [];
  const inTables = new Coverage(0, doc.normalized.text.length);
  for (const f of tableFigures) inTables.add(f.start, f.end);

  // (A table's header row taken for the title says nothing of the document: 项目  计划  完成.)
  const titleText = doc.titleSpan ? doc.normalized.text.slice(doc.titleSpan.start, doc.titleSpan.end) : '';
  const documentTitle = /\s{2,}|\t|\|/.test(titleText) ? '' : titleText;
  const figures: Figure[] = [];
  const placeholders: Placeholder[] = [];
  const blanks: BlankCount[] = [];
  const activities: Activity[] = [];

  // Items are built field by field, in the contract's key order: object literals with conditional
  // spreads (or a getter) took V8's slow path, about a microsecond an item.
  for (const p of doc.paragraphs) {
    const words = paragraphWords(doc, p, options.paragraphCuts?.[p.index]);
    const found = findPlaceholders(p, lexicon);
    if (only.has('placeholders')) {
      for (const f of found) {
        const item = { text: doc.originalText(f.start, f.end), kind: f.kind } as Placeholder;
        placeAt(item, doc, f.start, f.end);
        item.span = { start: f.start, end: f.end };
        placeholders.push(item);
      }
    }
    const needFigures = only.has('figures') || only.has('activities') || only.has('blanks');
    // Overlaps by lookup, not by pairs: thousands of placeholders and numbers in one paragraph were quadratic.
    const taken = new Coverage(p.start, p.end - p.start);
    for (const ph of found) taken.add(ph.start, ph.end);
    const paragraphFigures: FoundFigure[] = needFigures
      ? findFigures(p, words, lexicon).filter((f) => !taken.overlaps(f.start, f.end) && !(tableFigures.length && inTables.overlaps(f.start, f.end)))
      : [];
    if (only.has('figures')) {
      for (const f of paragraphFigures) {
        const item = { value: f.value } as Figure;
        if (f.max !== undefined) item.max = f.max;
        item.unit = f.unit;
        if (lazySubjects) Object.defineProperty(item, 'subject', { get: () => f.subject, enumerable: true, configurable: true });
        else item.subject = f.subject;
        item.qualifier = f.qualifier;
        item.total = f.total;
        item.modality = modalityOf(p.text, f.start - p.start, headingsOver(doc.sections, doc.sectionAt(f.start), documentTitle), f.end - p.start);
        item.relation = relationOf(p.text, f.start - p.start);
        item.text = doc.originalText(f.start, f.end);
        placeAt(item, doc, f.start, f.end);
        item.section = section(f.start);
        item.span = { start: f.start, end: f.end };
        figures.push(item);
      }
    }
    if (only.has('blanks')) {
      for (const f of paragraphFigures) taken.add(f.start, f.end);
      for (const b of findBlanks(p, words, lexicon)) {
        if (taken.overlaps(b.start, b.end)) continue;
        // Up to 8 characters before, within the blank's clause: "全年发展新会员人", not "，全年发展新会员人".
        let contextStart = b.start;
        while (contextStart > Math.max(p.start, b.start - 8) && !CLAUSE_BREAK.test(doc.normalized.text[contextStart - 1]!)) contextStart--;
        const item = { unit: b.unit, context: doc.originalText(contextStart, b.end) } as BlankCount;
        placeAt(item, doc, b.start, b.end);
        item.span = { start: b.start, end: b.end };
        blanks.push(item);
      }
    }
    if (only.has('activities')) {
      for (const a of findActivities(p, words, paragraphFigures, lexicon)) {
        const item = { verb: a.verb, object: a.object, category: a.category } as Activity;
        if (a.count !== undefined) item.count = a.count;
        if (a.participants !== undefined) item.participants = a.participants;
        item.text = doc.originalText(a.start, a.end);
        placeAt(item, doc, a.start, a.end);
        item.section = section(a.start);
        item.span = { start: a.start, end: a.end };
        activities.push(item);
      }
    }
  }
  if (tableFigures.length) {
    for (const f of tableFigures) {
      const item = { value: f.value } as Figure;
      item.unit = f.unit;
      item.subject = f.subject;
      item.qualifier = f.qualifier;
      item.total = f.total;
      item.modality = f.modality ?? modalityOf('', 0, headingsOver(doc.sections, doc.sectionAt(f.start), documentTitle));
      item.relation = f.relation;
      item.text = doc.originalText(f.start, f.end);
      placeAt(item, doc, f.start, f.end);
      item.section = section(f.start);
      item.span = { start: f.start, end: f.end };
      figures.push(item);
    }
    figures.sort((a, b) => a.span.start - b.span.start);
  }
  return {
    file: doc.path,
    year,
    script: doc.normalized.script,
    figures,
    placeholders,
    blanks,
    activities,
  };
}

/** Sets the place fields of `item` (line, column, offset, endLine, endColumn, endOffset, in that order). */
function placeAt(item: Partial<Place>, doc: SourceCode, start: number, end: number): void {
  const at = doc.locate(start, end);
  item.line = at.line;
  item.column = at.column;
  item.offset = at.offset;
  item.endLine = at.endLine;
  item.endColumn = at.endColumn;
  item.endOffset = at.endOffset;
}

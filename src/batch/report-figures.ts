// One report's figures as rows of the long table: where each is (file, line, column, the headings
// over it, its sentence), what it says (modality, relation), the indicator it was counted under and
// by which word, its value in that indicator's unit with the conversion written out, and whether it
// is part of its cell. The report's value per indicator is the sum of its counted rows.
import type { Figure } from '../extract/index.js';
import type { SourceCode } from '../source/source-code.js';
import { combineFigures, type CombineEntry } from './combine.js';
import { clauseBefore, matchIndicator, type IndicatorDef } from './indicators.js';
import type { ReportIndicator, StatsRow, StatsWarning } from './types.js';
import { conversionFactor, convertValue } from './units.js';

export interface ReportFigures {
  rows: StatsRow[];
  indicators: ReportIndicator[];
  duplicateFigures: number;
  warnings: StatsWarning[];
}

/**
 * A copy of a piece of a report's text that holds no reference to the whole: V8 keeps a slice of a
 * long string as a view of it, and the rows of an archive would keep every report's text alive.
 */
const detach = (text: string): string => Buffer.from(text, 'utf16le').toString('utf16le');

const SENTENCE_END = /[。！？!?；;\n]/;
const SENTENCE_REACH = 200;

/** The original text of the sentence around a normalised offset (at most 200 characters each way). */
function sentenceAround(doc: SourceCode, start: number, end: number): string {
  const text = doc.normalized.text;
  let a = start;
  while (a > 0 && start - a < SENTENCE_REACH && !SENTENCE_END.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && b - end < SENTENCE_REACH && !SENTENCE_END.test(text[b]!)) b++;
  if (b < text.length && text[b] !== '\n') b++;
  return detach(doc.originalText(a, b).trim());
}

/** The headings over a normalised offset, outermost first: 篇一 > 一、组织建设 > (一)发展会员. */
function sectionPath(doc: SourceCode, offset: number): string {
  const titles: string[] = [];
  for (let s = doc.sectionAt(offset); s; s = s.parent === null ? null : doc.sections[s.parent]!) titles.push(s.title);
  return detach(titles.reverse().join(' > '));
}

/**
 * "2.5公里 → 2500米", "35.705萬元 → 357050元", "一千零五十人 → 1050人"; "" when the figure is written
 * as its value in the indicator's unit (in either script: 2個 is 2个). `normalized` is its simplified text.
 */
function conversionText(f: Figure, normalized: string, value: number, unit: string): string {
  const written = f.text.trim();
  if (normalized.trim() === `${value}${unit}`) return '';
  const factor = f.unit === unit ? null : conversionFactor(f.unit, unit);
  // The factor said from the larger unit: 1公里 = 1000米, 1公顷 = 15亩, 1亩 = 666.6667平方米.
  const rate = (a: number, b: number) => String(Number((a / b).toFixed(4)));
  const via = !factor || factor.num === factor.den ? ''
    : factor.num > factor.den ? `（1${f.unit} = ${rate(factor.num, factor.den)}${unit}）` : `（1${unit} = ${rate(factor.den, factor.num)}${f.unit}）`;
  return `${written} → ${value}${unit}${via}`;
}

/**
 * The rows and indicator values of one report's figures. `isCopy` says whether a figure sits in a
 * later copy of a passage the report repeats.
 */
export function reportFigures(
  doc: SourceCode,
  figures: readonly Figure[],
  task: { file: string; org: string; year: number | null; positions?: 'paragraph' },
  indicators: readonly IndicatorDef[],
  isCopy: (f: Figure) => boolean,
): ReportFigures {
  const entries: CombineEntry[] = [];
  const entryRow: number[] = [];
  const rows: StatsRow[] = [];
  const warnings: StatsWarning[] = [];
  let duplicateFigures = 0;
  const positions = task.positions ? { positions: task.positions } : {};
  for (const f of figures) {
    const match = matchIndicator(f, clauseBefore(doc.normalized.text, f.span.start), indicators);
    const def = match.indicator;
    const duplicate = isCopy(f);
    if (duplicate) duplicateFigures++;
    // A unit that no conversion reaches: 人次 is not 人, 元/人 is not 元 (never summed).
    const value = def ? (convertValue(f.value, f.unit, def.unit) ?? f.value) : f.value;
    if (def) {
      entries.push({ figure: f, indicator: def, duplicate, value });
      entryRow.push(rows.length);
    } else if (match.unitMismatch && !duplicate) {
      // Worded by the aggregator, in the run's language.
      warnings.push({
        kind: 'unit-mismatch', message: '', file: task.file, line: f.line, column: f.column, text: f.text.trim(),
        indicator: match.unitMismatch.id, units: [f.unit, match.unitMismatch.unit],
      });
    }
    rows.push({
      file: task.file, org: task.org, year: task.year, indicator: def?.id ?? '', subject: f.subject, value: f.value, unit: f.unit,
      qualifier: f.qualifier, modality: f.modality, relation: f.relation, section: sectionPath(doc, f.span.start),
      sentence: sentenceAround(doc, f.span.start, f.span.end), text: f.text, line: f.line, column: f.column,
      indicatorValue: value, indicatorUnit: def?.unit ?? '', conversion: def ? conversionText(f, doc.normalized.text.slice(f.span.start, f.span.end), value, def.unit) : '',
      matched: match.word, counted: false, ...(duplicate ? { duplicate: true } : {}), ...positions,
    });
  }
  const combined = combineFigures(entries);
  entryRow.forEach((r, i) => {
    const row = rows[r]!;
    row.counted = combined.counted[i]!;
    const note = combined.notes[i];
    if (note) row.note = note;
  });
  return { rows, indicators: combined.indicators, duplicateFigures, warnings };
}

// Tables: Markdown pipe tables and plain-text tables (tabs, or columns aligned with spaces). A number
// in a cell takes its unit and subject from the row and column headers (| 门诊人次 | 12,345 |, a header
// 金额（万元）, a caption 单位：万元), which the running-text reading of figures cannot see.
import type { Lexicon } from '../config/lexicon.js';
import type { Modality, Relation } from './modality.js';
import { exactValue, scanNumbers } from './numbers.js';
import type { Qualifier } from './types.js';

export interface TableFigure {
  start: number;
  end: number;
  value: number;
  unit: string;
  subject: string;
  qualifier: Qualifier;
  total: boolean;
  modality: Modality | null;
  relation: Relation;
}

interface Cell {
  start: number;
  end: number;
  text: string;
}

interface Row {
  /** Offset of the line in the text. */
  start: number;
  end: number;
  cells: Cell[];
  /** How the cells were told apart: a table's rows all split the same way. */
  split: 'pipe' | 'tab' | 'spaces';
}

const SEPARATOR_CELL = /^:?-{2,}:?$/;
const YEAR_OR_PERIOD = /^(?:(?:19|20)\d{2}(?:年度?)?|[上下]半年|[一二三四1-4]季度|本年|今年|全年|上年|去年|本期|上期|同期)/;
const GENERIC_HEADER = /^(?:数量|数值|数据|数目|合计|小计|总计|完成|完成数|完成情况|实际|实际完成|累计|本年累计|指标值|金额|人数|次数|户数|情况|备注)$/;
const TOTAL_ROW = /^(?:合计|总计|小计|总数|共计)$/;
const TARGET_HEADER = /计划|目标|预计|任务数?$/;
const COMPARISON_HEADER = /同比|增减|增长|增幅|变化|比上年|比去年|上年|去年/;
const CHANGE_HEADER = /同比|增减|增长|增幅|变化|比上年|比去年/;
// A unit in brackets (金额（万元）, 人数(人)) or after 单位 (单位：万元).
const BRACKET_UNIT = /[(（[【]\s*(?:单位[:：]\s*)?([^()（）[\]【】]{1,4})\s*[)）\]】]\s*$/;
const CAPTION_UNIT = /单位[:：]\s*([^\s，,。；;)）]{1,4})/;
const QUALIFIER_AFTER: [RegExp, Qualifier][] = [[/^(?:以上|多|余)/, 'at_least'], [/^以下/, 'at_most'], [/^左右/, 'about']];

function splitRow(text: string, start: number, end: number): Row | null {
  const line = text.slice(start, end);
  const trimmed = line.trim();
  if (!trimmed) return null;
  const offset = start + line.indexOf(trimmed);
  const cellsBy = (separator: RegExp, split: Row['split']): Row | null => {
    const cells: Cell[] = [];
    let at = 0;
    for (const m of [...trimmed.matchAll(separator), { index: trimmed.length, 0: '' }]) {
      const raw = trimmed.slice(at, m.index);
      const lead = raw.length - raw.trimStart().length;
      const cellText = raw.trim();
      if (cellText || split !== 'pipe') cells.push({ start: offset + at + lead, end: offset + at + lead + cellText.length, text: cellText });
      at = m.index! + m[0].length;
    }
    return cells.length >= 2 ? { start, end, cells, split } : null;
  };
  if ((trimmed.match(/\|/g)?.length ?? 0) >= 2) return cellsBy(/\|/g, 'pipe');
  if (trimmed.includes('\t')) return cellsBy(/\t+/g, 'tab');
  if (/\S {2,}\S/.test(trimmed)) return cellsBy(/ {2,}/g, 'spaces');
  return null;
}

function isSeparator(row: Row): boolean {
  return row.cells.every((c) => SEPARATOR_CELL.test(c.text.replace(/\s/g, '')));
}

/** The tables of a text: runs of two or more rows split the same way into the same number of cells. */
export function findTables(text: string): Row[][] {
  const tables: Row[][] = [];
  let run: Row[] = [];
  const close = () => {
    const rows = run.filter((r) => !isSeparator(r));
    // Spaces alone are a weak sign: such a run is a table only when some row holds a number cell.
    if (rows.length >= 2 && (run[0]!.split !== 'spaces' || rows.some((r) => r.cells.some((c) => /^[\d.,%]+/.test(c.text))))) tables.push(rows);
    run = [];
  };
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const row = splitRow(text, start, end);
    const last = run.at(-1);
    if (row && last && (row.split !== last.split || (row.cells.length !== last.cells.length && !isSeparator(row) && !isSeparator(last)))) close();
    if (row) run.push(row);
    else close();
    start = end + 1;
  }
  close();
  return tables;
}

function unitOfHeader(header: string, lexicon: Lexicon): { unit: string; scale: number } | null {
  const bracket = BRACKET_UNIT.exec(header) ?? CAPTION_UNIT.exec(header);
  const word = bracket ? bracket[1]! : header;
  if (bracket) {
    if (word === '%' || word === '％') return { unit: '%', scale: 1 };
    const entry = lexicon.unitByText.get(word);
    if (entry) return { unit: entry.base, scale: entry.scale };
  }
  // A header that ends in its unit: 门诊人次, 参加人数 (人), 户数 (户), 增长率 (%).
  const bare = header.replace(BRACKET_UNIT, '');
  if (/率$/.test(bare)) return { unit: '%', scale: 1 };
  for (let length = Math.min(3, bare.length); length >= 1; length--) {
    let tail = bare.slice(-length);
    if (tail.length > 1 && tail.endsWith('数')) tail = tail.slice(0, -1);
    const entry = lexicon.unitByText.get(tail);
    if (entry && entry.kind !== 'measure' && bare.length > tail.length) return { unit: entry.base, scale: entry.scale };
  }
  return null;
}

const headerName = (header: string) => header.replace(BRACKET_UNIT, '').trim();

/** The figures in the number cells of a document's tables, with normalised offsets. */
export function findTableFigures(text: string, lexicon: Lexicon, year: number | null): TableFigure[] {
  const figures: TableFigure[] = [];
  for (const rows of findTables(text)) {
    const header = rows[0]!;
    const headerIsLabels = header.cells.every((c) => !/^[\d.,%]+$/.test(c.text));
    const captionLine = text.slice(text.lastIndexOf('\n', Math.max(0, header.start - 2)) + 1, Math.max(0, header.start - 1));
    const caption = CAPTION_UNIT.test(captionLine) ? unitOfHeader(captionLine, lexicon) : null;
    for (const row of headerIsLabels ? rows.slice(1) : rows) {
      const rowHeader = /^[\d.,%]+$/.test(row.cells[0]!.text) ? '' : row.cells[0]!.text;
      for (let c = rowHeader ? 1 : 0; c < row.cells.length; c++) {
        const cell = row.cells[c]!;
        const numbers = scanNumbers(cell.text);
        const n = numbers[0];
        const sign = /^[+\-−]/.test(cell.text) ? 1 : 0;
        // A number cell: one number opening the cell (after a sign), with at most a unit or qualifier after it.
        if (numbers.length !== 1 || n!.start !== sign || n!.kind === 'chinese' || cell.text.length - n!.end > 4) continue;
        const rest = cell.text.slice(n!.end).trim();
        const columnHeader = headerIsLabels ? (header.cells[c]?.text ?? '') : '';
        let unit: { unit: string; scale: number } | null = null;
        let qualifier: Qualifier = 'exact';
        const restUnit = rest.replace(/(?:以上|以下|多|余|左右)$/, '');
        if (restUnit === '%' || n!.kind === 'percent') unit = { unit: '%', scale: 1 };
        else if (restUnit) {
          const entry = lexicon.unitByText.get(restUnit);
          if (!entry) continue; // a date, a code, a word: no figure
          unit = { unit: entry.base, scale: entry.scale };
        }
        for (const [pattern, q] of QUALIFIER_AFTER) if (pattern.test(rest.slice(restUnit.length))) qualifier = q;
        unit ??= unitOfHeader(columnHeader, lexicon) ?? (rowHeader ? unitOfHeader(rowHeader, lexicon) : null) ?? caption;
        const columnName = headerName(columnHeader);
        const rowName = headerName(rowHeader);
        const total = TOTAL_ROW.test(rowName);
        const columnNamesThing = columnName && !GENERIC_HEADER.test(columnName) && !YEAR_OR_PERIOD.test(columnName) && !TARGET_HEADER.test(columnName) && !COMPARISON_HEADER.test(columnName);
        // The column names the thing counted (门诊人次 | 住院人数), else the row does (门诊人次 | 2023年); a
        // total row of year columns counts what the other rows count, which the row name 合计 stands for.
        const subject = (columnNamesThing ? columnName : rowName) || columnName || headerName(captionLine);
        const modality: Modality | null = TARGET_HEADER.test(columnName) ? 'target' : COMPARISON_HEADER.test(columnName) || earlierYear(columnName, year) ? 'comparison' : null;
        const value = n!.kind === 'arabic' && n!.unscaled === undefined ? exactValue(cell.text.slice(sign, n!.end), unit?.scale ?? 1) : n!.value * (unit?.scale ?? 1);
        figures.push({
          start: cell.start + sign,
          end: cell.start + n!.end + (restUnit ? cell.text.slice(n!.end).indexOf(restUnit) + restUnit.length : 0),
          value,
          unit: unit?.unit ?? '',
          subject,
          qualifier,
          total,
          modality,
          relation: CHANGE_HEADER.test(columnName) || /^[+-]/.test(cell.text) ? 'change' : 'level',
        });
      }
    }
  }
  return figures;
}

/** Whether a column header names a year before the report's (a figure given for comparison). */
function earlierYear(header: string, year: number | null): boolean {
  const m = /^((?:19|20)\d{2})/.exec(header);
  return m !== null && year !== null && Number(m[1]) < year;
}

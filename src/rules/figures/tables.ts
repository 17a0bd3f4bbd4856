// Tables in a draft: Markdown tables (| a | b |) and text tables (cells split by tabs or wide
// spaces), line by line, with each cell's place in the normalised text. What sum-mismatch reads for
// a 合计 row, and missing-number for a section whose numbers stand in a table. Word tables reach us
// cell by cell as paragraphs (src/io/docx.ts) and are not tables here.
import type { SourceCode } from '../../source/source-code.js';

export interface Cell {
  start: number;
  end: number;
  text: string;
}

export interface Table {
  start: number;
  end: number;
  rows: Cell[][];
}

// A separator row of a Markdown table: | --- | :---: |.
const RULE_ROW = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const TOTAL_LABEL = /^(?:合\s*计|总\s*计|共\s*计|总\s*数|合计数|全年合计|小\s*计)$/;
const SUBTOTAL_LABEL = /^小\s*计$/;
// Columns whose numbers do not add up: rates, averages, ranks, serial numbers, years, dates.
const UNSUMMED_HEADER = /率|%|％|比|均|排名|名次|序号|编号|年份|年度|时间|日期|月份|得分|分数|单价|增减|增长|同比/;
const NUMBER_CELL = /^([-+]?\d+(?:,\d{3})*(?:\.\d+)?)\s*(万|亿)?\s*[^\d%％]{0,4}$/;
const EMPTY_CELL = /^(?:|-|—|－|\/|无)$/;
const MAX_CELLS = 64;

/** The cells of one line, or null when the line is no table row. */
function splitRow(line: string, at: number): Cell[] | null {
  const cells: Cell[] = [];
  let separator: RegExp;
  let body = line;
  let offset = at;
  if (/^\s*\|.*\|\s*$/.test(line)) {
    separator = /\|/g;
    const first = line.indexOf('|');
    const last = line.lastIndexOf('|');
    body = line.slice(first + 1, last);
    offset = at + first + 1;
  } else {
    if (line.includes('\t')) separator = /\t+/g;
    else if (/\S(?: {2,}|\u3000+)\S/.test(line)) separator = / {2,}|\u3000+/g;
    else return null;
    body = line.trim();
    offset = at + line.length - line.trimStart().length;
  }
  let from = 0;
  const push = (end: number) => {
    const raw = body.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ start: offset + from + lead, end: offset + from + lead + text.length, text });
  };
  for (const m of body.matchAll(separator)) {
    push(m.index);
    from = m.index + m[0].length;
    if (cells.length > MAX_CELLS) return null;
  }
  push(body.length);
  return cells.length >= 2 ? cells : null;
}

/** Every table of the document: runs of at least three lines with the same number of cells. */
export function findTables(doc: SourceCode): Table[] {
  return doc.memo('tables', () => {
    const text = doc.normalized.text;
    const tables: Table[] = [];
    let run: Table | null = null;
    const flush = () => {
      if (run && run.rows.length >= 3) tables.push(run);
      run = null;
    };
    // Line by line through every paragraph: a Markdown table is one paragraph, a text table one
    // paragraph a line; a run goes on across paragraphs with nothing but space between them.
    for (const p of doc.paragraphs) {
      let at = p.start;
      for (const line of p.text.split('\n')) {
        const lineStart = at;
        at += line.length + 1;
        if (RULE_ROW.test(line) && line.includes('-')) {
          if (run) (run as Table).end = lineStart + line.length;
          continue;
        }
        const cells = splitRow(line, lineStart);
        const current = run as Table | null;
        if (cells && current && current.rows[0]!.length === cells.length && /^\s*$/.test(text.slice(current.end, lineStart))) {
          current.rows.push(cells);
          current.end = lineStart + line.length;
          continue;
        }
        flush();
        if (cells) run = { start: lineStart, end: lineStart + line.length, rows: [cells] };
      }
    }
    flush();
    return tables;
  });
}

function cellValue(cell: Cell): number | null | undefined {
  if (EMPTY_CELL.test(cell.text)) return null;
  const m = NUMBER_CELL.exec(cell.text);
  if (!m) return undefined;
  const scale = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1;
  return Number(m[1]!.replace(/,/g, '')) * scale;
}

export interface TableTotal {
  label: string;
  header: string;
  cell: Cell;
  sum: number;
  parts: Cell[];
}

/** The cells of 合计 (小计) rows that are not the sum of the rows they close, column by column. */
export function tableTotals(table: Table): TableTotal[] {
  const [header, ...body] = table.rows;
  if (!header || body.length < 2) return [];
  const out: TableTotal[] = [];
  // The label is in the first or second cell (a serial number may come first).
  const labelOf = (row: Cell[]) => row.slice(0, 2).findIndex((c) => TOTAL_LABEL.test(c.text));
  let from = 0;
  let subtotals: number[] = [];
  body.forEach((row, r) => {
    const labelAt = labelOf(row);
    if (labelAt < 0) return;
    const subtotal = SUBTOTAL_LABEL.test(row[labelAt]!.text);
    // A 合计 after 小计 rows adds the 小计 rows; otherwise the data rows since the last total.
    const rows = !subtotal && subtotals.length ? subtotals.map((i) => body[i]!) : body.slice(from, r).filter((x) => labelOf(x) < 0);
    for (let c = labelAt + 1; c < row.length; c++) {
      if (UNSUMMED_HEADER.test(header[c]?.text ?? '')) continue;
      const total = cellValue(row[c]!);
      if (total === null || total === undefined || !rows.length) continue;
      const values = rows.map((x) => (x[c] ? cellValue(x[c]!) : undefined));
      if (values.some((v) => v === undefined) || values.every((v) => v === null)) continue;
      const sum = Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 1e6) / 1e6;
      if (Math.abs(sum - total) > 1e-6) {
        out.push({ label: row[labelAt]!.text.replace(/\s+/g, ''), header: header[c]!.text || String(c + 1), cell: row[c]!, sum, parts: rows.map((x) => x[c]!) });
      }
    }
    if (subtotal) subtotals.push(r);
    else subtotals = [];
    from = r + 1;
  });
  return out;
}

/** Whether [start, end) lies in a table that holds a number. */
export function tableNumbersWithin(doc: SourceCode, start: number, end: number): boolean {
  return findTables(doc).some((t) => t.start < end && t.end > start && t.rows.slice(1).some((row) => row.some((c) => cellValue(c) !== undefined && cellValue(c) !== null)));
}

// `zongjie stats --format parquet`: the long table (one row per figure) as one Apache Parquet file, for
// pandas (read_parquet), DuckDB (SELECT … FROM 'figures.parquet') and Dask without conversion. The
// columns are those of figures.csv, in its order, typed: numbers as DOUBLE, line and column as INT32,
// the year as a nullable INT32 (null when unknown), counted and duplicate as BOOLEAN, text as UTF-8
// strings. Written by hyparquet-writer (pure JavaScript, Snappy-compressed pages).
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';
import type { StatsResult, StatsRow } from '../batch/types.js';
import { STATS_ROW_COLUMNS } from './stats-csv.js';

type Column = (typeof STATS_ROW_COLUMNS)[number];

const NUMBER_COLUMNS = new Set<Column>(['value', 'indicatorValue']);
const INTEGER_COLUMNS = new Set<Column>(['line', 'column']);
const BOOLEAN_COLUMNS = new Set<Column>(['counted', 'duplicate']);

function cell(r: StatsRow, column: Column): string | number | boolean | null {
  switch (column) {
    case 'year':
      return r.year;
    case 'note':
      return r.note ?? '';
    case 'duplicate':
      return r.duplicate === true;
    default:
      return r[column];
  }
}

/** The long table as the bytes of one Parquet file (a file with the columns and no row when there are no figures). */
export function statsParquet(result: StatsResult): Uint8Array {
  const rows = result.rows;
  const columnData: ColumnSource[] = STATS_ROW_COLUMNS.map((name) => {
    const data = rows.map((r) => cell(r, name));
    if (name === 'year') return { name, data, type: 'INT32', nullable: true };
    if (INTEGER_COLUMNS.has(name)) return { name, data, type: 'INT32', nullable: false };
    if (NUMBER_COLUMNS.has(name)) return { name, data, type: 'DOUBLE', nullable: false };
    if (BOOLEAN_COLUMNS.has(name)) return { name, data, type: 'BOOLEAN', nullable: false };
    return { name, data, type: 'STRING', nullable: false };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'zongjie stats' }));
}

// `zongjie stats --format parquet` (and figures.parquet under --out): the long table as one Parquet
// file, read back here with a real reader (hyparquet, an independent JavaScript Parquet reader) and
// compared, row by row and column by column, with the JSON output of the same run on the corpus.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { STATS_ROW_COLUMNS } from '../../src/report/stats-csv.js';
import { statsParquet } from '../../src/report/stats-parquet.js';
import type { StatsResult } from '../../src/batch/types.js';
import { zongjieInProcess } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

type JsonRow = Record<string, unknown>;

/** A JSON row as the Parquet row it must equal: a note or duplicate flag left out of the JSON is "" and false there. */
const expected = (r: JsonRow): JsonRow => ({ ...Object.fromEntries(STATS_ROW_COLUMNS.map((c) => [c, r[c]])), note: r.note ?? '', duplicate: r.duplicate === true });

describe('stats --format parquet', () => {
  const out = tempDir('zongjie-parquet-');

  it('writes figures.parquet under --out with every row and column of the JSON long table', async () => {
    const r = await zongjieInProcess(['stats', '--workers', '1', '--out', out, 'corpus/']);
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')) as { rows: JsonRow[]; indicators: { id: string; byYear: Record<string, number> }[] };
    const file = buffer(readFileSync(join(out, 'figures.parquet')));
    const rows = (await parquetReadObjects({ file })) as JsonRow[];
    expect(json.rows.length).toBeGreaterThan(150);
    expect(rows).toHaveLength(json.rows.length);
    for (let i = 0; i < rows.length; i++) expect(rows[i], `row ${i}`).toEqual(expected(json.rows[i]!));
    // The columns, in the CSV's order, typed as a reader needs them.
    const schema = parquetSchema(parquetMetadata(file));
    const types = Object.fromEntries(schema.children.map((c) => [c.element.name, c.element.type]));
    expect(schema.children.map((c) => c.element.name)).toEqual([...STATS_ROW_COLUMNS]);
    expect(types).toMatchObject({ year: 'INT32', line: 'INT32', value: 'DOUBLE', indicatorValue: 'DOUBLE', counted: 'BOOLEAN', file: 'BYTE_ARRAY' });
    // A cell as an analyst would compute it from the file: the counted actual rows of an indicator and year.
    const sum = rows.filter((x) => x.indicator === '合理化建议' && x.year === 2021 && x.counted && x.modality === 'actual').reduce((a, x) => a + (x.indicatorValue as number), 0);
    expect(sum).toBe(json.indicators.find((s) => s.id === '合理化建议')!.byYear['2021']);
  });

  it('prints the same bytes to stdout with --format parquet', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'zongjie.js'), 'stats', '--workers', '1', '--format', 'parquet', 'corpus/'], { cwd: ROOT, encoding: 'buffer', env: { ...process.env, ZONGJIE_LANG: '' } });
    expect(run.status).toBe(0);
    expect(run.stdout.subarray(0, 4).toString()).toBe('PAR1');
    expect(Buffer.compare(run.stdout, readFileSync(join(out, 'figures.parquet')))).toBe(0);
  });

  it('writes a readable file with the columns and no row when there is no figure', async () => {
    const empty = statsParquet({ rows: [] } as unknown as StatsResult);
    const file = buffer(empty);
    expect(await parquetReadObjects({ file })).toEqual([]);
    expect(parquetSchema(parquetMetadata(file)).children.map((c) => c.element.name)).toEqual([...STATS_ROW_COLUMNS]);
  });
});

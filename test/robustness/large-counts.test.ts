// Inputs with very many findings or very long clauses: lists of 150,000 items once went through
// Math.max(...list) or push(...list), which overflow the call stack, so the run died with
// "internal error: RangeError: Maximum call stack size exceeded".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourceBytes } from '../../src/source/load.js';
import { runStats } from '../../src/batch/run.js';
import { extractDocument } from '../../src/extract/index.js';
import type { LintMessage, LintResult } from '../../src/lint/types.js';
import { formatLintResults } from '../../src/report/lint-formats.js';
import { tempDir } from '../helpers/temp.js';

const MANY = 150_000;
const dir = tempDir('zongjie-large-');

describe('very many findings and very long clauses', () => {
  it('stylish output of one file with 150,000 messages, aligned', () => {
    const messages: LintMessage[] = Array.from({ length: MANY }, (_, i) => ({
      ruleId: 'placeholder', severity: 'error', message: '留有占位符“XX”', messageId: 'placeholder',
      line: 3, column: 7 + 9 * i, endLine: 3, endColumn: 9 + 9 * i, offset: 0, endOffset: 0,
    }));
    const result: LintResult = { file: 'draft.txt', errorCount: MANY, warningCount: 0, infoCount: 0, fixableCount: 0, messages };
    const lines = formatLintResults('stylish', [result], [], { color: false, lang: 'zh' }).split('\n');
    const rows = lines.filter((l) => l.endsWith('placeholder'));
    expect(rows).toHaveLength(MANY);
    // Columns are padded to the widest (1,349,998: seven digits), so every rule id ends in one place.
    expect(rows[0]).toBe(`  3:7${' '.repeat(6)}  错误  留有占位符“XX”  placeholder`);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(lines.at(-2)).toBe('✖ 150000 个问题（150000 个错误，0 个警告，0 个提示）');
  });

  it('extraction of one clause of 200,000 activities (no punctuation)', async () => {
    const text = `工作总结\n\n${'组织开展培训活动'.repeat(200_000)}\n`;
    const doc = await loadSourceBytes('long-clause.txt', Buffer.from(text));
    const { activities } = extractDocument(doc, { only: ['activities'] });
    expect(activities).toHaveLength(200_000);
    expect(activities.at(-1)).toMatchObject({ verb: '组织开展', object: '培训活动', line: 3, column: 1_599_993 });
  });

  it('stats on a report with 150,000 figures: every row kept, the largest total wins', async () => {
    const file = join(dir, 'many-figures.txt');
    let body = '';
    for (let i = 1; i <= MANY; i++) body += `累计发展新会员${i}人，`;
    writeFileSync(file, `2023年工作总结\n\n${body}\n`);
    const result = await runStats([file], { workers: 1, byOrg: false });
    expect(result.failed).toEqual([]);
    expect(result.rows).toHaveLength(MANY);
    expect(result.indicators.find((i) => i.id === '新会员')?.byYear).toEqual({ 2023: MANY });
  });
});

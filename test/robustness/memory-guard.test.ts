// A document whose analysis would not fit in the heap (issue 23, item 1): refused with a one-line
// message naming the file, before V8 dies of it; the other files of the run are still analysed.
// The memory itself, on 20 MB and 100 MB, is measured by `npm run bench` (bench/memory.js).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisMemory, memoryRefusal } from '../../src/source/memory-guard.js';
import { zongjie } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const MB = 1024 * 1024;

describe('the memory guard', () => {
  it('estimates from characters and paragraphs, and refuses what the heap cannot still hold', () => {
    expect(analysisMemory(1_000_000, 10_000)).toBe(90_000_000 + 40_960_000);
    const heap = { heap_size_limit: 512 * MB, used_heap_size: 100 * MB } as ReturnType<typeof import('node:v8').getHeapStatistics>;
    expect(memoryRefusal(1_000_000, 10_000, heap)).toBeNull(); // 125 MB of 412 MB free
    expect(memoryRefusal(1_000_000, 100_000, heap)).toBe(
      'too large to analyse in the memory this process may use (100000 paragraphs, 1.0 million characters need about 477 MB; 412 MB are free): split the file, or run with NODE_OPTIONS=--max-old-space-size=2048',
    );
  });

  it('through the CLI, with a small heap: one line for the file too large, the others analysed, no crash', () => {
    const dir = tempDir('zongjie-memory-');
    // 200,000 short paragraphs: about 1 GB to analyse, over a heap of 256 MB.
    writeFileSync(join(dir, 'lines.txt'), '全年发展新会员xx人。\n'.repeat(200_000));
    writeFileSync(join(dir, 'draft.txt'), '公司现有员工人。\n');
    for (const command of ['extract', 'stats']) {
      const r = zongjie([command, '--format', 'json', 'lines.txt', 'draft.txt', ...(command === 'stats' ? ['--workers', '1'] : [])], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=256' } });
      expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^zongjie: lines\.txt: too large to analyse in the memory this process may use \(200000 paragraphs, 2\.4 million characters need about \d+ MB; \d+ MB are free\): split the file, or run with NODE_OPTIONS=--max-old-space-size=\d+$/m);
      if (command === 'extract') expect(r.stdout).toContain('"file": "draft.txt"');
      else expect(JSON.parse(r.stdout)).toMatchObject({ files: 2, failed: [{ file: 'lines.txt' }] });
    }
  });
});

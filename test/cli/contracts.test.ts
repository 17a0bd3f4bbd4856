// The JSON outputs other programs consume (DESIGN.md, "Output contracts") stay byte-identical across
// refactors: the three main commands on the whole corpus, compared with outputs recorded before the
// redesign of the house (test/fixtures/contracts/). A deliberate change of output re-records them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zongjie } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';

const recorded = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'contracts', `${name}.json`), 'utf8');

describe('output contracts on the corpus', () => {
  it.each([
    ['extract', 0],
    ['check', 1],
    ['stats', 0],
  ])('%s --format json is byte-identical to the recorded output', (command, status) => {
    const run = zongjie([command, 'corpus/', '--format', 'json']);
    // stats says on stderr what its JSON lists in `warnings` (issue 21), one line each, and nothing else.
    const warnings = command === 'stats' ? (JSON.parse(run.stdout) as { warnings: { message: string }[] }).warnings : [];
    expect(run.stderr).toBe(warnings.map((w) => `zongjie: 警告：${w.message}\n`).join(''));
    expect(run.status).toBe(status);
    expect(run.stdout).toBe(recorded(command));
  });
});

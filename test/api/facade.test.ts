// The facade as a program uses it: the documented example runs, text and files are linted and
// extracted, fixes are worked out and written only when asked, and a draft is analysed once.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixDiff, fixesOf, Zongjie } from '../../src/api/zongjie.js';
import { corpusPath, ROOT } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

const DRAFT = '2023年工作总结\n\n一、主要工作\n\n全年共开展开展活动12次，发展新会员人。\n';

describe('the Zongjie facade', () => {
  it('runs the example of docs/api.md as documented', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'docs', 'examples', 'api', 'lint-and-extract.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '5:4 doubled-word “开展”重复写了两遍',
      '5:19 blank-count “发展新会员人”中“人”前面缺少数字',
      'corpus/000_87f43282fb262844.txt: 20 figures, the first 1 名 (1名) at 13:119',
      '1 file(s), 0 failed',
      '',
    ]);
  });

  it('lints text in memory, in the language asked for', async () => {
    const result = await new Zongjie({ preset: 'recommended', lang: 'en' }).lintText(DRAFT, 'draft.txt');
    expect(result.file).toBe('draft.txt');
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column, m.endColumn])).toEqual([
      ['doubled-word', 5, 4, 8],
      ['blank-count', 5, 19, 20],
    ]);
    expect(result.messages[0]!.message).toMatch(/开展/);
    expect(result.messages[0]!.message).not.toMatch(/重复写了/);
  });

  it('hands each file on with its source, and keeps no results when given a callback', async () => {
    const seen: string[] = [];
    const run = await new Zongjie({ preset: 'recommended' }).lintFiles([corpusPath('000'), 'no-such-file.txt'], (result, source) => {
      seen.push(`${result.file} ${source?.lines.lineCount}`);
    });
    expect(seen).toEqual(['corpus/000_87f43282fb262844.txt 64']);
    expect(run.results).toEqual([]);
    expect(run.failures).toEqual([{ file: 'no-such-file.txt', error: 'no such file or directory' }]);
  });

  it('works out fixes with fix: true, and writes them only through outputFixes', async () => {
    const dir = tempDir('zongjie-facade-');
    const path = join(dir, 'draft.txt');
    writeFileSync(path, DRAFT);
    const run = await new Zongjie({ preset: 'recommended', fix: true }).lintFiles([path]);
    const [result] = run.results;
    expect(fixesOf(result!)?.output).toBe(DRAFT.replace('开展开展', '开展'));
    expect(fixDiff(result!)).toContain('-全年共开展开展活动12次，发展新会员人。\n+全年共开展活动12次，发展新会员人。');
    expect(JSON.stringify(result)).not.toContain('output');
    expect(readFileSync(path, 'utf8')).toBe(DRAFT);
    expect(Zongjie.outputFixes(run.results)).toEqual({ fixed: 1, failures: [] });
    expect(readFileSync(path, 'utf8')).toBe(DRAFT.replace('开展开展', '开展'));
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['blank-count']);
  });

  it('extracts files in order and reports the ones it cannot read', async () => {
    const files: string[] = [];
    const failed: string[] = [];
    const run = await new Zongjie().extractFiles([corpusPath('001'), corpusPath('000'), 'missing.txt'], { only: ['placeholders'] }, (extraction) => {
      files.push(`${extraction.file.slice(-24)} ${extraction.placeholders.length}`);
    }, (failure) => failed.push(failure.file));
    expect(files).toEqual(['001_7ba693d13d610300.txt 49', '000_87f43282fb262844.txt 7']);
    expect(failed).toEqual(['missing.txt']);
    expect(run).toEqual({ files: 2, failures: [{ file: 'missing.txt', error: 'no such file or directory' }] });
  });

  it('analyses a draft once for the page: lint, extraction and outline from one SourceCode', async () => {
    const analysis = await new Zongjie({ preset: 'recommended' }).analyseDraft('draft.txt', new TextEncoder().encode(DRAFT));
    expect(analysis.lint.errorCount + analysis.lint.warningCount).toBe(2);
    expect(analysis.extraction.figures.map((f) => f.text)).toEqual(['12次']);
    expect(analysis.outline.map((n) => [n.title, n.line])).toEqual([['一、主要工作', 3]]);
    expect(analysis.source.locate(0, 4)).toEqual({ line: 1, column: 1, offset: 0, endLine: 1, endColumn: 5, endOffset: 4 });
  });
});

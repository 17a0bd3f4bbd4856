// zongjie check end to end: formats, exit status, stdin, config, switches in Markdown, --fix.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { zongjie, zongjieInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const DRAFT = '2023年度社区工作总结\n一、主要工作\n全年开展开展志愿服务xx次，走访独居老人35户。\n公司现有员工人。\n二、存在问题\n人手不足。\n三、下一步工作\n加强学习。\n';
const checkDir = () => tempDir('zongjie-check-');

describe('zongjie check', () => {
  it('reports in Chinese at line:column with rule ids, and exits 1 on errors', () => {
    const r = zongjie(['check', '--stdin-filename', 'draft.txt', '-'], { input: DRAFT });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('draft.txt');
    expect(r.stdout).toMatch(/3:3\s+警告\s+“开展”重复写了两遍\s+doubled-word/);
    expect(r.stdout).toMatch(/3:11\s+错误\s+占位符“xx”尚未填写\s+placeholder/);
    expect(r.stdout).toMatch(/4:7\s+错误\s+“公司现有员工人”中“人”前面缺少数字\s+blank-count/);
    expect(r.stdout).toMatch(/✖ 3 个问题（2 个错误，1 个警告，0 个提示）/);
  });

  it('gives the DESIGN.md JSON and English messages on request', async () => {
    const r = await zongjieInProcess(['check', '--format', 'json', '--lang', 'en', '--stdin-filename', 'draft.txt', '-'], { input: DRAFT });
    const [file] = JSON.parse(r.stdout) as { file: string; errorCount: number; warningCount: number; messages: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; offset: number; related: unknown[] }[] }[];
    expect(file).toMatchObject({ file: 'draft.txt', errorCount: 2, warningCount: 1 });
    expect(file!.messages[0]).toMatchObject({ ruleId: 'doubled-word', severity: 'warning', message: '"开展" is written twice', line: 3, column: 3, endLine: 3, endColumn: 7, offset: 22, related: [] });
  });

  it('exits 0 on a clean draft, and 1 when warnings pass --max-warnings', async () => {
    const clean = '2023年度工作总结\n全年发展新会员20人，开展培训3期。\n';
    expect((await zongjieInProcess(['check', '-'], { input: clean })).status).toBe(0);
    const warn = '2023年度工作总结\n全年开展开展培训3期。\n';
    expect((await zongjieInProcess(['check', '-'], { input: warn })).status).toBe(0);
    expect((await zongjieInProcess(['check', '--max-warnings', '0', '-'], { input: warn })).status).toBe(1);
    const quiet = await zongjieInProcess(['check', '--quiet', '-'], { input: warn });
    expect(quiet.stdout).toBe('');
  });

  it('writes SARIF 2.1.0 with related locations for duplicates, and GitHub annotations', async () => {
    const para = '组织员工开展各类劳动竞赛，彰显工人阶级主力军作用，推动企业高质量发展。';
    const text = `${para}\n另一段内容，与上面不同，讲的是帮扶困难职工的做法和成效。\n${para}\n`;
    const sarif = JSON.parse((await zongjieInProcess(['check', '--format', 'sarif', '--stdin-filename', 'a.txt', '-'], { input: text })).stdout);
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'duplicate-section');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(3);
    expect(result.relatedLocations[0].physicalLocation.region.startLine).toBe(1);
    const github = (await zongjieInProcess(['check', '--format', 'github', '--stdin-filename', 'a.txt', '-'], { input: DRAFT })).stdout;
    expect(github).toMatch(/^::error file=a\.txt,line=3,col=11,endLine=3,endColumn=13,title=zongjie\(placeholder\)::/m);
  });

  it('honours zongjie-disable comments in Markdown', async () => {
    const md = '# 2023年工作总结\n\n<!-- zongjie-disable-next-line placeholder -->\n全年开展志愿服务xx次。\n\n全年开展培训xx期。\n';
    const r = JSON.parse((await zongjieInProcess(['check', '--format', 'json', '--stdin-filename', 'a.md', '-'], { input: md })).stdout);
    expect(r[0].messages.map((m: { line: number }) => m.line)).toEqual([6]);
  });

  it('uses the nearest .zongjierc.yml, and stops with exit 2 and file:line:column on a mistake in it', async () => {
    const dir = checkDir();
    writeFileSync(join(dir, 'a.txt'), '全年开展开展培训3期。\n');
    writeFileSync(join(dir, '.zongjierc.yml'), 'checks:\n  doubled-word: error\n');
    expect((await zongjieInProcess(['check', 'a.txt'], { cwd: dir })).status).toBe(1);
    writeFileSync(join(dir, '.zongjierc.yml'), 'checks:\n  doubled-word: warn\n');
    const bad = await zongjieInProcess(['check', 'a.txt'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/\.zongjierc\.yml:2:17: checks\.doubled-word: 应为级别：off, info, warning, error/);
  });

  it('--fix removes doubled words and artifacts atomically, keeping GB18030, BOM-less bytes and CRLF; nothing else changes files', async () => {
    const dir = checkDir();
    const file = join(dir, 'draft.txt');
    const original = '總結(jié)報告\r\n全年開展開展培訓3期，發放慰問金xx萬元。\r\n';
    writeFileSync(file, iconv.encode(original, 'gb18030'));
    const before = readFileSync(file);
    await zongjieInProcess(['check', 'draft.txt'], { cwd: dir });
    await zongjieInProcess(['check', '--fix-dry-run', 'draft.txt'], { cwd: dir });
    expect(readFileSync(file).equals(before)).toBe(true);
    const dry = await zongjieInProcess(['check', '--fix-dry-run', 'draft.txt'], { cwd: dir });
    // A unified diff (the line ends kept, so it applies to the decoded text), then the results.
    const diff = [
      '--- a/draft.txt',
      '+++ b/draft.txt',
      '@@ -1,2 +1,2 @@',
      '-總結(jié)報告\r',
      '-全年開展開展培訓3期，發放慰問金xx萬元。\r',
      '+總結報告\r',
      '+全年開展培訓3期，發放慰問金xx萬元。\r',
      '',
    ].join('\n');
    expect(dry.stdout.startsWith(diff)).toBe(true);
    expect(applyPatch(original, diff)).toBe('總結報告\r\n全年開展培訓3期，發放慰問金xx萬元。\r\n');
    expect(dry.stdout.slice(diff.length)).toMatch(/^draft\.txt\n/);
    const fixed = await zongjieInProcess(['check', '--fix', 'draft.txt'], { cwd: dir });
    expect(fixed.status).toBe(1); // the placeholder is still there
    expect(iconv.decode(readFileSync(file), 'gb18030')).toBe('總結報告\r\n全年開展培訓3期，發放慰問金xx萬元。\r\n');
    expect(fixed.stdout).toContain('placeholder');
    expect(fixed.stdout).not.toContain('doubled-word');
  });

  it('lists the checks (zongjie rules) and writes a starter config (zongjie init)', async () => {
    const rules = zongjie(['rules']).stdout;
    for (const id of ['placeholder', 'blank-count', 'doubled-word', 'duplicate-section', 'artifact']) expect(rules).toContain(id);
    const dir = checkDir();
    expect(zongjie(['init', '--preset', 'union-annual'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, '.zongjierc.yml'), 'utf8')).toContain('extends: union-annual');
    expect((await zongjieInProcess(['init'], { cwd: dir })).status).toBe(2);
    expect((await zongjieInProcess(['check', '-'], { cwd: dir, input: '全年发展新会员20人。' })).status).toBe(0);
  });
});

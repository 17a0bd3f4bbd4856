// The foundation commands end to end, as a user runs them (the built CLI in a child process).
import { describe, expect, it } from 'vitest';
import { writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { zongjie, zongjieInProcess } from '../helpers/cli.js';
import { corpusPath, corpusText } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

describe('zongjie outline', () => {
  it('shows the eight parts of 001 with their numbered sections', () => {
    const r = zongjie(['outline', 'corpus/001_7ba693d13d610300.txt']);
    expect(r.status).toBe(0);
    for (let n = 1; n <= 8; n++) expect(r.stdout).toContain(`2023企業工會年度工作計畫 篇${n}`);
    expect(r.stdout).toMatch(/^\s+9 {4}一、指導思想和工作重點$/m);
  });
  it('shows 004 一、… 五、 and gives JSON on request', async () => {
    const r = await zongjieInProcess(['outline', '--format', 'json', 'corpus/004_d5da8b897465ed99.txt']);
    const [file] = JSON.parse(r.stdout) as { sections: { title: string; line: number; children: unknown[] }[] }[];
    expect(file!.sections.map((s) => s.title.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、']);
    expect(file!.sections.map((s) => s.line)).toEqual([4, 9, 14, 19, 23]);
  });
});

describe('zongjie normalize', () => {
  it('prints 004 in simplified Chinese without pinyin, and lists the clean-ups', async () => {
    const r = zongjie(['normalize', 'corpus/004_d5da8b897465ed99.txt']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('总工会2023年度工作总结报告');
    expect(r.stdout).not.toMatch(/\((?:jié|xué|xí)\)/);
    const changes = await zongjieInProcess(['normalize', '--changes', 'corpus/004_d5da8b897465ed99.txt']);
    expect(changes.stdout).toMatch(/^\s+1:14\s+拼音残留 pinyin\s+"\(jié\)" 删除$/m);
    expect(changes.stdout).toMatch(/^\s+20:\d+\s+HTML 实体 entity\s+"\?rdquo;" → "”"$/m);
  });
  it('prints traditional on request (--to tw)', async () => {
    const r = await zongjieInProcess(['normalize', '--to', 'tw', 'corpus/000_87f43282fb262844.txt']);
    expect(r.stdout).toContain('電廠工會工作年度總結');
  });
  it('gives the same text for GB18030, UTF-16 and UTF-8 copies; a binary file gets one line and the rest go on', async () => {
    const dir = tempDir('zongjie-cli-');
    const text = corpusText('000');
    writeFileSync(join(dir, 'a-gb18030.txt'), iconv.encode(text, 'gb18030'));
    writeFileSync(join(dir, 'b-utf16.txt'), iconv.encode(text, 'utf16le', { addBOM: true }));
    copyFileSync(corpusPath('000'), join(dir, 'c-utf8.txt'));
    writeFileSync(join(dir, 'd-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = await zongjieInProcess(['normalize', '--format', 'json', dir]);
    expect(r.status).toBe(1);
    const files = JSON.parse(r.stdout) as { file: string; text: string }[];
    expect(files.map((f) => f.file.split('/').pop())).toEqual(['a-gb18030.txt', 'b-utf16.txt', 'c-utf8.txt']);
    expect(new Set(files.map((f) => f.text)).size).toBe(1);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/d-binary\.txt: 二进制文件/);
  });
  it('reads stdin', () => {
    const r = zongjie(['normalize', '-'], { input: '總結(jié)１２３％\r\n' });
    expect(r.stdout).toBe('总结123%\n');
  });
});

describe('zongjie segment', () => {
  it('prints words with POS tags, numbers whole', () => {
    const r = zongjie(['segment', '--pos', '-'], { input: '公司现有员工人，发展新会员26人' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('员工/n / 人/');
    expect(r.stdout).toContain('26/m');
  });
});

describe('usage errors', () => {
  it('exits 2 with a message for no input, a bad option value, or an unknown command', async () => {
    expect((await zongjieInProcess(['outline', 'no/such/dir'])).status).toBe(2);
    const bad = await zongjieInProcess(['normalize', '--to', 'xx', 'corpus/']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('zongjie: --to 只能是 cn、tw 或 hk，不能是“xx”\n');
    expect((await zongjieInProcess(['frobnicate'])).status).toBe(2);
    expect((await zongjieInProcess(['--help'])).status).toBe(0);
  });
});

// Word (.docx) input: real .docx files built here (a ZIP of WordprocessingML parts), read by every
// command; positions are paragraph number and character in the paragraph, and every output says so.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { makeDocx, oleFile, para, table } from '../helpers/docx.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx, paragraphsFromHtml, wordFileKind, DocxError, MESSAGES } from '../../src/io/docx.js';
import { loadSource } from '../../src/source/load.js';
import { collectInputs } from '../../src/io/inputs.js';
import { zongjie, zongjieInProcess } from '../helpers/cli.js';

// Paragraph numbers (1-based) of the report below.
const REPORT = [
  para('2023年度工会工作总结'), // 1
  para('一、基本情况', 'Heading1'), // 2
  para('公司现有员工人，全年发展新会员20人，慰问困难职工35人次。'), // 3: blank count at 人, column 7
  para('(一)思想引领', '2'), // 4
  para('计划于20xx年组织开展开展学习活动12次。'), // 5: placeholder at column 4, doubled word at 11
  table(['项目', '慰问金35.705万元']), // 6, 7
  para(''), // 8: an empty paragraph still counts
  para('二、存在问题', 'Heading1'), // 9
  para('一些工作与职工的期待还有差距，下一步将继续加强。'), // 10
].join('');

let dir: string;
let reportPath: string;
let reportBytes: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zongjie-docx-'));
  reportBytes = await makeDocx(REPORT);
  reportPath = join(dir, '2023年度总结.docx');
  await writeFile(reportPath, reportBytes);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readDocx', () => {
  it('gives the paragraphs in order, table cells and empty paragraphs included, with Word headings', async () => {
    const { paragraphs } = await readDocx(reportBytes);
    expect(paragraphs).toEqual([
      { text: '2023年度工会工作总结' },
      { text: '一、基本情况', heading: 1 },
      { text: '公司现有员工人，全年发展新会员20人，慰问困难职工35人次。' },
      { text: '(一)思想引领', heading: 2 },
      { text: '计划于20xx年组织开展开展学习活动12次。' },
      { text: '项目' },
      { text: '慰问金35.705万元' },
      { text: '' },
      { text: '二、存在问题', heading: 1 },
      { text: '一些工作与职工的期待还有差距，下一步将继续加强。' },
    ]);
  });

  it('keeps a line break inside a paragraph on its line, unescapes entities and drops images', async () => {
    const body = `<w:p><w:r><w:t>单位：xx</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">A&amp;B &lt;工会&gt; “2023”</w:t></w:r></w:p>${para('第二段')}`;
    const { paragraphs } = await readDocx(await makeDocx(body));
    expect(paragraphs).toEqual([{ text: '单位：xx A&B <工会> “2023”' }, { text: '第二段' }]);
  });

  it('walks mammoth HTML: list items before their nested lists, cells holding paragraphs, footnote links dropped', () => {
    const html = '<h3>标题</h3><ul><li>一项<ul><li>子项</li></ul></li><li></li></ul>'
      + '<table><tr><td><p>甲</p><p>乙</p></td><td></td></tr></table>'
      + '<p>正文<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup><img src="" />&#x4E2D;&#25991;</p>'
      + '<ol><li id="footnote-1"><p>注释 <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(paragraphsFromHtml(html)).toEqual([
      { text: '标题', heading: 3 },
      { text: '一项' },
      { text: '子项' },
      { text: '' },
      { text: '甲' },
      { text: '乙' },
      { text: '' },
      { text: '正文中文' },
      { text: '注释 ' },
    ]);
  });

  it('tells what is wrong with a file that is not a readable .docx', async () => {
    const reason = async (bytes: Uint8Array, name?: string) => {
      try {
        await readDocx(bytes, name ? { name } : {});
      } catch (error) {
        expect(error).toBeInstanceOf(DocxError);
        return (error as Error).message;
      }
      throw new Error('expected a DocxError');
    };
    expect(await reason(reportBytes.subarray(0, reportBytes.length - 200))).toMatch(/^damaged Word document/);
    const notWord = new JSZip();
    notWord.file('xl/workbook.xml', '<workbook/>');
    expect(await reason(await notWord.generateAsync({ type: 'nodebuffer' }))).toBe(MESSAGES.notWord);
    expect(await reason(oleFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage'))).toBe(MESSAGES.encrypted);
    expect(await reason(oleFile('Root Entry', 'WordDocument', '1Table'), 'old.doc')).toBe(MESSAGES.legacy);
    expect(await reason(oleFile('Root Entry', 'Workbook'))).toBe(MESSAGES.ole);
    expect(await reason(new Uint8Array(0))).toBe(MESSAGES.empty);
    expect(await reason(Buffer.from('plain text'))).toMatch(/^damaged Word document \(not a ZIP archive\)/);
  });

  it('knows a Word file by its name or, without one, by its content', () => {
    const text = Buffer.from('工作总结');
    expect(wordFileKind('a.docx', text)).toBe('docx');
    expect(wordFileKind('a.doc', text)).toBe('doc');
    expect(wordFileKind('a.doc', reportBytes)).toBe('docx');
    expect(wordFileKind('a.txt', text)).toBeNull();
    expect(wordFileKind('<stdin>', reportBytes)).toBe('docx');
    expect(wordFileKind('a.bin', oleFile('EncryptedPackage'))).toBe('doc');
    expect(wordFileKind('a.bin', oleFile('Workbook'))).toBeNull();
  });
});

describe('a .docx as a document', () => {
  it('has one line per paragraph and its Word headings as sections', async () => {
    const doc = await loadSource(reportPath);
    expect(doc.file.positions).toBe('paragraph');
    expect(doc.lines.lineCount).toBe(10);
    expect(doc.lines.lineText(5)).toBe('计划于20xx年组织开展开展学习活动12次。');
    expect(doc.title).toBe('2023年度工会工作总结');
    expect(doc.sections.map((s) => [s.title, s.kind, s.level])).toEqual([
      ['一、基本情况', 'h1', 1],
      ['(一)思想引领', 'h2', 2],
      ['二、存在问题', 'h1', 1],
    ]);
  });

  it('is found when walking a directory, but a legacy .doc and a Word lock file are not', async () => {
    const walk = join(dir, 'walk');
    await mkdir(walk);
    await writeFile(join(walk, 'a.docx'), reportBytes);
    await writeFile(join(walk, 'b.doc'), oleFile('WordDocument'));
    await writeFile(join(walk, '~$a.docx'), Buffer.alloc(162));
    await writeFile(join(walk, 'c.txt'), '工作总结');
    const { files } = await collectInputs([walk]);
    expect(files.map((f) => f.split(/[\\/]/).pop())).toEqual(['a.docx', 'c.txt']);
  });
});

describe('zongjie with .docx input', () => {
  it('check --format json: positions are paragraph and character, and the file says so', () => {
    const run = zongjie(['check', '--format', 'json', reportPath]);
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout);
    expect(result.positions).toBe('paragraph');
    const placeholder = result.messages.find((m: { ruleId: string }) => m.ruleId === 'placeholder');
    expect(placeholder).toMatchObject({ line: 5, column: 4, endLine: 5, endColumn: 8, source: '20xx' });
    const blank = result.messages.find((m: { ruleId: string }) => m.ruleId === 'blank-count');
    expect(blank).toMatchObject({ line: 3, column: 7, source: '人' });
    expect(result.messages.find((m: { ruleId: string }) => m.ruleId === 'doubled-word')).toMatchObject({ line: 5, column: 11 });
  });

  it('check in the other formats states paragraph positions', async () => {
    const stylish = await zongjieInProcess(['check', reportPath]);
    expect(stylish.stdout).toContain('（行号为段落序号）');
    expect(stylish.stdout).toMatch(/5:4\s+错误\s+占位符/);
    const sarif = JSON.parse((await zongjieInProcess(['check', '--format', 'sarif', reportPath])).stdout);
    const location = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'placeholder').locations[0];
    expect(location.properties).toEqual({ positions: 'paragraph' });
    expect(location.physicalLocation.region).toEqual({ startLine: 5, startColumn: 4, endLine: 5, endColumn: 8 });
    const github = (await zongjieInProcess(['check', '--format', 'github', reportPath])).stdout;
    expect(github).toMatch(/^::error file=.*2023年度总结\.docx,line=5,col=4,endLine=5,endColumn=8,title=zongjie\(placeholder\)::/m);
  });

  it('outline shows the Word headings as sections, by paragraph number', async () => {
    const text = await zongjieInProcess(['outline', reportPath]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('(行号为段落序号)');
    expect(text.stdout).toMatch(/ 2 {2}一、基本情况\n +4 {4}\(一\)思想引领\n +9 {2}二、存在问题/);
    const [json] = JSON.parse((await zongjieInProcess(['outline', '--format', 'json', reportPath])).stdout);
    expect(json.positions).toBe('paragraph');
    expect(json.sections.map((s: { title: string; line: number }) => [s.title, s.line])).toEqual([
      ['一、基本情况', 2],
      ['二、存在问题', 9],
    ]);
    expect(json.sections[0].children.map((s: { title: string }) => s.title)).toEqual(['(一)思想引领']);
  });

  it('extract reads it, in json and ndjson, with paragraph positions', async () => {
    const run = await zongjieInProcess(['extract', '--format', 'json', reportPath]);
    expect(run.status).toBe(0);
    const [result] = JSON.parse(run.stdout);
    expect(result.positions).toBe('paragraph');
    expect(result.year).toBe(2023);
    expect(result.placeholders).toEqual([expect.objectContaining({ text: '20xx', line: 5, column: 4 })]);
    expect(result.figures).toContainEqual(expect.objectContaining({ value: 20, unit: '人', line: 3 }));
    expect(result.figures).toContainEqual(expect.objectContaining({ value: 357050, unit: '元', line: 7, column: 4 }));
    const ndjson = (await zongjieInProcess(['extract', '--format', 'ndjson', reportPath])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(ndjson[0].positions).toBe('paragraph');
  });

  it('stats reads it and its rows say positions are paragraphs', async () => {
    const run = await zongjieInProcess(['stats', '--workers', '1', '--format', 'json', reportPath]);
    expect(run.status).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(stats.files).toBe(1);
    expect(stats.rows.length).toBeGreaterThan(0);
    for (const row of stats.rows) expect(row.positions).toBe('paragraph');
    expect(stats.rows).toContainEqual(expect.objectContaining({ value: 20, line: 3 }));
    const [line] = (await zongjieInProcess(['stats', '--workers', '1', '--format', 'ndjson', reportPath])).stdout.trim().split('\n');
    expect(JSON.parse(line!).positions).toBe('paragraph');
  });

  it('gives a broken, foreign, encrypted or legacy file one line each and processes the others', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad);
    const notWord = new JSZip();
    notWord.file('xl/workbook.xml', '<workbook/>');
    const files: [string, Buffer][] = [
      ['1-truncated.docx', reportBytes.subarray(0, Math.floor(reportBytes.length / 2))],
      ['2-workbook.docx', await notWord.generateAsync({ type: 'nodebuffer' })],
      ['3-locked.docx', oleFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage')],
      ['4-old.doc', oleFile('Root Entry', 'WordDocument', '1Table')],
      ['5-good.docx', reportBytes],
    ];
    for (const [name, bytes] of files) await writeFile(join(bad, name), bytes);
    const paths = files.map(([name]) => join(bad, name));
    const expected = [
      /1-truncated\.docx: damaged Word document \(/,
      /2-workbook\.docx: not a Word document/,
      /3-locked\.docx: password-protected Word document: remove the password and save again/,
      /4-old\.doc: legacy Word 97–2003 document \(\.doc\): open it in Word or WPS and save it as \.docx/,
    ];
    // On stderr the CLI says them in Chinese (src/text/errors.ts); JSON keeps the library's words.
    const said = [
      /1-truncated\.docx: Word 文档已损坏 \(/,
      /2-workbook\.docx: 不是 Word 文档（ZIP 压缩包中没有 word\/document\.xml）/,
      /3-locked\.docx: 有密码保护的 Word 文档：请去掉密码后重新保存/,
      /4-old\.doc: 旧版 Word 97–2003 文档（\.doc）：请用 Word 或 WPS 打开，另存为 \.docx/,
    ];
    for (const command of [['check', '--format', 'json'], ['extract'], ['outline', '--format', 'json']]) {
      const run = await zongjieInProcess([...command, ...paths]);
      expect(run.status, command.join(' ')).toBe(1);
      const lines = run.stderr.trim().split('\n');
      if (command[0] !== 'check') {
        expect(lines).toHaveLength(4);
        for (const [i, pattern] of said.entries()) expect(lines[i]).toMatch(pattern);
      }
      const out = JSON.parse(run.stdout) as { file: string; messages?: { fatal?: boolean; message: string }[] }[];
      const good = out.find((o) => o.file.endsWith('5-good.docx'));
      expect(good, command.join(' ')).toBeDefined();
      if (command[0] === 'check') {
        for (const pattern of expected) expect(out.some((o) => o.messages?.some((m) => m.fatal && pattern.test(`${o.file}: ${m.message}`)))).toBe(true);
      }
    }
    const stats = await zongjieInProcess(['stats', '--workers', '1', '--format', 'json', ...paths]);
    expect(stats.status).toBe(1);
    const result = JSON.parse(stats.stdout);
    expect(result.files).toBe(5);
    expect(result.failed).toHaveLength(4);
    expect(result.rows.some((r: { file: string }) => r.file.endsWith('5-good.docx'))).toBe(true);
  });

  it('--fix leaves a .docx byte-identical and says it cannot fix it in place', async () => {
    const path = join(dir, 'fix.docx');
    await writeFile(path, reportBytes);
    const other = join(dir, 'fix.txt');
    await writeFile(other, '今年组织开展开展学习活动。\n');
    const run = await zongjieInProcess(['check', '--fix', path, other]);
    expect(run.stderr).toContain('fix.docx：.docx 文件无法就地修复（1 个可修复的问题未修复');
    expect(Buffer.compare(await readFile(path), reportBytes)).toBe(0);
    expect(await readFile(other, 'utf8')).toBe('今年组织开展学习活动。\n');
    const dry = await zongjieInProcess(['check', '--fix-dry-run', path]);
    expect(dry.stderr).toContain('.docx 文件无法就地修复');
    expect(dry.stdout).not.toContain('+++');
    expect(Buffer.compare(await readFile(path), reportBytes)).toBe(0);
  });
});

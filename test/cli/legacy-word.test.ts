// Old Word (.doc) and WPS (.wps) files cannot be read. A folder of only them is not a silent pass:
// check, extract and stats say which files and how to convert them (LibreOffice's soffice) and exit
// 2; a folder with other reports too is read as before, with a note of what was passed over.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zongjieInProcess } from '../helpers/cli.js';
import { oleFile } from '../helpers/docx.js';
import { tempDir } from '../helpers/temp.js';

/** A folder `old/` of Word 97–2003 and WPS documents (their OLE container with a WordDocument stream). */
function oldFolder(extra: Record<string, string> = {}): string {
  const dir = tempDir('zongjie-old-');
  mkdirSync(join(dir, 'old'));
  writeFileSync(join(dir, 'old', '2019年总结.doc'), oleFile('Root Entry', 'WordDocument', '1Table'));
  writeFileSync(join(dir, 'old', '2020年总结.wps'), oleFile('Root Entry', 'WordDocument', '1Table'));
  writeFileSync(join(dir, 'old', '~$2019年总结.doc'), Buffer.alloc(162)); // Word's lock file: not a document
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, 'old', name), text);
  return dir;
}

describe('a folder of old Word/WPS files', () => {
  it('check, extract and stats: exit 2, naming the files and the conversion', async () => {
    const dir = oldFolder();
    for (const command of [['check'], ['extract'], ['stats', '--workers', '1']]) {
      const r = await zongjieInProcess([...command, 'old'], { cwd: dir });
      expect(r.status, command[0]).toBe(2);
      expect(r.stdout, command[0]).toBe('');
      expect(r.stderr, command[0]).toBe(
        'zongjie: 没有读到任何报告：old/2019年总结.doc, old/2020年总结.wps 是旧版 Word/WPS 文件（.doc、.wps），zongjie 读不了。'
          + '请在 Word 或 WPS 中另存为 .docx，或用 LibreOffice 转换：soffice --headless --convert-to docx --outdir old old/*.doc old/*.wps\n',
      );
    }
  });

  it('in English, and for files named one by one (each refused with its own message)', async () => {
    const dir = oldFolder();
    const r = await zongjieInProcess(['check', '--lang', 'en', 'old/2019年总结.doc', 'old/2020年总结.wps'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('old/2019年总结.doc: legacy Word 97–2003 document (.doc): open it in Word or WPS and save it as .docx, or convert it with LibreOffice (soffice --headless --convert-to docx --outdir <its folder> <file>)');
    expect(r.stdout).toContain('old/2020年总结.wps: WPS Writer document (.wps): open it in WPS and save it as .docx');
    expect(r.stderr).toBe(
      'zongjie: no report could be read: old/2019年总结.doc, old/2020年总结.wps are old Word/WPS files (.doc, .wps), which zongjie cannot read. '
        + 'Save them as .docx in Word or WPS, or convert them with LibreOffice: soffice --headless --convert-to docx --outdir old old/*.doc old/*.wps\n',
    );
  });

  it('beside other reports: they are checked as before, and the old files are named on stderr', async () => {
    const dir = oldFolder({ '2021年总结.txt': '2021年工作总结\n全年发展新会员xx人。\n' });
    const r = await zongjieInProcess(['check', '--format', 'json', 'old'], { cwd: dir });
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file)).toEqual(['old/2021年总结.txt']);
    expect(r.stderr).toBe('zongjie: 未读取 2 个旧版 Word/WPS 文件（.doc、.wps），zongjie 读不了：old/2019年总结.doc, old/2020年总结.wps。'
      + '转换为 .docx 后才能检查：soffice --headless --convert-to docx --outdir old old/*.doc old/*.wps\n');
    const extract = await zongjieInProcess(['extract', '--only', 'placeholders', 'old'], { cwd: dir });
    expect(extract.status).toBe(0);
    expect(extract.stderr).toContain('未读取 2 个旧版 Word/WPS 文件');
  });

  it('one old file in a folder with a space in its name: the command quotes it', async () => {
    const dir = tempDir('zongjie-old-');
    mkdirSync(join(dir, '旧 报告'));
    writeFileSync(join(dir, '旧 报告', 'a.doc'), oleFile('WordDocument'));
    const r = await zongjieInProcess(['check', '--lang', 'en', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/convert them with LibreOffice: soffice --headless --convert-to docx --outdir '旧 报告' '旧 报告\/a\.doc'\n$/);
  });
});

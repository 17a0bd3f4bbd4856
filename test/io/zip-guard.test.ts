// ZIP bombs in .docx form (issue 23, item 2): refused before anything is inflated for the Word reader,
// by the sizes the archive declares and, when it lies, by inflating with a bounded output; a normal
// document still reads; the CLI says so in one line and goes on with the other files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readDocx } from '../../src/io/docx.js';
import { assertZipWithinLimits, DOCX_LIMITS, zipEntries, ZipRefusal } from '../../src/io/zip-guard.js';
import { zongjieInProcess } from '../helpers/cli.js';
import { bombDocx, lieAboutSize, makeDocx, para } from '../helpers/docx.js';
import { tempDir } from '../helpers/temp.js';

/** A document.xml of real text (it packs about 10 times smaller), `bytes` long. */
async function textDocx(bytes: number): Promise<Buffer> {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = para(`全年发展新会员${i}人，开展劳动竞赛${i % 17}次，慰问困难职工${(i * 7919) % 1000}户。`);
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return makeDocx(parts.join(''));
}

describe('the ZIP guard of .docx input', () => {
  it('reads the central directory: names, methods and sizes of every part', async () => {
    const docx = await makeDocx(para('2023年度工作总结'));
    const names = zipEntries(docx).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']));
    const document = zipEntries(docx).find((e) => e.name === 'word/document.xml')!;
    expect(document.method).toBe(8);
    expect(document.uncompressedSize).toBeGreaterThan(document.compressedSize);
    expect(() => assertZipWithinLimits(docx)).not.toThrow();
  });

  it('refuses a part that unpacks beyond the limit, by what the archive says, before inflating it', async () => {
    const bomb = await bombDocx(DOCX_LIMITS.maxPartBytes + 1024);
    expect(bomb.length).toBeLessThan(200 * 1024); // a ZIP bomb: small packed, large unpacked
    expect(() => assertZipWithinLimits(bomb)).toThrow(ZipRefusal);
    expect(() => assertZipWithinLimits(bomb)).toThrow(/too large when unpacked \(word\/document\.xml: 16\.0 MB; the limit is 16\.0 MB\)/);
    await expect(readDocx(bomb, { name: 'bomb.docx' })).rejects.toThrow(/^Word document too large when unpacked/);
  });

  it('refuses a part that unpacks more than 100 times its packed size (over 1 MB)', async () => {
    const bomb = await bombDocx(2 * 1024 * 1024);
    expect(() => assertZipWithinLimits(bomb)).toThrow(/word\/document\.xml unpacks \d+ times its packed size \(a ZIP bomb\?; the limit is 100 times\)/);
    // The same size of real text packs about 10 times: accepted, and read.
    const text = await textDocx(2 * 1024 * 1024);
    expect(() => assertZipWithinLimits(text)).not.toThrow();
    const read = await readDocx(text, { name: 'big.docx' });
    expect(read.paragraphs[0]!.text).toBe('全年发展新会员0人，开展劳动竞赛0次，慰问困难职工0户。');
  });

  it('refuses a part whose archive lies about its size: inflated with its output bounded to what was declared', async () => {
    const text = await textDocx(512 * 1024);
    const liar = lieAboutSize(text, 'word/document.xml', 1000);
    expect(zipEntries(liar).find((e) => e.name === 'word/document.xml')!.uncompressedSize).toBe(1000);
    expect(() => assertZipWithinLimits(liar)).toThrow(/word\/document\.xml unpacks to more than its declared 0\.0 MB \(a ZIP bomb\?\)/);
    await expect(readDocx(liar, { name: 'liar.docx' })).rejects.toThrow(/a ZIP bomb/);
  });

  it('refuses a damaged directory with a message, not a crash', async () => {
    const docx = await makeDocx(para('一、主要工作'));
    const cut = docx.subarray(0, docx.length - 10);
    expect(() => assertZipWithinLimits(cut)).toThrow(ZipRefusal);
    const zip = new JSZip();
    zip.file('word/document.xml', 'x'.repeat(100));
    const stored = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    expect(() => assertZipWithinLimits(stored)).not.toThrow();
  });

  it('through the CLI: one line naming the file, exit 1, and the other files still read', async () => {
    const dir = tempDir('zongjie-zipbomb-');
    writeFileSync(join(dir, 'bomb.docx'), await bombDocx(DOCX_LIMITS.maxPartBytes + 1024));
    writeFileSync(join(dir, 'good.txt'), '公司现有员工人，发展新会员20人。\n');
    const line = 'bomb.docx: Word document too large when unpacked (word/document.xml: 16.0 MB; the limit is 16.0 MB)';
    const extract = await zongjieInProcess(['extract', '--format', 'ndjson', 'bomb.docx', 'good.txt'], { cwd: dir });
    expect(extract.status).toBe(1);
    expect(extract.stderr.trim().split('\n')).toEqual([`zongjie: ${line}`]);
    expect(JSON.parse(extract.stdout).blanks[0].context).toBe('公司现有员工人');
    const check = await zongjieInProcess(['check', 'bomb.docx', 'good.txt'], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`\n${line}\n`);
    expect(check.stdout).toContain('blank-count');
  });
});

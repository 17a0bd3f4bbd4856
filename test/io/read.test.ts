// readSource on real files: encodings, line ends, sizes, and error messages that name the file.
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_INPUT_BYTES, MAX_INPUT_MB, ReadError, detectLineEnding, readSource } from '../../src/io/read.js';

const corpusDir = join(import.meta.dirname, '../../corpus');
const corpusName = (prefix: string) => readdirSync(corpusDir).find((f) => f.startsWith(prefix))!;
const simplified = readFileSync(join(corpusDir, corpusName('000')), 'utf8');
const traditional = readFileSync(join(corpusDir, corpusName('004')), 'utf8');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zongjie-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readError(path: string, options?: { encoding?: string }): Promise<ReadError> {
  try {
    await readSource(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    return error as ReadError;
  }
  throw new Error(`expected ${path} to fail`);
}

describe('readSource', () => {
  it('reads a GB18030 file with CRLF line ends as the original text', async () => {
    const text = simplified.replace(/\n/g, '\r\n');
    const bytes = iconv.encode(text, 'gb18030');
    const path = join(dir, 'gb.txt');
    await writeFile(path, bytes);
    const source = await readSource(path);
    expect(source.text === text).toBe(true);
    expect(source).toMatchObject({ path, encoding: 'gb18030', bom: false, lineEnding: 'crlf', bytes: bytes.length });
  });

  it('reads a Big5 file with CR line ends', async () => {
    const text = traditional.replace(/\n/g, '\r');
    const path = join(dir, 'big5.txt');
    await writeFile(path, iconv.encode(text, 'big5'));
    const source = await readSource(path);
    expect(source.text === text).toBe(true);
    expect(source.encoding).toBe('big5');
    expect(source.lineEnding).toBe('cr');
  });

  it('reads UTF-16LE with a BOM and reports the BOM', async () => {
    const path = join(dir, 'utf16.md');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(traditional, 'utf16le')]);
    await writeFile(path, bytes);
    const source = await readSource(path);
    expect(source.text === traditional).toBe(true);
    expect(source).toMatchObject({ encoding: 'utf-16le', bom: true, lineEnding: 'lf', bytes: traditional.length * 2 + 2 });
  });

  it('uses a named encoding', async () => {
    const path = join(dir, 'named.txt');
    await writeFile(path, iconv.encode('工作总结', 'gbk'));
    expect((await readSource(path, { encoding: 'GBK' })).text).toBe('工作总结');
    expect((await readError(path, { encoding: 'ebcdic' })).message).toMatch(new RegExp(`^${escapeText(path)}: unknown encoding "ebcdic"`));
  });

  it('reads an empty file', async () => {
    const path = join(dir, 'empty.txt');
    await writeFile(path, '');
    expect(await readSource(path)).toEqual({ path, text: '', encoding: 'utf-8', bom: false, lineEnding: 'none', bytes: 0 });
  });

  it('names the file and the problem: binary', async () => {
    const png = join(dir, 'chart.txt');
    await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect((await readError(png)).message).toBe(`${png}: binary file (PNG image)`);
    const nul = join(dir, 'nul.txt');
    await writeFile(nul, Buffer.from('一、概况\n\0\0\0\x01\x02', 'utf8'));
    const error = await readError(nul);
    expect(error.message).toBe(`${nul}: binary file (NUL bytes)`);
    expect(error.path).toBe(nul);
    expect(error.reason).toBe('binary file (NUL bytes)');
  });

  it('names the file and the problem: missing, a directory', async () => {
    const missing = join(dir, 'missing.txt');
    expect((await readError(missing)).message).toBe(`${missing}: no such file or directory`);
    const sub = join(dir, 'a-directory.txt');
    await mkdir(sub);
    expect((await readError(sub)).message).toBe(`${sub}: is a directory`);
    // A file used as a directory is, to the user, a missing file.
    expect((await readError(join(dir, 'empty.txt', 'x.txt'))).message).toMatch(/: no such file or directory$/);
  });

  it('names the file and the problem: too large', async () => {
    const big = join(dir, 'big.txt');
    await writeFile(big, '');
    // A sparse file: the size is what is checked, and nothing is read.
    await truncate(big, MAX_INPUT_BYTES + 1024 * 1024);
    expect(MAX_INPUT_MB).toBe(200);
    expect((await readError(big)).message).toBe(`${big}: file too large (201.0 MB; the limit is 200 MB)`);
  });

  it.skipIf(process.getuid?.() === 0)('names the file and the problem: permission denied', async () => {
    const locked = join(dir, 'locked.txt');
    await writeFile(locked, '总结');
    await chmod(locked, 0o000);
    try {
      expect((await readError(locked)).message).toBe(`${locked}: permission denied`);
    } finally {
      await chmod(locked, 0o644);
    }
  });

  it('reads "-" from stdin', async () => {
    const text = '二、工作计划\r\n发展新会员20人。';
    const fake = Readable.from([iconv.encode(text.slice(0, 5), 'gb18030'), iconv.encode(text.slice(5), 'gb18030')]);
    const spy = vi.spyOn(process, 'stdin', 'get').mockReturnValue(fake as unknown as typeof process.stdin);
    try {
      const source = await readSource('-');
      expect(source).toMatchObject({ path: '-', text, encoding: 'gb18030', lineEnding: 'crlf' });
      expect(source.bytes).toBe(iconv.encode(text, 'gb18030').length);
    } finally {
      spy.mockRestore();
    }
  });

  it.skipIf(process.platform === 'win32')('reads a named pipe without blocking this thread while the pipe waits for a writer', async () => {
    // Regular files are read synchronously; anything else must still go through the thread pool.
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const reading = readSource(fifo);
    await new Promise((resolve) => setTimeout(resolve, 20)); // a timer still fires
    await writeFile(fifo, '二、工作计划\n发展新会员20人。');
    expect(await reading).toMatchObject({ path: fifo, text: '二、工作计划\n发展新会员20人。', encoding: 'utf-8' });
  });

  it('reads a regular file through a symbolic link', async () => {
    const target = join(dir, 'target.txt');
    await writeFile(target, '三、下一步打算\r\n');
    const link = join(dir, 'link.txt');
    await symlink(target, link);
    expect(await readSource(link)).toMatchObject({ path: link, text: '三、下一步打算\r\n', lineEnding: 'crlf', bytes: 23 });
  });

  it('leaves the file untouched', async () => {
    const path = join(dir, 'gb.txt');
    const before = await readFile(path);
    await readSource(path);
    expect((await readFile(path)).equals(before)).toBe(true);
  });
});

describe('detectLineEnding', () => {
  it.each([
    ['a\nb\n', 'lf'],
    ['a\r\nb\r\n', 'crlf'],
    ['a\rb\r', 'cr'],
    ['a\r\nb\nc', 'mixed'],
    ['a\rb\r\n', 'mixed'],
    ['一行', 'none'],
    ['', 'none'],
  ] as const)('%j → %s', (text, expected) => {
    expect(detectLineEnding(text)).toBe(expected);
  });
});

function escapeText(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

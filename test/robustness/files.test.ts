// Broken, odd and hostile files through the CLI: every kind in one run with good files, each bad
// one gets its one-line message naming it, the good ones are still processed (in every encoding,
// at the right line and column), and the exit status is DESIGN.md's: 1 when a file failed, 2 when
// there is nothing to read at all.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zongjieBatch } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';
import { tally } from './tally.js';

const count = tally('files');

// As root every file is readable: the CLI runs as nobody then, so that mode 000 means something.
const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function zongjie(args: string[], cwd: string, input?: Buffer | string, timeout = 120_000): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'zongjie.js'), ...args], {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout,
    env: { ...process.env, NO_COLOR: '1', ZONGJIE_LANG: '' },
    ...asNobody,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The runs over the prepared directory: made once, before the tests, one after another in one
 * process as nobody (zongjieBatch: one node start-up and nodejieba load for all of them, instead of
 * one each); the tests read their results with ran(). The runs about stdin, and the 100 MB one, are
 * spawned on their own.
 */
const PREPARED: string[][] = [
  ['extract', '--format', 'json', '.', 'missing.txt'],
  ...[['normalize'], ['normalize', '--changes'], ['outline'], ['segment'], ['extract', '--format', 'csv'], ['extract', '--format', 'ndjson']].map((command) => [...command, '.', 'missing.txt']),
  ['check', '.', 'missing.txt'],
  ['check', '--format', 'json', '.', 'missing.txt'],
  ['stats', '--workers', '1', '--format', 'json', '.'],
  ['extract', 'utf8.txt', 'missing.txt', 'gb18030.txt'],
  ...['extract', 'normalize', 'outline', 'segment', 'check'].map((command) => [command, 'missing.txt', 'nope/', 'no-*.md']),
  ...['extract', 'normalize', 'check'].map((command) => [command, 'binary.txt', 'unreadable.txt']),
];
const prepared = new Map<string, Run>();
function ran(args: string[]): Run {
  const run = prepared.get(JSON.stringify(args));
  if (!run) throw new Error(`not among the prepared runs: ${args.join(' ')}`);
  return run;
}

/** The same report in every encoding: decoded, all copies are this text, so positions agree. */
const REPORT = '2023年度工會工作總結\n全年發展新會員20人，慰問困難職工xx人次。\n';
const FIGURE_OFFSET = REPORT.indexOf('20人');

let dir: string;
const good: Record<string, Buffer> = {};
const bad: Record<string, RegExp> = {};

function put(name: string, bytes: Buffer | string): void {
  writeFileSync(join(dir, name), bytes);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zongjie-files-'));
  chmodSync(dir, 0o755);
  const utf16le = Buffer.from(REPORT, 'utf16le');
  const utf16be = iconv.encode(REPORT, 'utf-16be');
  Object.assign(good, {
    'utf8.txt': Buffer.from(REPORT),
    'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT)]),
    'gb18030.txt': iconv.encode(REPORT, 'gb18030'),
    'big5.txt': iconv.encode(REPORT, 'big5'),
    'utf16le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]),
    'utf16le.txt': utf16le,
    'utf16be-bom.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
    'utf16be.txt': utf16be,
    'gb18030-crlf.txt': iconv.encode(REPORT.replace(/\n/g, '\r\n'), 'gb18030'),
    'mixed-eol.txt': Buffer.from('2023年度工會工作總結\r\n說明\r全年發展新會員20人，慰問困難職工xx人次。\n'),
    'report.md': Buffer.from(`# 2023年度工會工作總結\n\n> 全年發展新會員20人，慰問困難職工xx人次。\n`),
    'empty.txt': Buffer.alloc(0),
    'only-bom.txt': Buffer.from([0xef, 0xbb, 0xbf]),
    'blank-lines.txt': Buffer.from('\n\r\n  \n\t\n'),
  });
  for (const [name, bytes] of Object.entries(good)) put(name, bytes);
  // Random bytes from a fixed seed, so a failure can be reproduced.
  let seed = 42;
  const random = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16 & 0xff));
  put('binary.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random]));
  put('random.txt', random);
  put('nul.txt', Buffer.from('全年發展新會員20人\0慰問困難職工\n'));
  put('unreadable.txt', Buffer.from(REPORT));
  chmodSync(join(dir, 'unreadable.txt'), 0o000);
  put('broken.docx', Buffer.from('PK\x03\x04 not really a zip'));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  mkdirSync(join(dir, 'loop'));
  symlinkSync('.', join(dir, 'loop', 'self'));
  symlinkSync('..', join(dir, 'loop', 'up'));
  writeFileSync(join(dir, 'loop', 'inner.txt'), REPORT);
  mkdirSync(join(dir, 'folder.txt')); // a directory named like a report: walked, holds nothing
  Object.assign(bad, {
    // Said in Chinese, as the CLI says the library's errors (src/text/errors.ts).
    'binary.txt': /^binary\.txt: 二进制文件（PNG image），不是文本$/,
    'random.txt': /^random\.txt: (二进制文件|不是有效的 UTF-8)/,
    'nul.txt': /^nul\.txt: 二进制文件（含 NUL 字节），不是文本$/,
    'unreadable.txt': /^unreadable\.txt: 没有权限读取$/,
    'broken.docx': /^broken\.docx: Word 文档已损坏/,
    'dangling.txt': /^dangling\.txt: 文件或目录不存在（符号链接已失效）$/,
    'missing.txt': /^missing\.txt: 文件或目录不存在$/,
  });
  const runs = zongjieBatch(PREPARED.map((args) => ({ args, cwd: dir })), { ...asNobody, timeout: 300_000 });
  for (const [i, args] of PREPARED.entries()) prepared.set(JSON.stringify(args), runs[i]!);
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Per-file messages: exactly one line for each bad file, nothing else. */
function expectFailures(lines: string[], prefix = 'zongjie: '): void {
  const failures = lines.filter((l) => l.trim() !== '').map((l) => (l.startsWith(prefix) ? l.slice(prefix.length) : l));
  for (const [name, message] of Object.entries(bad)) {
    const matching = failures.filter((l) => l.startsWith(`${name}:`));
    expect(matching, `${name} in ${JSON.stringify(failures)}`).toHaveLength(1);
    expect(matching[0]).toMatch(message);
    count(`per-file message: ${name.replace(/\..*$/, '')}`);
  }
  expect(failures.filter((l) => !Object.keys(bad).some((name) => l.startsWith(`${name}:`))), 'no other messages').toEqual([]);
}

const goodNames = () => [...Object.keys(good), 'loop/inner.txt'].sort();

describe('every kind of file in one run, through every command', () => {
  it('extract: the bad ones each get a message, the good ones are read right in every encoding; exit 1', () => {
    const r = ran(['extract', '--format', 'json', '.', 'missing.txt']);
    expect(r.status, r.stderr).toBe(1);
    expectFailures(r.stderr.split('\n'));
    const out = JSON.parse(r.stdout) as { file: string; figures: { text: string; value: number; line: number; column: number; offset: number }[]; placeholders: { text: string }[] }[];
    expect(out.map((o) => o.file).sort()).toEqual(goodNames());
    for (const o of out) {
      if (/empty|only-bom|blank-lines/.test(o.file)) {
        expect(o.figures).toEqual([]);
        continue;
      }
      const figure = o.figures.find((f) => f.text === '20人');
      expect(figure, o.file).toMatchObject({ value: 20 });
      expect(o.placeholders.map((p) => p.text)).toEqual(['xx']);
      if (o.file === 'mixed-eol.txt') expect([figure!.line, figure!.column]).toEqual([3, 8]);
      else if (o.file !== 'report.md') {
        // The same decoded text in every encoding and line ending: the same line and column.
        expect([figure!.line, figure!.column], o.file).toEqual([2, 8]);
        if (!o.file.includes('crlf')) expect(figure!.offset, o.file).toBe(FIGURE_OFFSET);
      }
      count('good file read right');
    }
  });

  for (const command of [['normalize'], ['normalize', '--changes'], ['outline'], ['segment'], ['extract', '--format', 'csv'], ['extract', '--format', 'ndjson']]) {
    it(`${command.join(' ')}: one message per bad file, the others processed, exit 1`, () => {
      const r = ran([...command, '.', 'missing.txt']);
      expect(r.status, r.stderr).toBe(1);
      expectFailures(r.stderr.split('\n'));
      expect(r.stderr).not.toMatch(/内部错误|internal error|\n\s+at /);
      if (command[0] === 'normalize' && command.length === 1) {
        // Every good file's text is printed: the encoded copies give the simplified report.
        for (const name of goodNames()) if (!/empty|only-bom|blank-lines/.test(name)) expect(r.stdout).toContain(`==> ${name} <==`);
        expect(r.stdout).toContain('全年发展新会员20人');
      }
      if (command[0] === 'segment') expect(r.stdout).toContain('会员');
      count('command over the mixed directory');
    });
  }

  it('check: the failures are reported with the results (stylish on stdout, fatal messages in JSON); exit 1', () => {
    const stylish = ran(['check', '.', 'missing.txt']);
    expect(stylish.status).toBe(1);
    const failureLines = stylish.stdout.split('\n').filter((l) => Object.keys(bad).some((name) => l.startsWith(`${name}:`)));
    expectFailures(failureLines);
    expect(stylish.stdout).toMatch(new RegExp(`✖ ${Object.keys(bad).length} 个文件无法检查`));
    expect(stylish.stdout).toContain('placeholder');
    const json = ran(['check', '--format', 'json', '.', 'missing.txt']);
    expect(json.status).toBe(1);
    const results = JSON.parse(json.stdout) as { file: string; messages: { fatal?: boolean; message: string; ruleId: string | null }[] }[];
    for (const name of Object.keys(bad)) {
      const result = results.find((x) => x.file === name);
      expect(result?.messages[0]?.fatal, name).toBe(true);
      // The message names the problem once, not the file twice.
      expect(result!.messages[0]!.message.startsWith(`${name}:`)).toBe(false);
    }
    for (const name of goodNames()) expect(results.find((x) => x.file === name), name).toBeDefined();
    count('command over the mixed directory', 2);
  });

  it('stats: failures listed in the output, the others counted; exit 1', () => {
    const r = ran(['stats', '--workers', '1', '--format', 'json', '.']);
    expect(r.status, r.stderr).toBe(1);
    const stats = JSON.parse(r.stdout) as { files: number; failed: { file: string }[] };
    expect(stats.failed.map((f) => f.file).sort()).toEqual(Object.keys(bad).filter((n) => n !== 'missing.txt').sort());
    count('command over the mixed directory');
  });
});

describe('exit status when little or nothing can be read', () => {
  it('a missing path among good files: its message, the others processed, exit 1', () => {
    const r = ran(['extract', 'utf8.txt', 'missing.txt', 'gb18030.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('zongjie: missing.txt: 文件或目录不存在');
    expect((JSON.parse(r.stdout) as { file: string }[]).map((o) => o.file)).toEqual(['utf8.txt', 'gb18030.txt']);
    count('exit status');
  });

  it('nothing readable at all (only missing paths or a glob matching nothing): exit 2', () => {
    for (const command of ['extract', 'normalize', 'outline', 'segment', 'check']) {
      const r = ran([command, 'missing.txt', 'nope/', 'no-*.md']);
      expect(r.status, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/missing\.txt: 文件或目录不存在/);
      expect(r.stderr).toMatch(/找不到输入文件：missing\.txt nope\/ no-\*\.md/);
      expect(r.stdout.trim()).toMatch(/^(\[\])?$/);
      count('exit status');
    }
  });

  it('only unreadable files: each named, exit 1 (the run itself could start)', () => {
    for (const command of ['extract', 'normalize', 'check']) {
      const r = ran([command, 'binary.txt', 'unreadable.txt']);
      expect(r.status, `${command}: ${r.stderr}`).toBe(1);
      expect(`${r.stderr}${r.stdout}`).toMatch(/binary\.txt: 二进制文件/);
      expect(`${r.stderr}${r.stdout}`).toMatch(/unreadable\.txt: 没有权限读取/);
      count('exit status');
    }
  });

  it('stdin: binary, empty, a NUL, UTF-16', () => {
    const binary = zongjie(['extract', '-'], dir, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2]));
    expect(binary.status).toBe(1);
    expect(binary.stderr).toMatch(/^zongjie: -: 二进制文件（PNG image），不是文本$/m);
    const empty = zongjie(['extract', '-'], dir, Buffer.alloc(0));
    expect(empty.status).toBe(0);
    expect(JSON.parse(empty.stdout)).toHaveLength(1);
    const nul = zongjie(['check', '--stdin-filename', 'draft.txt', '-'], dir, Buffer.from('全年\0发展'));
    expect(nul.status).toBe(1);
    expect(nul.stdout).toMatch(/二进制文件（含 NUL 字节）/);
    const utf16 = zongjie(['extract', '-'], dir, good['utf16le.txt']);
    expect(utf16.status).toBe(0);
    expect((JSON.parse(utf16.stdout) as { figures: { offset: number }[] }[])[0]!.figures[0]!.offset).toBe(FIGURE_OFFSET);
    count('stdin', 4);
  });
});

describe('very large files', () => {
  it('a 210 MB file gets a clear "file too large" message and the run goes on', () => {
    const big = join(dir, 'huge.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 210 * 1024 * 1024); // sparse: no 210 MB written to disk
    closeSync(fd);
    try {
      const runs = zongjieBatch(['extract', 'check'].map((command) => ({ args: [command, 'huge.txt', 'utf8.txt'], cwd: dir })), asNobody);
      for (const r of runs) {
        expect(r.status).toBe(1);
        expect(`${r.stderr}${r.stdout}`).toMatch(/huge\.txt: 文件太大（210\.0 MB，上限为 200 MB）/);
        expect(r.stdout).toContain('utf8.txt');
        count('210 MB file refused');
      }
    } finally {
      rmSync(big);
    }
  });

  it('a 100 MB text file: extract --only placeholders reads it whole', { timeout: 300_000 }, () => {
    const file = join(dir, 'archive-100mb.txt');
    const line = '全年开展职工培训三期，参加人数达到两百人次，取得良好效果。\n';
    const marked = '全年发展新会员xx人，慰问困难职工20人次。\n';
    const fd = openSync(file, 'w');
    let bytes = 0;
    let lines = 0;
    const markedLines: number[] = [];
    const block = Buffer.from(line.repeat(9_999));
    while (bytes < 100 * 1024 * 1024) {
      writeSync(fd, block);
      writeSync(fd, marked);
      bytes += block.length + Buffer.byteLength(marked);
      lines += 10_000;
      markedLines.push(lines);
    }
    closeSync(fd);
    try {
      const started = performance.now();
      const r = zongjie(['extract', '--only', 'placeholders', '--format', 'ndjson', 'archive-100mb.txt'], dir, undefined, 240_000);
      const seconds = (performance.now() - started) / 1000;
      console.log(`100 MB file (${bytes} bytes, ${lines} lines): extract --only placeholders took ${seconds.toFixed(1)} s`);
      expect(r.status, r.stderr.slice(0, 2000)).toBe(0);
      const out = JSON.parse(r.stdout) as { placeholders: { text: string; line: number; column: number }[] };
      expect(out.placeholders.map((p) => p.line)).toEqual(markedLines);
      expect(out.placeholders.every((p) => p.text === 'xx' && p.column === 8)).toBe(true);
      count('100 MB file processed');
    } finally {
      rmSync(file);
    }
  });
});

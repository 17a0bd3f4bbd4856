// Data safety: no command but --fix ever changes an input file (hashed before and after every
// command over a copy of the corpus in every encoding); --fix keeps encoding, BOM and line ends;
// and a fix killed in the middle of its write leaves the original intact.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { zongjieInProcess } from '../helpers/cli.js';
import { CORPUS, CORPUS_FILES, ROOT } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';
import { tally } from './tally.js';

const count = tally('safety');

/**
 * `zongjie args` in `cwd`, run in this process (the built CLI, as spawned): what a command does to the
 * files is not about the process. The kills below are, and spawn it.
 */
const zongjieHere = (args: string[], cwd: string, input?: string) => zongjieInProcess(args, { cwd, ...(input === undefined ? {} : { input }) });

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir` (not following links), by relative path: its hash and mode. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(dir.length + 1), `${sha(readFileSync(path))} ${statSync(path).mode.toString(8)}`);
  }
  return out;
}

const BOMS: Record<string, Buffer> = {
  'utf-8': Buffer.from([0xef, 0xbb, 0xbf]),
  'utf-16le': Buffer.from([0xff, 0xfe]),
  'utf-16be': Buffer.from([0xfe, 0xff]),
};
function encode(text: string, encoding: string, bom: boolean): Buffer {
  const body = iconv.encode(text, encoding);
  return bom ? Buffer.concat([BOMS[encoding]!, body]) : body;
}

describe('no command but --fix changes an input file', () => {
  let work: string;
  let outside: string;
  beforeAll(() => {
    work = tempDir('zongjie-safety-');
    outside = tempDir('zongjie-safety-out-');
    for (const file of CORPUS_FILES) copyFileSync(join(CORPUS, file), join(work, file));
    // The traditional report (004) in every encoding, BOM and line end the reader accepts.
    const traditional = readFileSync(join(CORPUS, CORPUS_FILES.find((f) => f.startsWith('004'))!), 'utf8');
    const variants: [string, string, string, boolean][] = [
      ['004-gb18030-crlf.txt', traditional.replace(/\n/g, '\r\n'), 'gb18030', false],
      ['004-big5-cr.txt', traditional.replace(/\n/g, '\r'), 'big5', false],
      ['004-utf16le-bom.txt', traditional, 'utf-16le', true],
      ['004-utf16be.txt', traditional, 'utf-16be', false],
      ['004-utf8-bom-mixed.txt', traditional.split('\n').map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join(''), 'utf-8', true],
    ];
    for (const [name, text, encoding, bom] of variants) {
      try {
        writeFileSync(join(work, name), encode(text, encoding, bom));
      } catch {
        // Big5 cannot encode a few characters of 004: such a variant is left out.
      }
    }
    writeFileSync(join(work, 'draft.md'), '# 2023年度工作总结\n\n全年开展开展培训3期，发放慰问金xx万元。\n\n> 总结(jié)报告&ldquo;\n');
    chmodSync(join(work, 'draft.md'), 0o640);
  });

  const commands: string[][] = [
    ['normalize', '.'], ['normalize', '--changes', '.'], ['normalize', '--format', 'json', '.'], ['normalize', '--to', 'tw', '.'],
    ['outline', '.'], ['outline', '--format', 'json', '.'],
    ['segment', '.'], ['segment', '--pos', '.'], ['segment', '--original', '.'],
    ['extract', '.'], ['extract', '--format', 'csv', '.'], ['extract', '--format', 'ndjson', '--only', 'placeholders', '.'],
    ['check', '.'], ['check', '--format', 'json', '.'], ['check', '--format', 'sarif', '.'], ['check', '--format', 'github', '.'],
    ['check', '--preset', 'union-annual', '.'], ['check', '--fix-dry-run', '.'], ['check', '--quiet', '--max-warnings', '0', '.'],
    ['check', '--cache', '--cache-location', 'CACHE', '.'], ['check', '--cache', '--cache-location', 'CACHE', '.'],
    ['stats', '--workers', '1', '--out', 'OUT', '.'], ['stats', '--workers', '2', '--format', 'md', '.'],
  ];
  it('every command, every format: all inputs byte-identical, nothing added or removed', { timeout: 300_000 }, async () => {
    const before = snapshot(work);
    expect(before.size).toBeGreaterThanOrEqual(CORPUS_FILES.length + 5);
    for (const command of commands) {
      const args = command.map((a) => (a === 'CACHE' ? join(outside, 'cache.json') : a === 'OUT' ? join(outside, 'stats') : a));
      const r = await zongjieHere(args, work);
      expect(r.status, `${command.join(' ')}: ${r.stderr}`).toBeLessThan(2);
      expect(snapshot(work), command.join(' ')).toEqual(before);
      count(`zongjie ${command.filter((a) => a !== '.' && a !== 'CACHE' && a !== 'OUT').join(' ')}`);
    }
    // --fix-dry-run from stdin, too.
    const r = await zongjieHere(['check', '--fix-dry-run', '--stdin-filename', 'draft.md', '-'], work, readFileSync(join(work, 'draft.md'), 'utf8'));
    expect(r.stdout).toContain('+全年开展培训3期');
    expect(snapshot(work)).toEqual(before);
    count('zongjie check --fix-dry-run -');
  });

  it('--fix changes only the files it fixes, and leaves the others byte-identical', async () => {
    const before = snapshot(work);
    const report = JSON.parse((await zongjieHere(['check', '--format', 'json', '.'], work)).stdout) as { file: string; fixableCount: number }[];
    const fixable = new Set(report.filter((r) => r.fixableCount > 0).map((r) => r.file));
    expect(fixable.has('draft.md')).toBe(true);
    await zongjieHere(['check', '--fix', '.'], work);
    const after = snapshot(work);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, hash] of before) {
      if (fixable.has(file)) expect(after.get(file), file).not.toBe(hash);
      else expect(after.get(file), file).toBe(hash);
      count(fixable.has(file) ? '--fix: fixed file rewritten' : '--fix: unfixable file untouched');
    }
    expect(statSync(join(work, 'draft.md')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(work, 'draft.md'), 'utf8')).toBe('# 2023年度工作总结\n\n全年开展培训3期，发放慰问金xx万元。\n\n> 总结报告“\n');
  });
});

describe('--fix keeps encoding, BOM and line ends', () => {
  it('in every encoding and line-end style, in one run', { timeout: 120_000 }, async () => {
    const dir = tempDir('zongjie-fix-');
    // Doubled words and scrape artifacts (the fixable kinds), a placeholder that stays.
    const lines = ['總結(jié)報告', '全年開展開展培訓3期，發放慰問金xx萬元。', '職工之家&ldquo;建設&rdquo;成效明顯。', ''];
    const fixedLines = ['總結報告', '全年開展培訓3期，發放慰問金xx萬元。', '職工之家“建設”成效明顯。', ''];
    const ends: Record<string, (ls: string[]) => string> = {
      lf: (ls) => ls.join('\n'),
      crlf: (ls) => ls.join('\r\n'),
      cr: (ls) => ls.join('\r'),
      mixed: (ls) => ls.map((l, i) => (i === ls.length - 1 ? l : l + ['\r\n', '\n', '\r'][i % 3])).join(''),
    };
    const encodings: [string, string, boolean][] = [
      ['utf8', 'utf-8', false], ['utf8-bom', 'utf-8', true], ['gb18030', 'gb18030', false], ['big5', 'big5', false],
      ['utf16le-bom', 'utf-16le', true], ['utf16be-bom', 'utf-16be', true], ['utf16le', 'utf-16le', false],
    ];
    const expected = new Map<string, Buffer>();
    for (const [label, encoding, bom] of encodings) {
      for (const [end, join_] of Object.entries(ends)) {
        const name = `${label}-${end}.txt`;
        writeFileSync(join(dir, name), encode(join_(lines), encoding, bom));
        chmodSync(join(dir, name), 0o604);
        expected.set(name, encode(join_(fixedLines), encoding, bom));
      }
    }
    const r = await zongjieHere(['check', '--fix', '.'], dir);
    expect(r.status, r.stdout).toBe(1); // the placeholder stays
    expect(r.stdout).not.toMatch(/doubled-word|artifact/);
    for (const [name, bytes] of expected) {
      const actual = readFileSync(join(dir, name));
      expect(actual.equals(bytes), `${name}: ${JSON.stringify(actual.subarray(0, 40))}`).toBe(true);
      expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o604);
      count('--fix keeps encoding, BOM, line ends, mode');
    }
    // Nothing left beside them.
    expect(readdirSync(dir).sort()).toEqual([...expected.keys()].sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Interrupted fixes

const FIX_MODULE = pathToFileURL(join(ROOT, 'dist', 'lint', 'fix.js')).href;

/** Start a child node process running `script` (an ES module); resolves once it prints `marker`. */
function startChild(script: string, marker?: string): { child: ReturnType<typeof spawn>; ready: Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (marker && out.includes(marker)) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', () => (marker && !out.includes(marker) ? reject(new Error(`child exited before ${marker}: ${err}`)) : resolve()));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited };
}

/** SIGKILL the child `delay` ms from now, or not at all when it is done sooner (no waiting for nothing then). */
async function killAfter(delay: number, child: ReturnType<typeof spawn>, exited: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, delay))), exited]);
  clearTimeout(timer);
  child.kill('SIGKILL');
  await exited;
}

describe('an interrupted fix leaves the original intact', () => {
  it('killed (SIGKILL) while the temporary file is half written', { timeout: 60_000 }, async () => {
    const dir = tempDir('zongjie-kill-');
    const file = join(dir, 'report.txt');
    const original = encode('總結(jié)報告\r\n全年開展開展培訓3期。\r\n'.repeat(20_000), 'gb18030', false);
    writeFileSync(file, original);
    // The child pauses writeSync after half the bytes (node:fs patched, ESM bindings synced), so the
    // kill lands in the middle of the write for certain.
    const script = `
      import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const write = fs.writeSync;
      fs.writeSync = (fd, buffer, ...rest) => {
        write(fd, buffer.subarray(0, buffer.length >> 1));
        write(1, 'HALF ' + buffer.length + '\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      };
      syncBuiltinESMExports();
      const { writeFileAtomic } = await import(${JSON.stringify(FIX_MODULE)});
      writeFileAtomic(${JSON.stringify(file)}, '總結報告\\r\\n全年開展培訓3期。\\r\\n'.repeat(20000), 'gb18030', false);
      write(1, 'DONE\\n');
    `;
    const { child, ready, exited } = startChild(script, 'HALF');
    await ready;
    // Mid-write: a temporary file beside the original holds part of the new text.
    const temps = readdirSync(dir).filter((f) => f !== 'report.txt');
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(/^report\.txt\.\d+$/); // write-file-atomic's name: the file's, a dot, a number
    const partial = statSync(join(dir, temps[0]!)).size;
    expect(partial).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await exited;
    expect(readFileSync(file).equals(original)).toBe(true);
    // The half-written temporary file never replaced the original, and is no input of a later run.
    const r = await zongjieHere(['extract', '--format', 'ndjson', '.'], dir);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file)).toEqual(['report.txt']);
    count('SIGKILL mid-write (write paused at half)');
  });

  it('killed at any moment of a large write: the file is the old one or the new one, never a mix', { timeout: 180_000 }, async () => {
    const dir = tempDir('zongjie-race-');
    const file = join(dir, 'report.txt');
    const oldText = '全年开展开展培训3期。\n'.repeat(1000);
    const newText = '全年开展培训3期，职工之家建设成效明显。\n'.repeat(2_000_000); // ~90 MB in UTF-8
    const oldBytes = Buffer.from(oldText);
    const newHash = sha(Buffer.from(newText));
    const outcomes = { old: 0, new: 0 };
    for (const delay of [0, 2, 5, 10, 20, 40, 80, 120, 160, 200, 300, 450, 700, 1000, 1500]) {
      writeFileSync(file, oldBytes);
      const script = `
        const { writeFileAtomic } = await import(${JSON.stringify(FIX_MODULE)});
        const text = '全年开展培训3期，职工之家建设成效明显。\\n'.repeat(2000000);
        process.stdout.write('GO\\n');
        writeFileAtomic(${JSON.stringify(file)}, text, 'utf-8', false);
      `;
      const { child, ready, exited } = startChild(script, 'GO');
      await ready;
      await killAfter(delay, child, exited);
      const bytes = readFileSync(file);
      const isOld = bytes.equals(oldBytes);
      const isNew = !isOld && bytes.length === Buffer.byteLength(newText) && sha(bytes) === newHash;
      expect(isOld || isNew, `killed after ${delay} ms: ${bytes.length} bytes, neither old nor new`).toBe(true);
      outcomes[isOld ? 'old' : 'new']++;
      count(isOld ? 'SIGKILL at a random moment: original intact' : 'SIGKILL at a random moment: fix complete');
      for (const f of readdirSync(dir)) if (f !== 'report.txt') rmSync(join(dir, f));
    }
    // The delays straddle the write: some kills land before the rename and leave the original.
    expect(outcomes.old).toBeGreaterThan(0);
  });

  it('zongjie check --fix killed at any moment: the draft is the old one or the fixed one', { timeout: 180_000 }, async () => {
    const dir = tempDir('zongjie-cli-kill-');
    const file = join(dir, 'draft.txt');
    const oldText = '總結(jié)報告\r\n全年開展開展培訓3期，發放慰問金xx萬元。\r\n'.repeat(3000);
    const oldBytes = iconv.encode(oldText, 'gb18030');
    const fixedBytes = iconv.encode(oldText.replace(/\(jié\)/g, '').replace(/開展開展/g, '開展'), 'gb18030');
    for (const delay of [100, 400, 800, 1200, 1600, 2000, 2500, 3000, 4000, 6000]) {
      writeFileSync(file, oldBytes);
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'zongjie.js'), 'check', '--fix', 'draft.txt'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await killAfter(delay, child, exited);
      const bytes = readFileSync(file);
      const state = bytes.equals(oldBytes) ? 'original' : bytes.equals(fixedBytes) ? 'fixed' : 'MIXED';
      expect(state, `killed after ${delay} ms`).not.toBe('MIXED');
      count(`check --fix killed: ${state}`);
      for (const f of readdirSync(dir)) if (f !== 'draft.txt') rmSync(join(dir, f));
    }
    expect(existsSync(file)).toBe(true);
  });
});

// Issue 23, items 3–8: what a run writes and reads besides the reports. No command writes over an
// input or into a folder it reads (unless --force); --fix writes only what it fixed (refusing bytes
// that would change), through links only inside the paths given, keeping hard links, owner and mode,
// and one unwritable file does not stop the others; a bad cache is a warning; a rule file is read
// only when it is a small regular file, and is never echoed.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeBack } from '../../src/lint/write-back.js';
import { zongjieBatch, zongjieInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** A draft with one fixable problem (a doubled word) on its first line. */
const DRAFT = '一、开展开展劳动竞赛。\n二、全年发展新会员20人。\n';
const FIXED = '一、开展劳动竞赛。\n二、全年发展新会员20人。\n';
const asRoot = process.getuid?.() === 0;

describe('no command writes over an input or into a folder it reads (item 3)', () => {
  it('stats --out inside the archive, or onto a report, stops with exit 2 and writes nothing; --force lets it', async () => {
    const dir = tempDir('zongjie-out-');
    mkdirSync(join(dir, 'archive'));
    writeFileSync(join(dir, 'archive', '2023年度总结.txt'), '2023年度工作总结\n全年发展新会员20人。\n');
    writeFileSync(join(dir, 'archive', 'stats.md'), '# 2022年度总结\n全年发展新会员30人。\n');
    const report = readFileSync(join(dir, 'archive', 'stats.md'));
    const inside = await zongjieInProcess(['stats', 'archive', '--out', 'archive'], { cwd: dir });
    expect(inside.status).toBe(2);
    expect(inside.stderr.trim()).toBe('zongjie: 不写入正在读取的文件夹：archive 在输入 archive 之内（写入的文件下次会被当作报告读入）；请换一个输出位置，或加 --force');
    expect(readFileSync(join(dir, 'archive', 'stats.md'))).toEqual(report);
    const below = await zongjieInProcess(['stats', 'archive/*.txt', '--out', 'archive/out', '--lang', 'en'], { cwd: dir });
    expect(below.status).toBe(2);
    expect(below.stderr).toMatch(/will not write into a folder being read: archive\/out is inside the input archive\/\*\.txt/);
    expect(existsSync(join(dir, 'archive', 'out'))).toBe(false);
    const over = await zongjieInProcess(['stats', 'archive/stats.md', '--out', 'archive'], { cwd: dir });
    expect(over.status).toBe(2);
    expect(over.stderr).toContain('不覆盖输入文件：archive/stats.md 就是输入 archive/stats.md');
    expect(readFileSync(join(dir, 'archive', 'stats.md'))).toEqual(report);
    // Beside the archive is fine; inside it with --force too.
    expect((await zongjieInProcess(['stats', 'archive', '--out', 'out'], { cwd: dir })).status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'stats.md'), 'utf8')).toContain('新会员');
    expect((await zongjieInProcess(['stats', 'archive', '--out', 'archive/out', '--force'], { cwd: dir })).status).toBe(0);
    expect(existsSync(join(dir, 'archive', 'out', 'stats.json'))).toBe(true);
  });

  it('check --cache-location onto an input, or as a report inside a folder read, stops with exit 2', async () => {
    const dir = tempDir('zongjie-out-');
    writeFileSync(join(dir, 'a.md'), DRAFT);
    for (const location of ['a.md', 'cache.md']) {
      const r = await zongjieInProcess(['check', '--cache', '--cache-location', location, '.'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`缓存文件 ${location} 会覆盖或混入输入 .`);
    }
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(DRAFT);
    expect((await zongjieInProcess(['check', '--cache', '.'], { cwd: dir })).status).toBe(0);
  });
});

describe('check --fix, file by file (items 4, 5, 6)', () => {
  it('a file in a folder it cannot write gets a one-line message; the other files are fixed (exit 1)', () => {
    const dir = tempDir('zongjie-fix-');
    chmodSync(dir, 0o777);
    mkdirSync(join(dir, 'locked'));
    mkdirSync(join(dir, 'open'));
    writeFileSync(join(dir, 'locked', 'a.txt'), DRAFT);
    writeFileSync(join(dir, 'open', 'b.txt'), DRAFT);
    chmodSync(join(dir, 'locked', 'a.txt'), 0o666);
    chmodSync(join(dir, 'open', 'b.txt'), 0o666);
    chmodSync(join(dir, 'open'), 0o777);
    chmodSync(join(dir, 'locked'), 0o555);
    // As root every folder is writable: the run is nobody's then, so that mode 555 means something.
    const [r] = zongjieBatch([{ args: ['check', '--fix', 'locked', 'open'], cwd: dir }], asRoot ? { uid: 65534, gid: 65534 } : {});
    expect(r!.status).toBe(1);
    expect(r!.stderr).toBe('zongjie: locked/a.txt: 无法写入修复：没有权限读取\n已修复 1 个问题\n');
    expect(readFileSync(join(dir, 'locked', 'a.txt'), 'utf8')).toBe(DRAFT);
    expect(readFileSync(join(dir, 'open', 'b.txt'), 'utf8')).toBe(FIXED);
  });

  it('refuses a file whose bytes would not survive decoding and encoding again, and fixes one that does', async () => {
    const dir = tempDir('zongjie-fix-');
    // UTF-8 with two stray bytes far from the fix: they would become U+FFFD.
    const broken = Buffer.concat([Buffer.from(DRAFT), Buffer.from('三、慰问困难职工'), Buffer.from([0xff, 0xfe]), Buffer.from('全年慰问困难职工35户，发放慰问金2万元。\n'.repeat(400))]);
    writeFileSync(join(dir, 'broken.txt'), broken);
    const gb = iconv.encode(DRAFT.replace(/\n/g, '\r\n'), 'gb18030');
    writeFileSync(join(dir, 'gb.txt'), gb);
    const r = await zongjieInProcess(['check', '--fix', 'broken.txt', 'gb.txt'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^zongjie: broken\.txt: 无法写入修复：未修复：文件中有些字节不是有效的 utf-8，重新写入会改变它们/);
    expect(readFileSync(join(dir, 'broken.txt'))).toEqual(broken);
    expect(iconv.decode(readFileSync(join(dir, 'gb.txt')), 'gb18030')).toBe(FIXED.replace(/\n/g, '\r\n'));
  });

  it('refuses to write over a file that changed since it was read', () => {
    const dir = tempDir('zongjie-fix-');
    const file = join(dir, 'a.txt');
    writeFileSync(file, '一、开展开展劳动竞赛。另一句。\n');
    expect(() => writeBack(file, DRAFT, FIXED, 'utf-8', false)).toThrow(/the file changed since it was read/);
    expect(readFileSync(file, 'utf8')).toBe('一、开展开展劳动竞赛。另一句。\n');
  });

  it('through a link, fixes the file it points to (inside the paths given), and the link stays; a link named on the command line is followed', async () => {
    const dir = tempDir('zongjie-fix-');
    mkdirSync(join(dir, 'archive', 'real'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'archive', 'real', 'a.md'), DRAFT);
    symlinkSync('real/a.md', join(dir, 'archive', 'link.txt'));
    writeFileSync(join(dir, 'elsewhere', 'b.txt'), DRAFT);
    symlinkSync('../elsewhere/b.txt', join(dir, 'archive', 'out.txt'));
    const r = await zongjieInProcess(['check', '--fix', 'archive'], { cwd: dir });
    expect(lstatSync(join(dir, 'archive', 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'archive', 'real', 'a.md'), 'utf8')).toBe(FIXED);
    expect(readdirSync(join(dir, 'archive'))).toEqual(['link.txt', 'out.txt', 'real']);
    expect(spawnSync('readlink', [join(dir, 'archive', 'link.txt')], { encoding: 'utf8' }).stdout.trim()).toBe('real/a.md');
    // A link out of the paths given is not followed for writing.
    expect(r.stderr).toContain('zongjie: archive/out.txt: 无法写入修复：指向 ');
    expect(r.stderr).toContain('在给定路径之外：未修复');
    expect(readFileSync(join(dir, 'elsewhere', 'b.txt'), 'utf8')).toBe(DRAFT);
    expect(r.status).toBe(1);
    // Named on the command line, the link is what the user asked to fix: its file is fixed.
    const named = await zongjieInProcess(['check', '--fix', 'archive/out.txt'], { cwd: dir });
    expect(named.stderr).toBe('已修复 1 个问题\n');
    expect(readFileSync(join(dir, 'elsewhere', 'b.txt'), 'utf8')).toBe(FIXED);
    expect(lstatSync(join(dir, 'archive', 'out.txt')).isSymbolicLink()).toBe(true);
  });

  it('keeps hard links (both names see the fix, one file) and the owner and mode', async () => {
    const dir = tempDir('zongjie-fix-');
    writeFileSync(join(dir, 'a.txt'), DRAFT);
    linkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
    chmodSync(join(dir, 'a.txt'), 0o640);
    writeFileSync(join(dir, 'solo.txt'), DRAFT);
    chmodSync(join(dir, 'solo.txt'), 0o604);
    if (asRoot) chownSync(join(dir, 'solo.txt'), 65534, 65534);
    const before = statSync(join(dir, 'a.txt'));
    const r = await zongjieInProcess(['check', '--fix', 'a.txt', 'solo.txt'], { cwd: dir });
    expect(r.stderr).toBe('已修复 2 个问题\n');
    const after = statSync(join(dir, 'a.txt'));
    expect(after.ino).toBe(before.ino);
    expect(after.nlink).toBe(2);
    expect(after.mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe(FIXED);
    const solo = statSync(join(dir, 'solo.txt'));
    expect(readFileSync(join(dir, 'solo.txt'), 'utf8')).toBe(FIXED);
    expect(solo.mode & 0o777).toBe(0o604);
    if (asRoot) expect([solo.uid, solo.gid]).toEqual([65534, 65534]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt', 'solo.txt']);
  });
});

describe('the cache is never fatal (item 7)', () => {
  const SUMMARY = '✖ 1 个问题（0 个错误，1 个警告，0 个提示）';

  it('a cache that is a folder, in a missing folder, damaged, or with entries of the wrong shape: a warning, and the run as without it', async () => {
    const dir = tempDir('zongjie-cache-');
    writeFileSync(join(dir, 'a.txt'), DRAFT);
    mkdirSync(join(dir, 'folder'));
    const run = (location: string) => zongjieInProcess(['check', '--cache', '--cache-location', location, 'a.txt'], { cwd: dir });
    const folder = await run('folder');
    expect(folder.status).toBe(0);
    expect(folder.stdout).toContain(SUMMARY);
    expect(folder.stderr).toBe('zongjie: 警告：缓存 folder 不可用，已忽略（is a directory）\nzongjie: 警告：缓存无法保存到 folder（is a directory）\n');
    const missing = await run('no/such/cache');
    expect(missing.stdout).toContain(SUMMARY);
    expect(missing.stderr).toBe('zongjie: 警告：缓存无法保存到 no/such/cache（no such file or directory）\n');
    // A good cache, then its entry spoilt: the file is checked afresh, and the entry mended.
    expect((await run('c.json')).stderr).toBe('');
    const cache = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as { entries: Record<string, unknown> };
    const key = Object.keys(cache.entries)[0]!;
    cache.entries[key] = { messages: 5 };
    writeFileSync(join(dir, 'c.json'), JSON.stringify(cache));
    const spoilt = await run('c.json');
    expect(spoilt.stdout).toContain(SUMMARY);
    expect(spoilt.stderr).toBe('zongjie: 警告：缓存 c.json 不可用，已忽略（entries of the wrong shape）\n');
    expect((await run('c.json')).stderr).toBe('');
    writeFileSync(join(dir, 'c.json'), '{"salt": ');
    const damaged = await run('c.json');
    expect(damaged.stdout).toContain(SUMMARY);
    expect(damaged.stderr).toContain('不可用，已忽略（not a zongjie cache (damaged JSON)）');
  });

  it('removes the temporary files of a killed run (its process gone), and only those', async () => {
    const dir = tempDir('zongjie-cache-');
    writeFileSync(join(dir, 'a.txt'), DRAFT);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    writeFileSync(join(dir, `.zongjiecache.${deadPid}.tmp`), '{"salt":');
    writeFileSync(join(dir, `.zongjiecache.${process.ppid}.tmp`), 'a live run’s'); // that process is alive
    writeFileSync(join(dir, 'notes.tmp'), 'not ours');
    expect((await zongjieInProcess(['check', '--cache', 'a.txt'], { cwd: dir })).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.zongjiecache', `.zongjiecache.${process.ppid}.tmp`, 'a.txt', 'notes.tmp']);
  });
});

describe('rule files are read safely (item 8)', () => {
  it('extends: a device, a pipe or a folder is refused at once; nothing else is read', async () => {
    const dir = tempDir('zongjie-rules-');
    writeFileSync(join(dir, 'a.txt'), DRAFT);
    spawnSync('mkfifo', [join(dir, 'pipe.yml')]);
    const cases: [string, RegExp][] = [
      ['/dev/zero', /^zongjie: \/dev\/zero:1:1: 不是普通文件：规则文件必须是 \.yml 文件$/],
      ['./pipe.yml', /pipe\.yml:1:1: 不是普通文件/],
    ];
    for (const [target, expected] of cases) {
      writeFileSync(join(dir, 'x.yml'), `extends: ${target}\n`);
      const started = Date.now();
      const r = await zongjieInProcess(['check', '-c', 'x.yml', 'a.txt'], { cwd: dir });
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toMatch(expected);
    }
  });

  it('a file too large, or not text, is refused without reading it all; a file that is not a rule file is never echoed', async () => {
    const dir = tempDir('zongjie-rules-');
    writeFileSync(join(dir, 'a.txt'), DRAFT);
    writeFileSync(join(dir, 'huge.yml'), `description: ${'长'.repeat(2_000_000)}\n`);
    const secrets = ['root:$y$j9T$Kq0uSecretHash:19000:0:99999:7:::', 'daemon:*:19000:0:99999:7:::', 'mysql:!:19001::::::'];
    writeFileSync(join(dir, 'shadow'), `${secrets.join('\n')}\n`);
    writeFileSync(join(dir, 'x.yml'), 'extends: ./huge.yml\n');
    const huge = await zongjieInProcess(['check', '-c', 'x.yml', 'a.txt'], { cwd: dir });
    expect(huge.status).toBe(2);
    expect(huge.stderr).toMatch(/huge\.yml:1:1: 规则文件过大（5\.7 MB，上限 4 MB）/);
    for (const config of ['x.yml', 'shadow']) {
      writeFileSync(join(dir, 'x.yml'), 'extends: ./shadow\n');
      const r = await zongjieInProcess(['check', '-c', config, 'a.txt'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toMatch(/shadow:1:1: Unrecognized 3 keys that are not a name \(is this a zongjie rule file\?\)$/);
      for (const word of ['root', 'daemon', 'mysql', 'Kq0uSecretHash', '19000']) expect(r.stderr).not.toContain(word);
    }
  });

  it('an ignore list of 130,000 entries, in a file extended, runs (no push(...list))', async () => {
    const dir = tempDir('zongjie-rules-');
    writeFileSync(join(dir, 'a.txt'), DRAFT);
    writeFileSync(join(dir, 'base.yml'), `extends: recommended\nignore:\n${Array.from({ length: 130_000 }, (_, i) => `  - a${i}/`).join('\n')}\n`);
    writeFileSync(join(dir, 'x.yml'), 'extends: ./base.yml\nignore: [b/]\n');
    const r = await zongjieInProcess(['check', '-c', 'x.yml', '--format', 'json', 'a.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['doubled-word']);
  });
});

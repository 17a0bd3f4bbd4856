// collectInputs on a real directory tree: walking, extensions, globs, ignores, symlink loops, errors.
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/io/inputs.js';

let root: string;
let outside: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zongjie-inputs-'));
  outside = await mkdtemp(join(tmpdir(), 'zongjie-outside-'));
  const files = [
    'a.txt',
    'b.md',
    'c.markdown',
    'd.docx',
    'E.TXT',
    'notes.json',
    'sub/z.txt',
    'sub/y.md',
    'sub/deeper/x.txt',
    '.hidden/h.txt',
    'node_modules/pkg/readme.md',
    '2019/总结.txt',
    '2019/计划.md',
  ];
  for (const file of files) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), '总结\n');
  }
  await writeFile(join(outside, 'far.txt'), '总结\n');
  // Two loops: one to the directory itself, one from a subdirectory back to the top.
  await symlink('.', join(root, 'loop'));
  await symlink('..', join(root, 'sub', 'back'));
  await symlink('nowhere.txt', join(root, 'broken.txt'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

// Every report a walk takes by default: text, Markdown and Word (.docx) files.
const everyText = ['2019/总结.txt', '2019/计划.md', 'E.TXT', 'a.txt', 'b.md', 'c.markdown', 'd.docx', 'sub/deeper/x.txt', 'sub/y.md', 'sub/z.txt'];

describe('collectInputs: directories', () => {
  it('walks recursively in name order, skipping hidden directories, node_modules and loops', { timeout: 10_000 }, async () => {
    const { files, errors } = await collectInputs(['.'], { cwd: root });
    expect(files).toEqual(everyText);
    expect(errors).toEqual([{ file: 'broken.txt', error: 'no such file or directory (broken symbolic link)' }]);
  });

  it('walks a directory given by its absolute path and reports paths relative to cwd', async () => {
    const { files } = await collectInputs([join(root, 'sub')], { cwd: root });
    expect(files).toEqual(['sub/deeper/x.txt', 'sub/y.md', 'sub/z.txt']);
  });

  it('keeps paths outside cwd as given', async () => {
    const { files } = await collectInputs([join(outside, 'far.txt'), outside], { cwd: root });
    expect(files).toEqual([join(outside, 'far.txt')]);
  });

  it('replaces the default extensions with options.extensions', async () => {
    const { files, errors } = await collectInputs(['.'], { cwd: root, extensions: ['docx', '.JSON'] });
    expect(files).toEqual(['d.docx', 'notes.json']);
    // broken.txt is no longer a candidate, so it is not worth an error.
    expect(errors).toEqual([]);
  });

  it('takes a file named explicitly whatever its extension', async () => {
    const { files, errors } = await collectInputs(['d.docx', 'notes.json'], { cwd: root });
    expect(files).toEqual(['d.docx', 'notes.json']);
    expect(errors).toEqual([]);
  });

  it('keeps argument order and drops duplicates', async () => {
    const { files } = await collectInputs(['sub/z.txt', 'sub', './a.txt', 'a.txt', '-', '-'], { cwd: root });
    expect(files).toEqual(['sub/z.txt', 'sub/deeper/x.txt', 'sub/y.md', 'a.txt', '-']);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable directory and goes on', async () => {
    const locked = join(root, 'locked');
    await mkdir(locked);
    await writeFile(join(locked, 'secret.txt'), '总结');
    await chmod(locked, 0o000);
    try {
      const { files, errors } = await collectInputs(['locked', 'a.txt'], { cwd: root });
      expect(errors).toEqual([{ file: 'locked', error: 'permission denied' }]);
      expect(files).toEqual(['a.txt']);
    } finally {
      await chmod(locked, 0o755);
      await rm(locked, { recursive: true });
    }
  });
});

describe('collectInputs: missing paths', () => {
  it('reports a missing file and goes on', async () => {
    const { files, errors } = await collectInputs(['missing.txt', 'a.txt', 'a.txt/inside.txt'], { cwd: root });
    expect(files).toEqual(['a.txt']);
    expect(errors).toEqual([
      { file: 'missing.txt', error: 'no such file or directory' },
      { file: 'a.txt/inside.txt', error: 'no such file or directory' },
    ]);
  });
});

describe('collectInputs: globs', () => {
  it('expands ** across directories, without hidden directories or node_modules', async () => {
    const { files, errors } = await collectInputs(['**/*.txt'], { cwd: root });
    expect(files).toEqual(['2019/总结.txt', 'a.txt', 'sub/deeper/x.txt', 'sub/z.txt']);
    expect(errors).toEqual([{ file: 'broken.txt', error: 'no such file or directory (broken symbolic link)' }]);
  });

  it('expands * within one directory only', async () => {
    expect((await collectInputs(['*.md'], { cwd: root })).files).toEqual(['b.md']);
    expect((await collectInputs(['sub/*.md'], { cwd: root })).files).toEqual(['sub/y.md']);
    expect((await collectInputs(['./sub/*.{md,txt}'], { cwd: root })).files).toEqual(['sub/y.md', 'sub/z.txt']);
  });

  it('walks a directory the glob matches', async () => {
    expect((await collectInputs(['20??'], { cwd: root })).files).toEqual(['2019/总结.txt', '2019/计划.md']);
  });

  it('expands an absolute glob', async () => {
    expect((await collectInputs([join(root, 'sub', '*.txt')], { cwd: root })).files).toEqual(['sub/z.txt']);
  });

  it('goes into a hidden directory when the pattern names it', async () => {
    expect((await collectInputs(['.hidden/*.txt'], { cwd: root })).files).toEqual(['.hidden/h.txt']);
  });

  it('reports a glob that matches nothing', async () => {
    const { files, errors } = await collectInputs(['*.doc', 'nothing/**/*.txt', 'a.txt'], { cwd: root });
    expect(files).toEqual(['a.txt']);
    expect(errors).toEqual([
      { file: '*.doc', error: 'no files match the pattern' },
      { file: 'nothing/**/*.txt', error: 'no files match the pattern' },
    ]);
  });
});

describe('collectInputs: ignore', () => {
  it('drops files and whole directories matching the patterns', async () => {
    const { files } = await collectInputs(['.'], { cwd: root, ignore: ['*.md', 'sub/deeper', '2019/'] });
    expect(files).toEqual(['E.TXT', 'a.txt', 'c.markdown', 'd.docx', 'sub/z.txt']);
  });

  it('matches a pattern with a slash against the path from cwd only', async () => {
    const { files } = await collectInputs(['.'], { cwd: root, ignore: ['sub/*.txt', 'deeper/**'] });
    // "deeper/**" is anchored at cwd, where there is no deeper/, so sub/deeper stays.
    expect(files).toEqual(['2019/总结.txt', '2019/计划.md', 'E.TXT', 'a.txt', 'b.md', 'c.markdown', 'd.docx', 'sub/deeper/x.txt', 'sub/y.md']);
  });

  it('applies to globs and to files named explicitly', async () => {
    const ignore = ['2019'];
    expect((await collectInputs(['**/*.txt'], { cwd: root, ignore })).files).toEqual(['a.txt', 'sub/deeper/x.txt', 'sub/z.txt']);
    expect((await collectInputs(['2019/总结.txt', 'a.txt'], { cwd: root, ignore })).files).toEqual(['a.txt']);
  });
});

describe('collectInputs: ignore lists have .gitignore semantics', () => {
  it('re-includes with "!", and "name/" matches directories only', async () => {
    const ignore = ['sub/**', '!sub/y.md', 'a.txt/', 'deeper/'];
    // a.txt is a file, so "a.txt/" leaves it; "deeper/" (no slash inside) is a directory at any depth.
    expect((await collectInputs(['.'], { cwd: root, ignore })).files).toEqual(['2019/总结.txt', '2019/计划.md', 'E.TXT', 'a.txt', 'b.md', 'c.markdown', 'd.docx', 'sub/y.md']);
  });
});

describe('collectInputs: .zongjieignore', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zongjie-ignorefile-'));
    for (const file of ['reports/2023.txt', 'reports/2022.txt', 'archive/2019.txt', 'archive/keep.txt', 'drafts/a.md', 'notes.txt']) {
      await mkdir(join(dir, file, '..'), { recursive: true });
      await writeFile(join(dir, file), '总结\n');
    }
    await writeFile(join(dir, '.zongjieignore'), '\uFEFF# 旧稿不查\narchive/\n!archive/keep.txt\n*.md\n/notes.txt\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is read from cwd and applied to walks, globs and files named explicitly', async () => {
    // "!archive/keep.txt" cannot re-include a file whose directory is excluded, as in git.
    expect((await collectInputs(['.'], { cwd: dir })).files).toEqual(['reports/2022.txt', 'reports/2023.txt']);
    expect((await collectInputs(['**/*.txt'], { cwd: dir })).files).toEqual(['reports/2022.txt', 'reports/2023.txt']);
    const named = await collectInputs(['archive/2019.txt', 'drafts/a.md', 'notes.txt', 'reports/2023.txt'], { cwd: dir });
    expect(named).toEqual({ files: ['reports/2023.txt'], errors: [] });
  });

  it('adds to the config patterns, and is not read with ignoreFile: false', async () => {
    expect((await collectInputs(['.'], { cwd: dir, ignore: ['2022.txt'] })).files).toEqual(['reports/2023.txt']);
    expect((await collectInputs(['.'], { cwd: dir, ignoreFile: false })).files).toEqual([
      'archive/2019.txt', 'archive/keep.txt', 'drafts/a.md', 'notes.txt', 'reports/2022.txt', 'reports/2023.txt',
    ]);
  });

  it('says so when it cannot be read, and goes on without it', async () => {
    const odd = await mkdtemp(join(tmpdir(), 'zongjie-ignorefile-'));
    await mkdir(join(odd, '.zongjieignore'));
    await writeFile(join(odd, 'a.txt'), '总结\n');
    expect(await collectInputs(['.'], { cwd: odd })).toEqual({ files: ['a.txt'], errors: [{ file: '.zongjieignore', error: 'is a directory' }] });
    await rm(odd, { recursive: true, force: true });
  });
});

describe('collectInputs: links, loops and order', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zongjie-links-'));
    for (const file of ['a/x.txt', 'a-b.txt', 'reports/2023/z.txt', 'reports/2023/README.md', '.drafts/d.txt', 'sub/.drafts/e.txt']) {
      await mkdir(join(dir, file, '..'), { recursive: true });
      await writeFile(join(dir, file), '总结\n');
    }
    await symlink('reports/2023', join(dir, 'current')); // a linked directory
    await symlink('..', join(dir, 'reports', 'up')); // a loop
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists a directory before a name that sorts after it by code unit but not by segment ("a/" before "a-b")', async () => {
    expect((await collectInputs(['.'], { cwd: dir })).files).toEqual(['a/x.txt', 'a-b.txt', 'current/z.txt']);
  });

  it('walks a linked directory a glob matches, under its link name, and never a loop', async () => {
    expect((await collectInputs(['c*'], { cwd: dir })).files).toEqual(['current/z.txt']);
    expect((await collectInputs(['reports/*'], { cwd: dir })).files).toEqual(['reports/2023/z.txt']);
    expect((await collectInputs(['reports/**/*.txt'], { cwd: dir })).files).toEqual(['reports/2023/z.txt']);
  });

  it('takes only directories for a pattern ending in "/"', async () => {
    expect((await collectInputs(['*/'], { cwd: dir })).files).toEqual(['a/x.txt', 'current/z.txt']);
  });

  it('goes into hidden directories that the pattern names, at any depth', async () => {
    expect((await collectInputs(['**/.drafts/*.txt'], { cwd: dir })).files).toEqual(['.drafts/d.txt', 'sub/.drafts/e.txt']);
  });

  it('matches a glob after a directory argument that walked the same files (no "no files match")', async () => {
    // reports/2023 is current/ again: a directory is walked once, under the name met first.
    expect(await collectInputs(['.', '**/*.txt'], { cwd: dir })).toEqual({ files: ['a/x.txt', 'a-b.txt', 'current/z.txt'], errors: [] });
  });
});

// The package as a user gets it: `npm pack` on a clean copy of the repository (the prepare script
// builds dist/ first), `npm install <tarball>` in an empty folder outside the repository, then from
// there the program (check, extract, stats, serve, rules --docs), the library, its typings without
// @types/node, the documented examples, the help pages, and the git hook, husky and lint-staged
// recipes. Slow (it installs from the registry and compiles nodejieba: a few minutes), so it runs
// when ZONGJIE_PACKAGE_TESTS=1, as .ci/run sets it; test/package/pre-commit.test.ts does the same
// for the pre-commit framework.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/rules/index.js';
import { cleanCopy } from '../helpers/clean-copy.js';
import { zongjieInProcess } from '../helpers/cli.js';
import { corpusPath, ROOT } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

const ENABLED = process.env.ZONGJIE_PACKAGE_TESTS === '1';
const MINUTES = 60_000;
const DRAFT = '2023年度工作总结\n\n一、主要工作\n\n全年发展新会员xx人，开展活动12次。\n';
const REPORT = 'reports/2023/000_87f43282fb262844.txt';

let consumer: string; // the folder the tarball is installed in
let installed: string; // node_modules/zongjie there
let tarballFiles: string[];

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd: options.cwd ?? consumer,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeout ?? 5 * MINUTES,
    env: { ...process.env, NO_COLOR: '1', ZONGJIE_LANG: '', ...options.env },
  });
}

function ok(result: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

function git(...args: string[]): SpawnSyncReturns<string> {
  return run('git', args);
}

/** The relative links ([text](target)) of a Markdown text, without #fragments and outside code blocks. */
function relativeLinks(text: string): string[] {
  return [...text.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => decodeURIComponent(target.split('#')[0]!));
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

describe.skipIf(!ENABLED)('the packed package, installed in an empty folder', () => {
  beforeAll(() => {
    // Packed from a clean copy (no dist/ yet), with the repository's dependencies for the build.
    const source = cleanCopy('zongjie-source-');
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(source, 'node_modules'), 'dir');
    const out = tempDir('zongjie-tarball-');
    const pack = ok(run('npm', ['pack', '--json', '--pack-destination', out], { cwd: source }), 'npm pack');
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    tarballFiles = packed!.files.map((f) => f.path);

    consumer = tempDir('zongjie-consumer-');
    expect(relative(ROOT, consumer).startsWith('..')).toBe(true);
    writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
    // The one install quirk (README, "Install"): this machine's npm says yes=false, which would
    // cancel nodejieba's install script (npx @mapbox/node-pre-gyp).
    writeFileSync(join(consumer, '.npmrc'), 'yes=true\n');
    // husky and lint-staged for their recipe below (lint-staged 16 is the last for Node 20).
    ok(run('npm', ['install', '--no-audit', '--no-fund', join(out, packed!.filename), 'husky@9', 'lint-staged@16'], { timeout: 15 * MINUTES }), 'npm install');
    installed = join(consumer, 'node_modules', 'zongjie');
    mkdirSync(join(consumer, 'reports', '2023'), { recursive: true });
    copyFileSync(corpusPath('000'), join(consumer, REPORT));
    writeFileSync(join(consumer, 'draft.txt'), DRAFT);
  }, 25 * MINUTES);

  it('the tarball holds the built program, rule files, docs and postinstall, not the sources; the install needs no dev tool', () => {
    for (const path of ['bin/zongjie.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/index.js', 'dist/batch/worker.js', 'dist/server/public/page.js',
      'scripts/patch-nodejieba.mjs', 'rules/presets/recommended.yml', 'rules/dict/zongjie.dict.txt', 'docs/api.md', 'docs/examples/api/check-draft.ts', 'README.md', 'package.json']) {
      expect(tarballFiles, path).toContain(path);
    }
    for (const { meta } of CHECKS) expect(tarballFiles, meta.docs).toContain(meta.docs);
    expect(tarballFiles.filter((path) => /^(src|test|corpus|bench)\//.test(path))).toEqual([]);
    // No development dependency came with it (typescript, @types/node), and nodejieba was rebuilt by the postinstall.
    expect(existsSync(join(consumer, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(consumer, 'node_modules', '@types', 'node'))).toBe(false);
    expect(ok(run('node', [join(installed, 'scripts', 'patch-nodejieba.mjs'), '--check']), 'patch check').stdout).toMatch(/nodejieba: patched\n$/);
  });

  it('npx zongjie check draft.txt exits 1 and lists the planted placeholder', () => {
    const r = run('npx', ['zongjie', 'check', 'draft.txt']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^draft\.txt\n {2}5:8 +错误 +占位符“xx”尚未填写 +placeholder\n/);
  });

  it('node -e "import(\'zongjie\')" loads the library', () => {
    const r = ok(run('node', ['-e', "import('zongjie').then((m) => console.log(typeof m.Zongjie, m.Zongjie.version, typeof m.encodeText))"]), 'import');
    expect(r.stdout).toBe(`function ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} function\n`);
  });

  it('extract and stats give what the repository\'s build gives', async () => {
    const extract = ok(run('npx', ['zongjie', 'extract', 'reports', '--format', 'json']), 'extract');
    expect(JSON.parse(extract.stdout)[0].figures.length).toBeGreaterThan(10);
    expect(extract.stdout).toBe((await zongjieInProcess(['extract', 'reports', '--format', 'json'], { cwd: consumer })).stdout);
    // Two workers: the threads load dist/batch/worker.js of the installed package.
    const stats = ok(run('npx', ['zongjie', 'stats', 'reports', '--format', 'json', '--workers', '2']), 'stats');
    expect(stats.stdout).toBe((await zongjieInProcess(['stats', 'reports', '--format', 'json', '--workers', '1'], { cwd: consumer })).stdout);
  });

  it('zongjie serve serves the page and checks a draft', async () => {
    const server = spawn(join(consumer, 'node_modules', '.bin', 'zongjie'), ['serve', '--port', '0'], { cwd: consumer, env: { ...process.env, ZONGJIE_LANG: '' } });
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) done(m[0]);
        });
        server.on('exit', (code) => fail(new Error(`zongjie serve exited ${code}: ${out}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html lang="zh-CN"');
      expect((await fetch(new URL('page.js', url))).status).toBe(200);
      const checked = await fetch(new URL('api/check', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'draft.txt', text: DRAFT }) });
      expect(checked.status).toBe(200);
      expect(JSON.stringify(await checked.json())).toContain('占位符“xx”尚未填写');
    } finally {
      server.kill();
    }
  });

  it('the example of docs/api.md runs against the installed package', () => {
    copyFileSync(join(installed, 'docs', 'examples', 'api', 'lint-and-extract.mjs'), join(consumer, 'lint-and-extract.mjs'));
    const r = ok(run('node', ['lint-and-extract.mjs', REPORT]), 'lint-and-extract.mjs');
    expect(r.stdout.split('\n')).toEqual([
      '5:4 doubled-word “开展”重复写了两遍',
      '5:19 blank-count “发展新会员人”中“人”前面缺少数字',
      `${REPORT}: 20 figures, the first 1 名 (1名) at 13:119`,
      '1 file(s), 0 failed',
      '',
    ]);
  });

  it('the typings compile without @types/node (docs/examples/api/check-draft.ts), and the program runs', () => {
    const project = join(consumer, 'typed');
    mkdirSync(project);
    copyFileSync(join(installed, 'docs', 'examples', 'api', 'check-draft.ts'), join(project, 'check-draft.ts'));
    // Strict, every declaration file checked (skipLibCheck off), no ambient types at all: a browser-like project.
    const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023', 'DOM'], strict: true, types: [], skipLibCheck: false, outDir: 'out' }, files: ['check-draft.ts'] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const compiled = run('node', [tsc, '-p', 'tsconfig.json'], { cwd: project });
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const r = ok(run('node', [join(project, 'out', 'check-draft.js')], { cwd: project }), 'check-draft.js');
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['draft.txt:1:1 placeholder: Placeholder "202_" has not been filled in', 'draft.txt:5:8 placeholder: Placeholder "xx" has not been filled in']);
    expect(r.stdout).toContain('357050 元 (35.705萬元) at 5:');
    // The same compiler sees Node's types nowhere here: a program that names Buffer does not compile.
    writeFileSync(join(project, 'check-draft.ts'), 'export const bytes: Buffer | null = null;\n');
    expect(run('node', [tsc, '-p', 'tsconfig.json'], { cwd: project }).stdout).toContain("Cannot find name 'Buffer'");
  });

  it('every help link leads to a page in the package: rules --docs, the SARIF helpUri, the links of the shipped docs', () => {
    for (const { meta } of CHECKS) {
      const page = readFileSync(join(installed, meta.docs), 'utf8');
      expect(ok(run('npx', ['zongjie', 'rules', '--docs', meta.id]), meta.id).stdout).toBe(page);
    }
    const sarif = run('npx', ['zongjie', 'check', '--format', 'sarif', 'draft.txt']);
    expect(sarif.status).toBe(1);
    for (const rule of (JSON.parse(sarif.stdout) as Log).runs[0]!.tool.driver.rules!) {
      const path = /^https:\/\/unpkg\.com\/zongjie@[^/]+\/(.+)$/.exec(rule.helpUri!)![1]!;
      expect(existsSync(join(installed, path)), rule.helpUri).toBe(true);
    }
    // A link in a shipped page names a file of the package, or else of the repository (corpus/, bench/).
    const broken: string[] = [];
    for (const file of [join(installed, 'README.md'), ...markdownFiles(join(installed, 'docs'))]) {
      for (const target of relativeLinks(readFileSync(file, 'utf8'))) {
        const inPackage = resolve(dirname(file), target);
        const inRepository = join(ROOT, relative(installed, inPackage));
        if (!(inPackage.startsWith(installed + sep) && existsSync(inPackage)) && !existsSync(inRepository)) broken.push(`${relative(installed, file)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('zongjie init --hook: the commit of a draft with a placeholder is refused, the fixed one goes in', () => {
    ok(git('init', '-q'), 'git init');
    git('config', 'user.email', 'editor@example.com');
    git('config', 'user.name', 'Editor');
    writeFileSync(join(consumer, '.gitignore'), 'node_modules/\ntyped/\n');
    expect(ok(run('npx', ['zongjie', 'init', '--hook']), 'init --hook').stdout).toContain('.git/hooks/pre-commit');
    git('add', '.gitignore', 'package.json', 'draft.txt');
    const refused = git('commit', '-m', 'draft');
    expect(refused.status).toBe(1);
    // git gives a hook's output to stderr.
    expect(refused.stderr).toContain('draft.txt\n  5:8  错误  占位符“xx”尚未填写');
    writeFileSync(join(consumer, 'draft.txt'), DRAFT.replace('xx', '20'));
    git('add', 'draft.txt');
    ok(git('commit', '-m', 'draft'), 'commit of the fixed draft');
  });

  it('husky and lint-staged as documented: the staged report is checked, the commit refused', () => {
    ok(run('npx', ['husky', 'init']), 'husky init');
    copyFileSync(join(installed, 'docs', 'examples', 'husky', 'pre-commit'), join(consumer, '.husky', 'pre-commit'));
    copyFileSync(join(installed, 'docs', 'examples', 'lint-staged.config.json'), join(consumer, '.lintstagedrc.json'));
    writeFileSync(join(consumer, '计划.md'), '# 2024年工作计划\n\n全年计划培训职工__人次。\n');
    git('add', 'package.json', '.husky', '.lintstagedrc.json', '计划.md');
    const refused = git('commit', '-m', 'plan');
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('zongjie check');
    expect(refused.stdout + refused.stderr).toContain('占位符“__”尚未填写');
    writeFileSync(join(consumer, '计划.md'), '# 2024年工作计划\n\n全年计划培训职工300人次。\n');
    git('add', '计划.md');
    ok(git('commit', '-m', 'plan'), 'commit of the fixed plan');
  });
});

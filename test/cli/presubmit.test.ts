// Pre-submit integration as documented: --staged reads the git index, the example git hook blocks a
// commit with errors and `init --hook` writes it, the lint-staged and GitHub Actions examples are
// well formed, --cache reuses results and a changed rule file invalidates them, and placeholders
// alone never load nodejieba. test/package/ runs the recipes on the packed package.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { PRE_COMMIT_HOOK } from '../../src/cli/hook.js';
import { zongjieInProcess } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

function repo(): string {
  const dir = tempDir('zongjie-git-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir });
  git('init', '-q');
  git('config', 'user.email', 'editor@example.com');
  git('config', 'user.name', 'Editor');
  return dir;
}
const git = (dir: string, ...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });

describe('zongjie check --staged', () => {
  it('checks the staged content, not the working tree, with paths as git prints them', async () => {
    const dir = repo();
    mkdirSync(join(dir, '报告'));
    writeFileSync(join(dir, '报告', '草稿.txt'), '2023年度工作总结\n全年发展新会员xx人。\n');
    writeFileSync(join(dir, 'notes.csv'), 'xx,yy\n');
    git(dir, 'add', '.');
    // The working tree is fixed, the index still has the placeholder.
    writeFileSync(join(dir, '报告', '草稿.txt'), '2023年度工作总结\n全年发展新会员20人。\n');
    const r = await zongjieInProcess(['check', '--staged', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as { file: string; messages: { ruleId: string; line: number }[] }[];
    expect(results.map((x) => x.file)).toEqual(['报告/草稿.txt']);
    expect(results[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([['placeholder', 2]]);
  });
  it('fails with exit 2 outside a git repository', async () => {
    const r = await zongjieInProcess(['check', '--staged'], { cwd: tempDir('zongjie-nogit-') });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--staged: .*not a git repository/i);
  });
});

describe('the documented hooks', () => {
  it('the plain git pre-commit hook blocks a commit with a placeholder and lets a clean one through', () => {
    const dir = repo();
    // The hook runs `npx --no-install zongjie`: make this checkout's zongjie the one it finds.
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.bin', 'zongjie'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin', 'zongjie.js')}" "$@"\n`);
    chmodSync(join(dir, 'node_modules', '.bin', 'zongjie'), 0o755);
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
    copyFileSync(join(ROOT, 'docs', 'examples', 'pre-commit'), join(dir, '.git', 'hooks', 'pre-commit'));
    chmodSync(join(dir, '.git', 'hooks', 'pre-commit'), 0o755);
    writeFileSync(join(dir, 'a.txt'), '202_年工作总结\n');
    git(dir, 'add', '.');
    const blocked = git(dir, 'commit', '-m', 'draft');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('占位符“202_”尚未填写');
    writeFileSync(join(dir, 'a.txt'), '2023年工作总结\n');
    git(dir, 'add', '.');
    expect(git(dir, 'commit', '-m', 'clean').status).toBe(0);
  });
  it('the pre-commit framework hook, lint-staged config and GitHub workflow are well formed', async () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    expect(hooks[0]).toMatchObject({ id: 'zongjie', entry: 'zongjie check', language: 'node' });
    expect(['a.txt', 'b.md', 'c.markdown', 'd.docx', 'e.csv'].filter((f) => new RegExp(hooks[0]!.files).test(f))).toEqual(['a.txt', 'b.md', 'c.markdown', 'd.docx']);
    const lintStaged = JSON.parse(readFileSync(join(ROOT, 'docs', 'examples', 'lint-staged.config.json'), 'utf8')) as Record<string, string>;
    // lint-staged appends the staged file names to the command: run it that way.
    const [command] = Object.values(lintStaged);
    const dir = tempDir('zongjie-ls-');
    writeFileSync(join(dir, 'a.md'), '# 2023年总结\n\n发展新会员xx人。\n');
    expect((await zongjieInProcess([...command!.split(' ').slice(1), 'a.md'], { cwd: dir })).status).toBe(1);
    // The workflow uses the action of this repository (action.yml, test/cli/action.test.ts), not a package from a registry.
    const workflow = parse(readFileSync(join(ROOT, 'docs', 'examples', 'github', 'zongjie.yml'), 'utf8')) as { permissions: Record<string, string>; jobs: { check: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] } } };
    const steps = workflow.jobs.check.steps;
    expect(workflow.permissions['security-events']).toBe('write');
    expect(steps.filter((s) => s.run)).toEqual([]);
    expect(steps.find((s) => s.uses?.includes('/zongjie@'))?.with?.paths).toBe('reports/');
  });
});

describe('zongjie init --hook', () => {
  const hookOf = (dir: string) => join(dir, '.git', 'hooks', 'pre-commit');

  it('writes the documented hook, executable, and it stops a commit with a placeholder', async () => {
    const dir = repo();
    const r = await zongjieInProcess(['init', '--hook'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(hookOf(dir));
    expect(readFileSync(hookOf(dir), 'utf8')).toBe(readFileSync(join(ROOT, 'docs', 'examples', 'pre-commit'), 'utf8'));
    expect(statSync(hookOf(dir)).mode & 0o111).toBe(0o111);
    // The hook runs the project's own zongjie: make this checkout's the one it finds.
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.bin', 'zongjie'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin', 'zongjie.js')}" "$@"\n`);
    chmodSync(join(dir, 'node_modules', '.bin', 'zongjie'), 0o755);
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
    writeFileSync(join(dir, '总结.md'), '# 20xx年工作总结\n');
    git(dir, 'add', '.');
    const blocked = git(dir, 'commit', '-m', 'draft');
    expect(blocked.status).toBe(1);
    expect(blocked.stdout + blocked.stderr).toContain('占位符“20xx”尚未填写');
    expect(git(dir, 'rev-parse', '--verify', 'HEAD').status).not.toBe(0);
  });

  it('without zongjie installed, the hook stops the commit and says why', () => {
    const dir = repo();
    writeFileSync(hookOf(dir), PRE_COMMIT_HOOK, { mode: 0o755 });
    writeFileSync(join(dir, 'a.txt'), '2023年工作总结\n');
    git(dir, 'add', '.');
    // A PATH with nothing on it: no zongjie anywhere (git itself is called by its full path).
    const gitPath = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const r = spawnSync(gitPath, ['commit', '-m', 'x'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: tempDir('zongjie-path-') } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('zongjie is not installed');
  });

  it('keeps a hook that is there unless --force, and writes where core.hooksPath says', async () => {
    const dir = repo();
    writeFileSync(hookOf(dir), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const kept = await zongjieInProcess(['init', '--hook'], { cwd: dir });
    expect(kept.status).toBe(2);
    expect(kept.stderr).toContain(`${hookOf(dir)} 已存在；要替换原有的钩子请加 --force`);
    expect(readFileSync(hookOf(dir), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
    expect((await zongjieInProcess(['init', '--hook', '--force'], { cwd: dir })).status).toBe(0);
    expect(readFileSync(hookOf(dir), 'utf8')).toBe(PRE_COMMIT_HOOK);
    git(dir, 'config', 'core.hooksPath', 'hooks');
    mkdirSync(join(dir, 'sub'));
    expect((await zongjieInProcess(['init', '--hook'], { cwd: join(dir, 'sub') })).status).toBe(0);
    expect(readFileSync(join(dir, 'hooks', 'pre-commit'), 'utf8')).toBe(PRE_COMMIT_HOOK);
  });

  it('outside a git repository: exit 2, nothing written', async () => {
    const dir = tempDir('zongjie-nogit-');
    const r = await zongjieInProcess(['init', '--hook', '--lang', 'en'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^zongjie: --hook: not in a git repository \(fatal: not a git repository/);
    expect(existsSync(join(dir, '.git'))).toBe(false);
  });
});

describe('--cache', () => {
  it('reuses results for unchanged files and misses when a rule file changes', async () => {
    const dir = tempDir('zongjie-cache-');
    writeFileSync(join(dir, 'a.txt'), '全年开展开展培训xx期。\n');
    const first = await zongjieInProcess(['check', '--cache', '--format', 'json', 'a.txt'], { cwd: dir });
    const cache = JSON.parse(readFileSync(join(dir, '.zongjiecache'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(cache.entries)).toHaveLength(1);
    const second = await zongjieInProcess(['check', '--cache', '--format', 'json', 'a.txt'], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
    writeFileSync(join(dir, '.zongjierc.yml'), 'checks:\n  doubled-word: off\n');
    const third = JSON.parse((await zongjieInProcess(['check', '--cache', '--format', 'json', 'a.txt'], { cwd: dir })).stdout) as { messages: { ruleId: string }[] }[];
    expect(third[0]!.messages.map((m) => m.ruleId)).toEqual(['placeholder']);
  });
});

describe('lazy loading', () => {
  it('a run of checks that need no segmentation never loads nodejieba', async () => {
    // Modules of its own, as in a process of its own: the test files of a worker share theirs
    // (vitest.config.ts: isolate false), and an earlier one may have loaded the segmenter.
    vi.resetModules();
    const { SourceCode } = await import('../../src/source/source-code.js');
    const { lintDocument } = await import('../../src/lint/engine.js');
    const { loadLexicon } = await import('../../src/config/lexicon.js');
    const { isSegmenterLoaded } = await import('../../src/segment/index.js');
    const checks = new Map(['placeholder', 'artifact', 'repeated-sentence', 'duplicate-section', 'required-section'].map((id) => [id, { severity: 'error' as const, options: {} }]));
    checks.set('duplicate-section', { severity: 'error', options: { threshold: 0.8, minChars: 12, minBlock: 3 } });
    checks.set('repeated-sentence', { severity: 'error', options: { minLength: 8 } });
    checks.set('required-section', { severity: 'error', options: { sections: [] } });
    const result = lintDocument(SourceCode.fromText('a.txt', '202_年工作总结\n全年发展新会员xx人。'), { checks, ignore: [], files: [], sources: [], hash: '' }, { lexicon: loadLexicon() });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['placeholder', 'placeholder']);
    expect(isSegmenterLoaded()).toBe(false);
  });
});

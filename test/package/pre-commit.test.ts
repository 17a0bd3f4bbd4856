// The pre-commit framework (https://pre-commit.com) on a clean clone: `pre-commit try-repo . zongjie`
// installs the hook of .pre-commit-hooks.yaml as pre-commit does for any user (npm install in a
// clone of the repository, npm pack, npm install -g of the tarball) and runs it on the staged
// files: a staged draft with a placeholder fails it. Slow (two installs that compile nodejieba): it
// runs when ZONGJIE_PACKAGE_TESTS=1, as .ci/run sets it, which also installs pre-commit (Debian's).
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanCopy } from '../helpers/clean-copy.js';

const ENABLED = process.env.ZONGJIE_PACKAGE_TESTS === '1';

describe.skipIf(!ENABLED)('the pre-commit framework hook', () => {
  it('pre-commit try-repo on a clean clone fails on a staged draft with a placeholder, and names only it', () => {
    const clone = cleanCopy('zongjie-clone-');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.email=editor@example.com', '-c', 'user.name=Editor', 'add', '.');
    git('-c', 'user.email=editor@example.com', '-c', 'user.name=Editor', 'commit', '-qm', 'zongjie');
    writeFileSync(join(clone, 'draft.txt'), '202_年度工作总结\n\n全年发展新会员xx人。\n');
    writeFileSync(join(clone, 'clean.md'), '# 2023年度工作总结\n\n全年发展新会员20人。\n');
    git('add', 'draft.txt', 'clean.md');
    const r = spawnSync('pre-commit', ['try-repo', '.', 'zongjie'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 20 * 60_000,
      // The install quirk of this machine (README, "Install"): its ~/.npmrc says yes=false, which
      // would cancel nodejieba's install script in pre-commit's global install of the hook.
      env: { ...process.env, npm_config_yes: 'true', NO_COLOR: '1', ZONGJIE_LANG: '' },
    });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/zongjie check \(报告草稿检查\)\.+Failed/);
    expect(r.stdout).toContain('draft.txt\n  1:1  错误  占位符“202_”尚未填写');
    expect(r.stdout).toContain('占位符“xx”尚未填写');
    expect(r.stdout).not.toContain('clean.md');
  }, 25 * 60_000);
});

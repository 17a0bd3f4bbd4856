// `zongjie init --hook`: a git pre-commit hook that runs `zongjie check --staged`, so that a commit
// whose staged reports still have errors (placeholders, blank counts …) is refused. The same script
// is docs/examples/pre-commit (a test keeps the two equal).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError, say } from './shared.js';

// The project's own install first (npm install --save-dev zongjie), else one on PATH; git runs a
// hook at the top of the working tree. Without zongjie the hook stops the commit rather than let
// an unchecked report through.
export const PRE_COMMIT_HOOK = `#!/bin/sh
# zongjie: refuse a commit whose staged reports (.txt, .md, .docx) still have errors, such as
# placeholders or blank counts. Written by \`zongjie init --hook\`; \`git commit --no-verify\` skips it once.
if [ -x node_modules/.bin/zongjie ]; then
  exec node_modules/.bin/zongjie check --staged
fi
if command -v zongjie >/dev/null 2>&1; then
  exec zongjie check --staged
fi
echo 'zongjie pre-commit hook: zongjie is not installed (npm install --save-dev zongjie) / 未安装 zongjie' >&2
exit 1
`;

/** Where git looks for the pre-commit hook of the repository at `cwd` (core.hooksPath respected). */
function hookPath(cwd: string): string {
  try {
    const path = execFileSync('git', ['rev-parse', '--git-path', 'hooks/pre-commit'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    return resolve(cwd, path);
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string };
    const reason = code === 'ENOENT' ? 'git is not installed' : (stderr ?? '').trim().split('\n')[0] || String(error);
    throw new UsageError(say('cli.hookNoGit', { reason }));
  }
}

/** Write the hook (executable); an existing hook is replaced only with `force`. Returns its path. */
export function installPreCommitHook(cwd: string, force: boolean): string {
  const path = hookPath(cwd);
  if (existsSync(path) && !force) throw new UsageError(say('cli.hookExists', { path }));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, PRE_COMMIT_HOOK, { flag: force ? 'w' : 'wx', mode: 0o755 });
  chmodSync(path, 0o755);
  return path;
}

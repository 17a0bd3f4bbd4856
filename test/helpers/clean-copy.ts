// A clean copy of this repository as a fresh clone would have it: the files git tracks or would
// track (uncommitted work included), no node_modules, no dist, no build output, in a folder of
// its own outside the repository. test/package/ packs and installs from such a copy.
import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './corpus.js';
import { tempDir } from './temp.js';

export function cleanCopy(prefix: string): string {
  const dir = tempDir(prefix);
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const path of new Set(listed.split('\0').filter(Boolean))) {
    // undefined: tracked, deleted in the working tree.
    const stats = lstatSync(join(ROOT, path), { throwIfNoEntry: false });
    if (!stats) continue;
    // A worktree's node_modules is a link to the shared one, which git lists as a file.
    if (!stats.isFile() || path === 'node_modules') continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(join(ROOT, path), join(dir, path));
  }
  return dir;
}

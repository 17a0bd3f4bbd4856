// Files staged in git, read from the index (`git show :path`), not from the working tree: what a
// pre-commit check must judge is what will be committed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface StagedFile {
  /** Path as git prints it: relative to the repository's top, with forward slashes. */
  path: string;
  bytes: Buffer;
}

export class GitError extends Error {}

async function git(args: string[], cwd: string): Promise<Buffer> {
  try {
    const { stdout } = await run('git', ['-c', 'core.quotepath=off', ...args], { cwd, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new GitError(stderr || (error as Error).message);
  }
}

/** Added, copied, modified or renamed files in the index, filtered by `wanted`. */
export async function stagedFiles(cwd: string, wanted: (path: string) => boolean): Promise<StagedFile[]> {
  const top = (await git(['rev-parse', '--show-toplevel'], cwd)).toString().trim();
  const names = (await git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], top)).toString('utf8').split('\0').filter(Boolean);
  const files: StagedFile[] = [];
  for (const path of names.filter(wanted)) files.push({ path, bytes: await git(['show', `:${path}`], top) });
  return files;
}

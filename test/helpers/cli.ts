// Run the built CLI as a user would: a separate process, stdout, stderr and exit status.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './corpus.js';

export interface CliResult { status: number; stdout: string; stderr: string }

export function zongjie(args: string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'zongjie.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // The messages are Chinese unless a test asks otherwise, whatever ZONGJIE_LANG the shell has.
    env: { ...process.env, NO_COLOR: '1', ZONGJIE_LANG: '', ...options.env },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

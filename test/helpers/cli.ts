// Run the built CLI as a user would: a separate process, stdout, stderr and exit status (zongjie);
// or the same built CLI called in this test worker's process (zongjieInProcess), or many runs in one
// spawned process (zongjieBatch): no node start-up, module loading or nodejieba load per run (about
// 2 s of CPU each on the 2-core CI machine).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { runInProcess } from './cli-in-process.mjs';
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

/**
 * `zongjie args` as the spawned CLI runs it (built dist/, cwd, stdin, environment, no TTY), but called
 * in this test worker's process: for what a command prints, not for what is about the process
 * (exit on a crash, signals, kill, uid, a real stdin pipe). See cli-in-process.mjs.
 */
export function zongjieInProcess(args: string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv; root?: string } = {}): Promise<CliResult> {
  return runInProcess(args, options);
}

/**
 * Several runs in one spawned process (one node start-up and nodejieba load for all of them), with
 * spawnSync options such as uid and gid: for series of runs that must be another process's.
 */
export function zongjieBatch(jobs: { args: string[]; cwd?: string; input?: string | Buffer }[], spawnOptions: { uid?: number; gid?: number; timeout?: number } = {}): CliResult[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'test', 'helpers', 'cli-in-process.mjs')], {
    input: JSON.stringify({ jobs: jobs.map((j) => ({ ...j, ...(j.input !== undefined ? { input: Buffer.from(j.input).toString('base64') } : {}) })) }),
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    ...spawnOptions,
  });
  if (r.status !== 0) throw new Error(`cli-in-process.mjs exited ${r.status} (signal ${r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout) as CliResult[];
}

// Running one measured process: wall time from here, CPU time and peak RSS from the process itself —
// through /usr/bin/time when the machine has it, else through a preloaded hook (bench/rss-hook.js)
// that writes the node process's own process.resourceUsage() as it exits.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME) && spawnSync(TIME, ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
const hook = new URL('./rss-hook.js', import.meta.url).href;

export const rssSource = hasTime ? '/usr/bin/time' : 'process.resourceUsage() (preloaded hook)';

/**
 * Run `node ...args` (args without the node binary) to completion. stdout goes to the file `out`
 * (or nowhere); stderr is kept for error messages. Returns seconds (wall), cpuSeconds (user + system),
 * maxRssKb, status and stderr.
 */
export function runNode(args, { cwd, out = null, env = process.env } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'zongjie-bench-'));
  const usageFile = join(scratch, 'usage');
  const stdoutFd = out ? openSync(out, 'w') : 'ignore';
  let argv;
  let childEnv = env;
  if (hasTime) argv = [TIME, '-f', '%U %S %M', '-o', usageFile, process.execPath, ...args];
  else {
    argv = [process.execPath, '--import', hook, ...args];
    childEnv = { ...env, BENCH_USAGE_FILE: usageFile };
  }
  const start = process.hrtime.bigint();
  const res = spawnSync(argv[0], argv.slice(1), { cwd, env: childEnv, stdio: ['ignore', stdoutFd, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (typeof stdoutFd === 'number') closeSync(stdoutFd);
  let cpuSeconds = NaN;
  let maxRssKb = NaN;
  try {
    const text = readFileSync(usageFile, 'utf8');
    if (hasTime) {
      // "Command exited with non-zero status N" may come first: the numbers are on the last line.
      const last = text.trim().split('\n').at(-1).trim().split(/\s+/).map(Number);
      cpuSeconds = last[0] + last[1];
      maxRssKb = last[2];
    } else {
      const usage = JSON.parse(text);
      cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
      maxRssKb = usage.maxRSS;
    }
  } catch {
    // the process died before reporting: leave NaN, the caller sees the status
  }
  rmSync(scratch, { recursive: true, force: true });
  const status = res.status ?? (res.signal ? 128 : 1);
  return { seconds, cpuSeconds, maxRssKb, status, signal: res.signal, stderr: res.stderr?.toString() ?? '', error: res.error };
}

// The built CLI (dist/cli, as bin/zongjie.js runs it) called in this process instead of a new one:
// stdout and stderr captured, stdin, cwd and environment as spawnSync would give them, no TTY. Saves
// the node start-up, module loading and nodejieba load of every spawned run (about 2 s of CPU each on
// the 2-core CI machine). Plain JavaScript, so that a child process can run it too:
//
//   node test/helpers/cli-in-process.mjs < jobs.json   runs { root?, jobs: [{ args, cwd?, input? (base64) }] }
//                                                      one after another, prints [{ status, stdout, stderr }]
//
// which gives a whole series of runs as another user (files.test.ts runs as nobody) for one start-up.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Node's own loader (require of an ES module, Node ≥ 20.19), never a test runner's: one load per package root. */
const require = createRequire(import.meta.url);
const mains = new Map();
function mainOf(root) {
  let main = mains.get(root);
  if (!main) {
    main = require(join(root, 'dist', 'cli', 'index.js')).main;
    mains.set(root, main);
  }
  return main;
}

let queue = Promise.resolve();

/**
 * `zongjie ...args` run in this process; runs queue one after another (they share process.stdout,
 * process.cwd() and process.env while they run).
 * @param {string[]} args
 * @param {{ input?: string | Buffer, cwd?: string, env?: Record<string, string | undefined>, root?: string }} [options]
 * @returns {Promise<{ status: number, stdout: string, stderr: string }>}
 */
export function runInProcess(args, options = {}) {
  const run = queue.then(() => runNow(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(args, options) {
  const root = options.root ?? ROOT;
  const main = mainOf(root);
  const out = [];
  const err = [];
  // As the spawning helpers set them: no colour, the messages in Chinese unless a test asks otherwise.
  const env = { NO_COLOR: '1', ZONGJIE_LANG: '', ...options.env };
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const savedCwd = process.cwd();
  const stdinDescriptor = Object.getOwnPropertyDescriptor(process, 'stdin');
  const streams = [[process.stdout, out], [process.stderr, err]];
  const saved = streams.map(([stream]) => ({ write: stream.write, isTTY: Object.getOwnPropertyDescriptor(stream, 'isTTY'), errorListeners: stream.listeners('error') }));
  for (const [stream, chunks] of streams) {
    stream.write = (chunk, encoding, callback) => {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (done) process.nextTick(done);
      return true;
    };
    // A pipe, as for a spawned run: no progress bar, no colour.
    Object.defineProperty(stream, 'isTTY', { value: false, configurable: true, writable: true });
  }
  // The input, or (as spawnSync gives it without one) an empty pipe that ends at once.
  const stdin = Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]);
  Object.defineProperty(process, 'stdin', { configurable: true, enumerable: true, get: () => stdin });
  setEnv(env);
  let status;
  try {
    process.chdir(options.cwd ?? ROOT);
    status = await main(['node', join(root, 'bin', 'zongjie.js'), ...args]);
  } finally {
    process.chdir(savedCwd);
    Object.defineProperty(process, 'stdin', stdinDescriptor);
    setEnv(savedEnv);
    streams.forEach(([stream], i) => {
      const before = saved[i];
      stream.write = before.write;
      if (before.isTTY) Object.defineProperty(stream, 'isTTY', before.isTTY);
      else delete stream.isTTY;
      // main() adds an EPIPE handler to stdout on every call: keep the process's own listeners only.
      for (const listener of stream.listeners('error')) if (!before.errorListeners.includes(listener)) stream.removeListener('error', listener);
    });
  }
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

function setEnv(values) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

// As a script: the jobs on stdin, the results on stdout.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { root, jobs } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const results = [];
  for (const job of jobs) {
    results.push(await runInProcess(job.args, { ...(root ? { root } : {}), ...(job.cwd ? { cwd: job.cwd } : {}), ...(job.input !== undefined ? { input: Buffer.from(job.input, 'base64') } : {}) }));
  }
  process.stdout.write(JSON.stringify(results));
}

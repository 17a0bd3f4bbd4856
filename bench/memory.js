// Memory in proportion to the input (issue 23): `check`, `extract` and `stats` on ONE large report
// of 20 MB and of 100 MB, each in a process of its own (bin/zongjie.js, as a user runs it), peak RSS
// against the bound 10 × input + 300 MB. The report is the demo archive (scripts/make-archive.mjs,
// seed 7) laid end to end until it is that size: real text, real figures, real duplicates.
//
//   node bench/memory.js [MB ...]        (default: 20 100; part of `npm run bench`)
//
// Prints a table and a JSON line; exits 1 when a run passes its bound, or dies without a message.
// A run that refuses the file with its one-line message (too large for the heap) is shown as
// "refused": no crash, but the file was not analysed, so the bound is not met.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode, rssSource } from './proc.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const MBS = sizes.length ? sizes : [20, 100];
const log = (msg) => process.stderr.write(`${msg}\n`);
const scratch = mkdtempSync(join(tmpdir(), 'zongjie-memory-'));

function reportFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...reportFiles(path));
    else if (entry.name.endsWith('.txt')) out.push(path);
  }
  return out.sort();
}

/** One report of `mb` MB: the archive's reports end to end (the archive is made once, as large as the largest). */
function largeReport(mb, archive) {
  const path = join(scratch, `report-${mb}mb.txt`);
  const fd = openSync(path, 'w');
  let written = 0;
  try {
    while (written < mb * 1e6) {
      for (const file of reportFiles(archive)) {
        const bytes = readFileSync(file);
        writeSync(fd, bytes);
        written += bytes.length;
        if (written >= mb * 1e6) break;
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

const archive = join(scratch, 'archive');
const made = spawnSync(process.execPath, [join(root, 'scripts', 'make-archive.mjs'), archive, '--size-mb', String(Math.max(...MBS)), '--seed', '7'], { encoding: 'utf8' });
if (made.status !== 0) {
  log(made.stderr);
  process.exit(2);
}

/** The last 4 KB of a file (an output can be hundreds of MB). */
function tail(path) {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(4096, size));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const rows = [];
let failed = false;
for (const mb of MBS) {
  const file = largeReport(mb, archive);
  const inputMb = statSync(file).size / 1024 / 1024;
  const boundMb = 10 * inputMb + 300;
  for (const command of [['check'], ['extract'], ['stats', '--workers', '1']]) {
    const out = join(scratch, 'out.txt');
    const run = runNode([join(root, 'bin', 'zongjie.js'), ...command, file], { cwd: scratch, out, env: { ...process.env, NO_COLOR: '1', ZONGJIE_LANG: 'en' } });
    const peakMb = run.maxRssKb / 1024;
    // check prints a file it could not read in its report (stdout), the others on stderr.
    const refused = /too large to analyse/.test(run.stderr) || /too large to analyse/.test(tail(out));
    rmSync(out, { force: true });
    const crashed = run.signal !== null || run.status > 2 || /heap out of memory/i.test(run.stderr);
    const outcome = crashed ? 'crashed' : refused ? 'refused' : 'analysed';
    const met = outcome === 'analysed' && peakMb <= boundMb;
    if (!met) failed = true;
    rows.push({ command: command[0], inputMb: Number(inputMb.toFixed(1)), peakRssMb: Math.round(peakMb), boundMb: Math.round(boundMb), seconds: Number(run.seconds.toFixed(1)), outcome, met });
    log(`${command[0]} ${inputMb.toFixed(1)} MB: ${outcome}, peak ${Math.round(peakMb)} MB (bound ${Math.round(boundMb)} MB), ${run.seconds.toFixed(1)} s`);
  }
  rmSync(file, { force: true });
}
rmSync(scratch, { recursive: true, force: true });

const table = [
  `peak RSS from ${rssSource}; bound 10 × input + 300 MB`,
  '| command | input MB | peak RSS MB | bound MB | seconds | outcome | met? |',
  '|---|---:|---:|---:|---:|---|---|',
  ...rows.map((r) => `| ${r.command} | ${r.inputMb} | ${r.peakRssMb} | ${r.boundMb} | ${r.seconds} | ${r.outcome} | ${r.met ? 'yes' : 'no'} |`),
].join('\n');
process.stdout.write(`${table}\n${JSON.stringify({ memory: rows })}\n`);
process.exit(failed ? 1 : 0);

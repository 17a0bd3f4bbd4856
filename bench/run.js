// npm run bench: throughput, scaling, latency and memory of zongjie on generated archives, against
// the floor (opencc conversion + nodejieba segmentation of the same text, measured in the same run)
// and against textlint with a comparable regex rule set. Prints a Markdown table and writes
// bench/results.json. Not a test: numbers vary by machine; the ratios are what to compare.
//
//   BENCH_SIZES=5,25,50   archive sizes in MB (default 5,25,50)
//   BENCH_QUICK=1         5 MB only
//   BENCH_SEED=42         generator seed
//   BENCH_RUNS=5          runs of each one-draft latency measurement (the best is kept)
//   BENCH_ROUNDS=3        rounds of the throughput and stats measurements, interleaved (the best
//                         of each is kept: this shared machine's speed drifts by ±20% over minutes,
//                         and the floor and what is compared with it must see the same machine)
//
// Each measurement is a process of its own, so its peak RSS is its own. The archives are built by
// scripts/make-archive.mjs into bench/out/ once per seed and size, and reused.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureArchive, ensureDraft } from './corpora.js';
import { runNode, rssSource } from './proc.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const outDir = join(benchDir, 'out');
const outputs = join(outDir, 'outputs'); // what each measured command printed, for a look afterwards
rmSync(outputs, { recursive: true, force: true });
mkdirSync(outputs, { recursive: true });

const sizes = process.env.BENCH_QUICK === '1' ? [5] : (process.env.BENCH_SIZES ?? '5,25,50').split(',').map((s) => Number(s.trim())).filter((n) => n > 0).sort((a, b) => a - b);
if (!sizes.length) throw new Error('BENCH_SIZES gives no size');
const seed = Number(process.env.BENCH_SEED ?? 42);
const latencyRuns = Number(process.env.BENCH_RUNS ?? 5);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

const TARGET = {
  // check and extract at least 0.6 of the floor's MB/s, judged on ≥ 50 MB: throughput is a rate over
  // a long run, and on 5 MB a CLI run's fixed start-up (node, its modules, nodejieba's load: about
  // 1 s, which the floor makes before its clock starts) is a third of its time
  floorRatio: 0.6,
  linear: 1.2, // time per MB on the largest archive at most 1.2× that on the smallest
  latencyRatio: 1.3, // one-draft check at most 1.3× a process that only loads nodejieba
  rssMb: 400, // check and extract on ≥ 50 MB
  statsRssMb: 500, // stats on ≥ 50 MB
  speedup: 1.7, // stats with 2 workers vs 1
  bigMb: 50,
};

const log = (msg) => process.stderr.write(`${msg}\n`);
const benchStarted = performance.now();
const loadAtStart = loadavg();

// A snapshot of the package, so a rebuild of dist/ while the bench runs (others work in src/)
// cannot change what is measured halfway. node_modules resolve from the real root above it.
const pkg = join(outDir, 'pkg');
rmSync(pkg, { recursive: true, force: true });
for (const part of ['bin', 'dist', 'rules', 'package.json']) cpSync(join(root, part), join(pkg, part), { recursive: true });
const zongjie = join(pkg, 'bin', 'zongjie.js');
const textlint = join(root, 'node_modules', 'textlint', 'bin', 'textlint.js');
if (!existsSync(textlint)) throw new Error('textlint is not installed: npm install (it is a devDependency)');
const childEnv = { ...process.env, BENCH_PKG: pkg, NO_COLOR: '1', FORCE_COLOR: '0' };

const archives = sizes.map((sizeMb) => ensureArchive(root, { sizeMb, seed, log }));
const draft = ensureDraft(root, archives[0].dir);
log(`archives: ${archives.map((a) => `${a.sizeMb} MB (${a.files} files, ${(a.bytes / 1e6).toFixed(2)} MB${a.reused ? ', reused' : ''})`).join('; ')}`);
log(`draft: ${relative(root, draft.path)} (${draft.bytes} bytes); peak RSS from ${rssSource}`);

const rows = [];
const mb = (bytes) => bytes / 1e6;
const rssMb = (kb) => kb / 1024;

function fail(label, res) {
  const why = res.error ? res.error.message : res.signal ? `signal ${res.signal}` : `exit ${res.status}`;
  throw new Error(`${label} failed (${why}):\n${res.stderr.slice(-2000)}`);
}

/** An in-process measurement (bench/measure.js KIND DIR) in its own process. */
function measureChild(kind, archive) {
  log(`  ${kind} …`);
  const res = runNode([join(benchDir, 'measure.js'), kind, archive.dir], { cwd: root, out: join(outputs, `${kind}-${archive.sizeMb}mb.json`), env: childEnv });
  if (res.status !== 0) fail(`${kind} on ${archive.sizeMb} MB`, res);
  const line = readFileSync(join(outputs, `${kind}-${archive.sizeMb}mb.json`), 'utf8').trim().split('\n').at(-1);
  const m = JSON.parse(line);
  return { seconds: m.seconds, cpuSeconds: m.cpuSeconds, processSeconds: res.seconds, processCpuSeconds: res.cpuSeconds, maxRssKb: m.maxRssKb, bytes: m.bytes, files: m.files, checksum: m.checksum };
}

/** A whole CLI process over an archive; okStatus lists the exit statuses that mean "ran fine". */
function measureCli(name, args, archive, okStatus = [0]) {
  log(`  ${name} …`);
  const out = join(outputs, `${name.replace(/\W+/g, '-')}-${archive.sizeMb}mb.out`);
  const res = runNode(args, { cwd: root, out, env: childEnv });
  if (!okStatus.includes(res.status)) fail(`${name} on ${archive.sizeMb} MB`, res);
  return { seconds: res.seconds, cpuSeconds: res.cpuSeconds, maxRssKb: res.maxRssKb, bytes: archive.bytes, files: archive.files, status: res.status, outputBytes: statSync(out).size };
}

/**
 * Each measurement `rounds` times, round-robin (A B C, A B C, …), keeping each one's fastest run
 * (peak RSS: the largest of its runs); every run's seconds are kept in `runs`.
 */
function bestOfRounds(measurements) {
  const runs = Object.fromEntries(Object.keys(measurements).map((name) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    if (rounds > 1) log(`  round ${round}/${rounds}`);
    for (const [name, measure] of Object.entries(measurements)) runs[name].push(measure());
  }
  return Object.fromEntries(Object.entries(runs).map(([name, rs]) => {
    const best = rs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    return [name, { ...best, maxRssKb: Math.max(...rs.map((r) => r.maxRssKb)), runs: rs.map((r) => r.seconds) }];
  }));
}

const perSize = new Map();
for (const archive of archives) {
  log(`${archive.sizeMb} MB:`);
  perSize.set(archive.sizeMb, bestOfRounds({
    floor: () => measureChild('floor', archive),
    'extract, library (1 thread)': () => measureChild('lib-extract', archive),
    'check, library (1 thread)': () => measureChild('lib-check', archive),
    'extract, CLI': () => measureCli('extract-cli', [zongjie, 'extract', archive.dir], archive),
    // check exits 1 when it finds errors, which generated drafts have (placeholders)
    'check, CLI': () => measureCli('check-cli', [zongjie, 'check', archive.dir], archive, [0, 1]),
    'textlint (regex rules), CLI': () => measureCli('textlint-cli', [textlint, '--no-textlintrc', '--rulesdir', join(benchDir, 'textlint-rules'), archive.dir], archive, [0, 1]),
  }));
}

// stats on the largest archive (the targets are for one of at least 50 MB), 1 and 2 workers
const largest = archives.at(-1);
log(`stats on ${largest.sizeMb} MB:`);
const statsArgs = (n) => [zongjie, 'stats', largest.dir, '--manifest', largest.manifest, '--workers', String(n), '--no-progress'];
const { 1: stats1, 2: stats2 } = bestOfRounds({ 1: () => measureCli('stats-w1', statsArgs(1), largest), 2: () => measureCli('stats-w2', statsArgs(2), largest) });

// one-draft latency: whole processes, best of N, against a process that only loads nodejieba. The
// processes compared take turns, so that a slow minute of the machine falls on both.
log('latency:');
function bestOfInterleaved(specs) {
  const runs = Object.fromEntries(Object.keys(specs).map((name) => [name, []]));
  for (let i = 0; i < latencyRuns; i++) {
    for (const [name, { args, okStatus = [0] }] of Object.entries(specs)) {
      const res = runNode(args, { cwd: root, out: join(outputs, `${name}.out`), env: childEnv });
      if (!okStatus.includes(res.status)) fail(name, res);
      runs[name].push(res);
    }
  }
  return Object.fromEntries(Object.entries(runs).map(([name, rs]) => {
    const best = rs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    return [name, { seconds: best.seconds, cpuSeconds: best.cpuSeconds, maxRssKb: Math.max(...rs.map((r) => r.maxRssKb)), runs: rs.map((r) => r.seconds) }];
  }));
}
const { 'node-empty': nodeOnly, 'nodejieba-load': jiebaLoad, 'check-draft': draftCheck } = bestOfInterleaved({
  'node-empty': { args: ['-e', ''] },
  'nodejieba-load': { args: ['-e', "require('nodejieba').load()"] },
  'check-draft': { args: [zongjie, 'check', draft.path], okStatus: [0, 1] },
});

// ---------------------------------------------------------------------------------------------
// The table

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const yes = (ok) => (ok === null ? '–' : ok ? 'yes' : '**no**');
function row(measurement, { sizeMb = null, bytes = null, seconds, cpuSeconds = NaN, maxRssKb = NaN, ratio = '', target = '', met = null, mbps }) {
  const r = {
    measurement,
    sizeMb,
    mb: bytes === null ? null : mb(bytes),
    seconds,
    cpuSeconds,
    mbPerSecond: mbps ?? (bytes === null ? null : mb(bytes) / seconds),
    ratio,
    peakRssMb: rssMb(maxRssKb),
    target,
    met,
  };
  rows.push(r);
  return r;
}

const bigEnough = (sizeMb) => sizeMb >= TARGET.bigMb;
// The same ratio within each round (the runs of one round are minutes apart, the rounds up to half
// an hour): the machine's drift moves the best of each far more than it moves a round's pair.
const byRound = (baseline, measured) => measured.runs.map((seconds, i) => baseline.runs[i] / seconds);
const roundsText = (ratios) => (ratios.length > 1 ? `; by round ${ratios.map((r) => fmt(r)).join(', ')}` : '');
for (const [sizeMb, m] of perSize) {
  const floorMbps = mb(m.floor.bytes) / m.floor.seconds;
  const floorCpuMbps = mb(m.floor.bytes) / m.floor.cpuSeconds;
  row(`floor: opencc + nodejieba (${sizeMb} MB)`, { sizeMb, ...m.floor, ratio: '1.00× floor' });
  for (const name of ['extract, library (1 thread)', 'check, library (1 thread)', 'extract, CLI', 'check, CLI']) {
    const r = m[name];
    const ratio = mb(r.bytes) / r.seconds / floorMbps;
    r.ratioToFloor = ratio;
    r.cpuRatioToFloor = mb(r.bytes) / r.cpuSeconds / floorCpuMbps;
    r.ratioToFloorByRound = byRound(m.floor, r);
    const judged = bigEnough(sizeMb);
    row(`${name} (${sizeMb} MB)`, {
      sizeMb, ...r,
      ratio: `${fmt(ratio)}× floor (by CPU ${fmt(r.cpuRatioToFloor)}×${roundsText(r.ratioToFloorByRound)})`,
      target: judged ? `≥ ${TARGET.floorRatio}× floor; RSS < ${TARGET.rssMb} MB` : `(≥ ${TARGET.floorRatio}× floor on ≥ ${TARGET.bigMb} MB)`,
      met: judged ? ratio >= TARGET.floorRatio && rssMb(r.maxRssKb) < TARGET.rssMb : null,
    });
  }
  const tl = m['textlint (regex rules), CLI'];
  const vsTextlint = m['check, CLI'].seconds / tl.seconds;
  row(`textlint (regex rules), CLI (${sizeMb} MB)`, { sizeMb, ...tl, ratio: `${fmt(mb(tl.bytes) / tl.seconds / floorMbps)}× floor; check CLI takes ${fmt(vsTextlint)}× its time` });
}

// scaling with size: time per MB on the largest archive against the smallest
const linearity = {};
if (archives.length > 1) {
  const small = perSize.get(sizes[0]);
  const big = perSize.get(sizes.at(-1));
  for (const name of ['floor', 'extract, library (1 thread)', 'check, library (1 thread)', 'extract, CLI', 'check, CLI', 'textlint (regex rules), CLI']) {
    const perMb = (r) => r.seconds / mb(r.bytes);
    const growth = perMb(big[name]) / perMb(small[name]);
    const cpuGrowth = (big[name].cpuSeconds / mb(big[name].bytes)) / (small[name].cpuSeconds / mb(small[name].bytes));
    const series = sizes.map((s) => ({ sizeMb: s, seconds: perSize.get(s)[name].seconds, secondsPerMb: perMb(perSize.get(s)[name]), cpuSecondsPerMb: perSize.get(s)[name].cpuSeconds / mb(perSize.get(s)[name].bytes) }));
    linearity[name] = { growth, cpuGrowth, series };
    const counts = name !== 'floor' && !name.startsWith('textlint');
    row(`scaling ${sizes.join('→')} MB: ${name === 'floor' ? 'floor' : name}`, {
      sizeMb: sizes.at(-1), bytes: big[name].bytes, seconds: big[name].seconds, cpuSeconds: big[name].cpuSeconds, maxRssKb: big[name].maxRssKb,
      ratio: `s/MB ${series.map((s) => fmt(s.secondsPerMb, 3)).join(' → ')} (${fmt(growth)}×; by CPU ${fmt(cpuGrowth)}×)`,
      target: counts ? `s/MB growth ≤ ${TARGET.linear}×` : '',
      met: counts ? growth <= TARGET.linear : null,
    });
  }
}

// stats and workers
const bigFloorMbps = mb(perSize.get(largest.sizeMb).floor.bytes) / perSize.get(largest.sizeMb).floor.seconds;
const statsTargetApplies = bigEnough(largest.sizeMb);
for (const [n, r] of [[1, stats1], [2, stats2]]) {
  row(`stats --workers ${n} (${largest.sizeMb} MB)`, {
    sizeMb: largest.sizeMb, ...r,
    ratio: `${fmt(mb(r.bytes) / r.seconds / bigFloorMbps)}× floor`,
    target: statsTargetApplies ? `RSS < ${TARGET.statsRssMb} MB` : `(RSS < ${TARGET.statsRssMb} MB on ≥ ${TARGET.bigMb} MB)`,
    met: statsTargetApplies ? rssMb(r.maxRssKb) < TARGET.statsRssMb : null,
  });
}
const speedup = stats1.seconds / stats2.seconds;
const speedupByRound = byRound(stats1, stats2);
row(`stats speed-up, 2 workers vs 1 (${largest.sizeMb} MB)`, {
  sizeMb: largest.sizeMb, bytes: stats2.bytes, seconds: stats2.seconds, cpuSeconds: stats2.cpuSeconds, maxRssKb: stats2.maxRssKb,
  ratio: `${fmt(speedup)}× one worker (best of each${roundsText(speedupByRound)})`,
  target: `≥ ${TARGET.speedup}×${statsTargetApplies ? '' : ` (on ≥ ${TARGET.bigMb} MB)`}`,
  met: statsTargetApplies ? speedup >= TARGET.speedup : null,
});

// latency
row('process: node -e "" (for reference)', { ...nodeOnly, mbps: null });
row("process: node -e \"require('nodejieba').load()\"", { ...jiebaLoad, mbps: null, ratio: '1.00× nodejieba load' });
const latencyRatio = draftCheck.seconds / jiebaLoad.seconds;
row(`latency: zongjie check on one ${(draft.bytes / 1000).toFixed(1)} KB draft (whole process, best of ${latencyRuns})`, {
  bytes: draft.bytes, ...draftCheck,
  ratio: `${fmt(latencyRatio)}× nodejieba load (by CPU ${fmt(draftCheck.cpuSeconds / jiebaLoad.cpuSeconds)}×)`,
  target: `≤ ${TARGET.latencyRatio}× nodejieba load`,
  met: latencyRatio <= TARGET.latencyRatio,
});

const header = '| measurement | MB | seconds | CPU s | MB/s | ratio | peak RSS MB | target | met? |';
const lines = [header, '|---|---:|---:|---:|---:|---|---:|---|---|'];
for (const r of rows) {
  lines.push(`| ${r.measurement} | ${r.mb === null ? '' : fmt(r.mb)} | ${fmt(r.seconds)} | ${fmt(r.cpuSeconds)} | ${r.mbPerSecond === null ? '' : fmt(r.mbPerSecond)} | ${r.ratio} | ${fmt(r.peakRssMb, 0)} | ${r.target} | ${r.target ? yes(r.met) : ''} |`);
}
const totalSeconds = (performance.now() - benchStarted) / 1000;
const loadAtEnd = loadavg();
const cpu = cpus();
console.log(`zongjie bench — seed ${seed}, archives ${archives.map((a) => `${a.sizeMb} MB (${a.files} files)`).join(', ')}; node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? '?'}; load average ${fmt(loadAtStart[0])} at start, ${fmt(loadAtEnd[0])} at end\n`);
console.log(lines.join('\n'));
const missed = rows.filter((r) => r.met === false).map((r) => r.measurement);
console.log(`\n${missed.length ? `targets missed: ${missed.length}` : 'every target met'}. Seconds are wall-clock, the best of ${rounds} interleaved round${rounds > 1 ? 's' : ''} for the archive and stats rows (every run is in results.json), and MB/s, ratios and targets come from them; CPU s is user + system time`);
console.log('(of the timed part for the floor and library rows, of the whole process otherwise): on a busy machine the "by CPU" ratios are the steadier ones.');
console.log(`The bench took ${fmt(totalSeconds, 0)} s.`);

writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify({
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpu.length, cpuModel: cpu[0]?.model ?? null, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAtEnd, rssSource },
  seed,
  rounds,
  targets: TARGET,
  archives: archives.map((a) => ({ sizeMb: a.sizeMb, dir: relative(root, a.dir), files: a.files, bytes: a.bytes, reused: a.reused })),
  draft: { path: relative(root, draft.path), bytes: draft.bytes },
  measurements: Object.fromEntries([...perSize].map(([s, m]) => [`${s}MB`, m])),
  stats: { sizeMb: largest.sizeMb, workers1: stats1, workers2: stats2, speedup, speedupByRound },
  latency: { nodeEmpty: nodeOnly, nodejiebaLoad: jiebaLoad, checkDraft: draftCheck, ratio: latencyRatio },
  linearity,
  rows,
  missed,
  totalSeconds,
}, null, 2)}\n`);

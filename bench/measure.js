// One in-process measurement, run by bench/run.js in a child process of its own so that its peak
// RSS is its own: `node bench/measure.js KIND DIR`. Prints one JSON line: files, bytes, seconds and
// cpuSeconds of the timed part, maxRssKb (process.resourceUsage().maxRSS, the whole process's peak)
// and a checksum of the work.
//
// KIND:
//   floor        opencc conversion to simplified + nodejieba segmentation, line by line, of every
//                report (what any analysis of this text has to pay at least)
//   lib-extract  the library, one thread: Zongjie.extractFiles over the folder, as the CLI runs
//   lib-check    the library, one thread: Zongjie.lintFiles over the folder (config as the CLI finds
//                it from the working directory: the recommended preset), results not kept, as the CLI
//
// Every kind loads the segmenter (with the project's dictionary) and the rule data before the clock
// starts, and reads the files from disk inside the timed part.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reportFiles } from './corpora.js';

// The package to measure: bench/run.js passes its snapshot of bin/, dist/ and rules/ (BENCH_PKG),
// so a rebuild during the bench cannot change what is measured halfway.
const pkg = process.env.BENCH_PKG ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const { Zongjie, converter, detectScript, loadSegmenter, loadLexicon, loadLintConfig } = await import(pathToFileURL(join(pkg, 'dist', 'index.js')).href);

// The heap setting bin/zongjie.js makes, so that the library's peak RSS is the CLI's. With V8's
// default (the heap grows to up to 4x the live set between collections) the same library run peaked
// at about 500 MB on 50 MB with a live set of 35-45 MB, as a batch's documents and cuts are kept
// long enough to be moved to the old generation.
setFlagsFromString('--heap-growing-percent=20');

const [kind, dir] = process.argv.slice(2);
if (!kind || !dir) {
  console.error('usage: node bench/measure.js floor|lib-extract|lib-check DIR');
  process.exit(2);
}
const files = reportFiles(dir);
const bytes = files.reduce((n, f) => n + f.bytes, 0);

const jieba = loadSegmenter();
loadLexicon(); // cached: the runs below find it loaded
if (kind === 'lib-check') loadLintConfig({});

let checksum = 0;
const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
if (kind === 'floor') {
  const toCn = new Map();
  for (const f of files) {
    const text = readFileSync(f.path, 'utf8');
    const { variant } = detectScript(text);
    let convert = toCn.get(variant);
    if (!convert) toCn.set(variant, (convert = variant === 'cn' ? (t) => t : converter(variant, 'cn')));
    const simplified = convert(text);
    for (const line of simplified.split('\n')) if (line) checksum += jieba.cut(line).length;
  }
} else if (kind === 'lib-extract') {
  // As the CLI runs: each report read, extracted and dropped in turn.
  const run = await new Zongjie().extractFiles(files.map((f) => f.path), {}, (extraction) => {
    checksum += extraction.figures.length + extraction.placeholders.length + extraction.blanks.length + extraction.activities.length;
  });
  if (run.failures.length) throw new Error(`extract failures: ${run.failures.map((f) => f.file).join(', ')}`);
} else if (kind === 'lib-check') {
  // As the CLI runs: each file's results counted as it is checked, none kept (memory bounded by one file).
  const run = await new Zongjie().lintFiles([dir], (r) => {
    checksum += r.messages.length;
  });
  if (run.failures.length) throw new Error(`lint failures: ${run.failures.map((f) => f.file).join(', ')}`);
} else {
  console.error(`unknown kind ${kind}`);
  process.exit(2);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(`${JSON.stringify({ kind, files: files.length, bytes, seconds, cpuSeconds, maxRssKb: process.resourceUsage().maxRSS, checksum })}\n`);

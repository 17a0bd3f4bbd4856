#!/usr/bin/env node
// Demo-archive generator: builds a realistic multi-year archive of union work reports from the five
// seed reports in corpus/, so `zongjie stats` has something to show on a fresh machine and the
// benchmark has large deterministic corpora. Plain ESM on Node's standard library only.
//
//   node scripts/make-archive.mjs OUT_DIR [--units 8] [--years 2016-2025] [--seed 42] [--size-mb N]
//
// Writes OUT_DIR/<unit>/<year>年度工作总结.txt, OUT_DIR/manifest.csv (file,org,year; UTF-8 with BOM)
// and OUT_DIR/truth.json (the indicator values planted in each report, and their sums).
//
// How a report is made: the seed reports are cut into pieces (篇), sections and paragraphs once;
// every sentence that already gives a figure for one of the six planted indicators is removed, so
// the planted sentences are the only figures those indicators have. Each report then takes a
// piece of its unit's usual kind, sometimes borrows a section of another piece of the same script,
// shuffles and drops paragraphs within sections, renumbers the outline, sets the years, scales the
// figures, plants one sentence per indicator, and (once per unit) repeats a planted paragraph.
// Everything random comes from a PRNG seeded by (seed, unit, year), so a report does not depend
// on how many other units are generated.
//
// The parts live in scripts/make-archive/: command-line.mjs (options, usage), rng.mjs, sources.mjs
// (the seed reports cut into pieces), outline.mjs (outline markers), figures.mjs (removing and
// varying figures), pool.mjs, units.mjs, indicators.mjs (what is planted, and how), report.mjs
// (building one report), render.mjs (laying it out), manifest.mjs (OUT_DIR, manifest.csv) and
// truth.mjs. This file writes the archive.
import fs from 'node:fs';
import path from 'node:path';
import { parseCommandLine, USAGE, UsageError } from './make-archive/command-line.mjs';
import { csvField, prepareOutDir } from './make-archive/manifest.mjs';
import { buildPool } from './make-archive/pool.mjs';
import { render } from './make-archive/render.mjs';
import { buildReport } from './make-archive/report.mjs';
import { Rng } from './make-archive/rng.mjs';
import { makeTruth, reportTruth } from './make-archive/truth.mjs';
import { makeUnit } from './make-archive/units.mjs';

const MB = 1_000_000;

function main(argv) {
  const started = process.hrtime.bigint();
  const opts = parseCommandLine(argv);
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const pool = buildPool();
  prepareOutDir(opts.outDir);

  const years = [];
  for (let y = opts.years[0]; y <= opts.years[1]; y++) years.push(y);
  const ctx = { seed: opts.seed, pool, years };
  const target = opts.sizeMb === null ? null : opts.sizeMb * MB;
  const minUnits = opts.sizeMb === null || opts.unitsGiven ? opts.units : 1;

  const manifest = ['file,org,year'];
  const reports = [];
  const orgs = [];
  let bytes = 0;
  for (let i = 0; i < minUnits || (target !== null && bytes < target); i++) {
    const unit = makeUnit(i, opts.seed, years, pool);
    const dir = path.join(opts.outDir, unit.name);
    fs.mkdirSync(dir, { recursive: true });
    orgs.push(unit.name);
    for (const year of unit.years) {
      const report = buildReport(unit, year, ctx);
      const { text, lineOf } = render(unit, year, report, new Rng(opts.seed, 'render', unit.name, year));
      const rel = `${unit.name}/${year}年度工作总结.txt`;
      const buf = Buffer.from(text, 'utf8');
      fs.writeFileSync(path.join(opts.outDir, rel), buf);
      bytes += buf.length;
      manifest.push([rel, unit.name, year].map(csvField).join(','));
      reports.push(reportTruth(rel, unit, year, report, text, lineOf, pool));
    }
  }

  fs.writeFileSync(path.join(opts.outDir, 'manifest.csv'), `\uFEFF${manifest.join('\n')}\n`);
  const truth = makeTruth(opts, years, orgs, reports, bytes);
  fs.writeFileSync(path.join(opts.outDir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(
    `make-archive: ${reports.length} files, ${(bytes / MB).toFixed(2)} MB, ${orgs.length} units, ` +
      `${years[0]}-${years[years.length - 1]}, seed ${opts.seed} → ${opts.outDir} (${seconds.toFixed(1)} s)\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`make-archive: ${err.message}\n`);
    if (err.code === 2) process.stderr.write(`${USAGE}\n`);
    process.exitCode = err.code;
  } else {
    process.stderr.write(`make-archive: ${err.stack ?? err}\n`);
    process.exitCode = 1;
  }
}

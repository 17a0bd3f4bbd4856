#!/usr/bin/env node
// The reduce step of a distributed `zongjie stats` run: reads the ndjson lines the map steps printed
// (one report per line, from stdin or the files named) and prints the archive's stats JSON, folded
// exactly as a single `zongjie stats` run folds its reports. Usage:
//   cat part-*.ndjson | node scripts/reduce-ndjson.mjs [--by org,year] > stats.json
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { StatsAggregator } from '../dist/batch/aggregate.js';
import { statsJson } from '../dist/report/stats-json.js';

const args = process.argv.slice(2);
const byIndex = args.indexOf('--by');
const byOrg = byIndex >= 0 && (args[byIndex + 1] ?? '').includes('org');
const files = args.filter((a, i) => a !== '--by' && i !== byIndex + 1);
const aggregator = new StatsAggregator({ byOrg, keepRows: true, themeTerms: 10 });

const reports = [];
for (const input of files.length ? files.map((f) => createReadStream(f)) : [process.stdin]) {
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    try {
      reports.push(JSON.parse(line));
    } catch {
      process.stderr.write(`reduce-ndjson: not a JSON line: ${line.slice(0, 80)}\n`);
      process.exitCode = 2;
    }
  }
}
// Map steps finish in any order: fold by file name so the result does not depend on it.
reports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
for (const report of reports) aggregator.add(report);
process.stdout.write(statsJson(aggregator.result()));

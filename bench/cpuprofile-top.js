// The top self-time functions of a V8 CPU profile (node --cpu-prof), for reading a slow bench row:
//   node --cpu-prof --cpu-prof-dir=bench/out/prof bench/measure.js lib-check bench/out/seed-42/5-mb
//   node bench/cpuprofile-top.js bench/out/prof/*.cpuprofile [--top 25]
// Prints self time by function, self time by file, and the inclusive (total) time of the project's
// own functions (dist/), each function counted once per sample however deep it recurses.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
const root = fileURLToPath(new URL('..', import.meta.url));

for (const file of args) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const dt = (profile.endTime - profile.startTime) / 1e3 / profile.samples.length; // ms per sample
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fileOf = (f) => (f.url ? relative(root, f.url.replace(/^file:\/\//, '')) : '');
  const nameOf = (f) => `${f.functionName || '(anonymous)'} ${f.url ? `${fileOf(f)}:${f.lineNumber + 1}` : ''}`.trim().slice(0, 160);
  const self = new Map();
  const byFile = new Map();
  const inclusive = new Map();
  for (const [id, n] of counts) {
    const f = byId.get(id).callFrame;
    self.set(nameOf(f), (self.get(nameOf(f)) ?? 0) + n);
    const file = fileOf(f) || '(native, gc, idle)';
    byFile.set(file, (byFile.get(file) ?? 0) + n);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const cf = byId.get(at).callFrame;
      if (!/(^|\/)dist\//.test(fileOf(cf))) continue;
      const key = nameOf(cf);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + n);
    }
  }
  const total = profile.samples.length;
  const table = (title, map) => {
    console.log(`\n| ${title} ms | % | |\n|---:|---:|---|`);
    for (const [key, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`| ${(n * dt).toFixed(0)} | ${((100 * n) / total).toFixed(1)} | ${key.replace(/\|/g, '\\|')} |`);
    }
  };
  console.log(`${file}: ${((total * dt) / 1e3).toFixed(2)} s sampled`);
  table('self', self);
  table('self by file', byFile);
  table('inclusive (dist/)', inclusive);
}

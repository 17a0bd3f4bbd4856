// OUT_DIR and its manifest.csv: preparing the folder (clearing only what an earlier archive's
// manifest listed) and the CSV field quoting the manifest is written with.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './command-line.mjs';

/** Make OUT_DIR ready: create it, or clear an earlier archive (only the files it listed). */
export function prepareOutDir(outDir) {
  if (!fs.existsSync(outDir)) {
    fs.mkdirSync(outDir, { recursive: true });
    return;
  }
  if (!fs.statSync(outDir).isDirectory()) throw new UsageError(`OUT_DIR is not a folder: ${outDir}`);
  const entries = fs.readdirSync(outDir);
  if (entries.length === 0) return;
  const manifest = path.join(outDir, 'manifest.csv');
  if (!fs.existsSync(manifest)) {
    throw new UsageError(`OUT_DIR is not empty and holds no earlier archive (no manifest.csv): ${outDir}`);
  }
  const rows = fs.readFileSync(manifest, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1);
  const dirs = new Set();
  for (const row of rows) {
    const file = parseCsvRow(row)[0];
    if (!file) continue;
    const full = path.resolve(outDir, file);
    if (!full.startsWith(outDir + path.sep)) continue;
    fs.rmSync(full, { force: true });
    dirs.add(path.dirname(full));
  }
  for (const dir of dirs) {
    if (dir !== outDir && fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  }
  fs.rmSync(path.join(outDir, 'truth.json'), { force: true });
  fs.rmSync(manifest, { force: true });
}

function parseCsvRow(row) {
  const out = [];
  let i = 0;
  while (i <= row.length && row.length > 0) {
    if (row[i] === '"') {
      let s = '';
      i++;
      while (i < row.length) {
        if (row[i] === '"' && row[i + 1] === '"') { s += '"'; i += 2; }
        else if (row[i] === '"') { i++; break; }
        else s += row[i++];
      }
      out.push(s);
      i++;
    } else {
      const end = row.indexOf(',', i);
      out.push(row.slice(i, end < 0 ? row.length : end));
      i = end < 0 ? row.length + 1 : end + 1;
    }
  }
  return out;
}

export function csvField(value) {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

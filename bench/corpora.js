// The bench's inputs: generated archives of about N MB (scripts/make-archive.mjs, deterministic per
// seed) and a 10 KB draft, all under bench/out/ (gitignored). An archive is reused while the
// generator, the seed corpus and the asked size and seed are unchanged; otherwise it is rebuilt.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';

/** Hash of what an archive depends on: the generator (its entry and its modules) and the seed reports. */
function inputsHash(root) {
  const h = createHash('sha256');
  const generator = join(root, 'scripts', 'make-archive');
  const files = [
    `${generator}.mjs`,
    ...readdirSync(generator).sort().map((f) => join(generator, f)),
    ...readdirSync(join(root, 'corpus')).sort().map((f) => join(root, 'corpus', f)),
  ];
  for (const f of files) {
    h.update(relative(root, f));
    h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

/** Every report (.txt, .md) under dir, sorted, with its size in bytes. */
export function reportFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (/\.(txt|md|markdown)$/.test(name)) out.push({ path: full, bytes: st.size });
    }
  };
  walk(dir);
  return out;
}

/**
 * The archive of about sizeMb MB for seed: bench/out/seed-S/N-mb/. Returns its folder, file count
 * and bytes (of the reports only; manifest.csv and truth.json are not inputs of any command).
 */
export function ensureArchive(root, { sizeMb, seed, log = () => {} }) {
  const generator = join(root, 'scripts', 'make-archive.mjs');
  if (!existsSync(generator)) throw new Error(`scripts/make-archive.mjs is missing: the bench needs it to build its corpora`);
  const dir = join(root, 'bench', 'out', `seed-${seed}`, `${sizeMb}-mb`);
  const stamp = join(dir, '.bench-stamp.json');
  const want = { sizeMb, seed, inputs: inputsHash(root) };
  let reused = false;
  if (existsSync(stamp)) {
    try {
      const have = JSON.parse(readFileSync(stamp, 'utf8'));
      reused = have.sizeMb === want.sizeMb && have.seed === want.seed && have.inputs === want.inputs && existsSync(join(dir, 'manifest.csv'));
    } catch {
      reused = false;
    }
  }
  if (!reused) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    log(`generating ${sizeMb} MB archive (seed ${seed}) …`);
    execFileSync(process.execPath, [generator, dir, '--size-mb', String(sizeMb), '--seed', String(seed)], { stdio: ['ignore', 'ignore', 'inherit'] });
    writeFileSync(stamp, `${JSON.stringify(want)}\n`);
    log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const files = reportFiles(dir);
  return { dir, sizeMb, seed, reused, files: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0), manifest: join(dir, 'manifest.csv') };
}

/**
 * A draft of about 10 KB, taken from the archive's reports in order (the first report long enough,
 * else reports joined) and cut after the last full sentence (。) before 10,240 bytes. Written as
 * bench/out/draft-10k.txt.
 */
export function ensureDraft(root, archiveDir, targetBytes = 10_000) {
  const out = join(root, 'bench', 'out', 'draft-10k.txt');
  const files = reportFiles(archiveDir);
  const long = files.find((f) => f.bytes >= targetBytes);
  let text = '';
  for (const f of long ? [long] : files) {
    text += readFileSync(f.path, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (!text.endsWith('\n')) text += '\n';
    if (Buffer.byteLength(text) >= targetBytes) break;
  }
  const max = targetBytes + 240;
  if (Buffer.byteLength(text) > max) {
    let cut = '';
    for (const ch of text) {
      if (Buffer.byteLength(cut) + Buffer.byteLength(ch) > max) break;
      cut += ch;
    }
    const end = cut.lastIndexOf('。');
    text = `${end > 0 ? cut.slice(0, end + 1) : cut}\n`;
  }
  if (!existsSync(out) || readFileSync(out, 'utf8') !== text) writeFileSync(out, text);
  return { path: out, bytes: Buffer.byteLength(text) };
}

// Build the page of `zongjie serve` into dist/server/public/ (run after tsc by `npm run build`):
// type-check its script with its own tsconfig (DOM, no Node), bundle it with esbuild into page.js,
// and copy index.html and page.css beside it. The server serves exactly these three files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'server', 'public');
const target = join(root, 'dist', 'server', 'public');

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const checked = spawnSync(process.execPath, [tsc, '-p', join(source, 'tsconfig.json')], { stdio: 'inherit' });
if (checked.status !== 0) {
  process.stderr.write('build-page: the page\'s script does not type-check (src/server/public/tsconfig.json)\n');
  process.exit(1);
}

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
await build({
  entryPoints: [join(source, 'main.ts')],
  outfile: join(target, 'page.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'page.css']) copyFileSync(join(source, file), join(target, file));

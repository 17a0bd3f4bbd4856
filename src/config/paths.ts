// Where the shipped rule files live: rules/ at the package root, from src/ (tests) or dist/ (built).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export function packageRoot(): string {
  // This file is src/config/paths.ts or dist/config/paths.js: the root is two levels up.
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function rulesDir(): string {
  return join(packageRoot(), 'rules');
}

// Temporary folders for one test file, removed when its tests are done (they were left in /tmp):
// test/setup.ts, run before every test file, calls removeTempDirs after it, also when the test files
// of a worker share their modules (vitest.config.ts: isolate false), where a hook registered here
// would be registered in the first file only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

// Run before every test file (vitest.config.ts: setupFiles), also when the test files of a worker
// share their modules (isolate: false): what a file made in /tmp is removed when it is done.
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/temp.js';

afterAll(removeTempDirs);

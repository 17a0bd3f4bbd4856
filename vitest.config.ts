import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The files that take longest (measured on the 2-core CI machine, longest first) start first, so
// that none of them starts last and runs alone while the other worker has nothing left to do; the
// others follow in vitest's own order (by the durations of the last run when it has them, as on a
// developer's machine, else by size, as on a clean checkout in CI).
const LONGEST_FIRST = [
  'test/robustness/library.property.test.ts',
  'test/robustness/safety.test.ts',
  'test/robustness/rules.test.ts',
  'test/browser/serve.test.ts',
  'test/robustness/files.test.ts',
  'test/robustness/large-counts.test.ts',
  'test/normalize/sourcemap.test.ts',
  'test/batch/stats.test.ts',
  'test/server/app.test.ts',
  'test/cli/contracts.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    return (await super.sort(files)).map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // nodejieba loads a dictionary per process: fewer, longer-lived workers are faster here.
    pool: 'forks',
    // Both cores (vitest's default leaves one free: the files then ran one after another).
    maxWorkers: 2,
    // A worker's test files share their modules, so nodejieba, the rule data and the built CLI that
    // test/helpers/cli.ts runs in process load once per worker, not once per file (npm test took
    // 2:36 instead of 3:56). A test that needs modules of its own calls vi.resetModules() and
    // imports them afresh (test/cli/presubmit.test.ts); test/setup.ts cleans up after every file.
    isolate: false,
    setupFiles: ['test/setup.ts'],
    sequence: { sequencer: LongestFirst },
  },
});

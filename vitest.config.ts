import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // nodejieba loads a dictionary per process: fewer, longer-lived workers are faster here.
    pool: 'forks',
  },
});

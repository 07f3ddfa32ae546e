// Test tiers: pure unit tests, integration tests against real databases (PGlite and,
// with TEST_DATABASE_URL, a PostgreSQL server), browser tests in Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time on a 2-core machine: an integration test waits on PostgreSQL
    // part of the time, so a second file uses the idle core. End-to-end and browser files
    // run one after another (fileParallelism): each starts servers and Chromium of its own.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file makes its own databases (an embedded copy, or one of its own on the server).
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

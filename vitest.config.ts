import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each integration test file gets its own database (SQLite in memory, a fresh PostgreSQL schema).
    pool: 'forks',
    // Two files at a time even on two cores (Vitest's default is one fewer than the cores): much
    // of a file's time is spent waiting on Chromium, PostgreSQL or a local mail server.
    maxWorkers: 2,
  },
});

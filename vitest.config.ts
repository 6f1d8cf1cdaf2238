import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Storage tests share one PostgreSQL database per file (each in its own schema); SQLite
    // tests use temporary files, so files can run in parallel.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

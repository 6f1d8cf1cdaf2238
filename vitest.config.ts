import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // The browser tests (test/e2e) drive the built app: web/dist is built first when missing or stale.
    globalSetup: ['test/e2e/global-setup.ts'],
    // Storage tests share one PostgreSQL database per file (each in its own schema); SQLite
    // tests use temporary files, so files can run in parallel.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // What a test waits for (an answer shown, a row landed) may take seconds on a busy machine: a poll
    // that gave up after Vitest's 1 s would test the machine's load, not the app. Polls that succeed
    // still end as soon as they do.
    expect: { poll: { timeout: 15_000 } },
  },
});

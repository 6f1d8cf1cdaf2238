#!/usr/bin/env -S node --max-old-space-size=512 --max-semi-space-size=4
// The `returndesk` executable. tsx's loader runs the TypeScript sources directly (no build step);
// it only transpiles on load, so the hot paths run at plain Node speed.
// The V8 flags keep the heap small: left alone, V8 lets short-lived import batches pile up to ~200 MB
// before collecting (a 1,000,000-row import peaked at 443 MB; with these flags 500,000 rows peak at
// 212 MB instead of 358 MB, at the same speed). 512 MB is far above what an import keeps alive.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv);

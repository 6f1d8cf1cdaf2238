#!/usr/bin/env -S node --max-old-space-size=512 --max-semi-space-size=16
// The `returndesk` executable. tsx's loader runs the TypeScript sources directly (no build step);
// it only transpiles on load, so the hot paths run at plain Node speed.
// The V8 flags keep the heap small: left alone, V8 lets short-lived import batches pile up to ~200 MB
// before collecting (a 1,000,000-row import peaked at 443 MB; with a 512 MB old generation and a 4 MB
// young one, 500,000 rows peaked at 212 MB instead of 358 MB). 512 MB is far above what an import
// keeps alive. The young generation is 16 MB, not 4: with 4 MB the short-lived objects of long runs
// were collected too often (500,000-row import 30.6 s at 233 MB peak with 4 MB, 23.2 s at 280 MB
// with 16 MB; claims reconciliation of bench:reconcile's data 46 s with 4 MB, 39 s with 16 MB).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv);

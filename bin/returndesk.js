#!/usr/bin/env node
// The `returndesk` executable. tsx's loader runs the TypeScript sources directly (no build step);
// it only transpiles on load, so the hot paths run at plain Node speed.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv);

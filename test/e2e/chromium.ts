import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

// Debian's Chromium, driven by playwright-core: no browser is ever downloaded. `.ci/run` installs it
// (apt-get install chromium fonts-noto-cjk) when missing; without it the browser tests skip, except
// under CI, where a missing browser fails the run.

export const chromiumPath = '/usr/bin/chromium';

// Flags verified on this machine kind (stack notes); playwright adds its own profile directory.
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether the browser tests can run here; throws under CI when Chromium is missing. */
export function hasChromium(): boolean {
  if (existsSync(chromiumPath)) return true;
  const message = `${chromiumPath} is missing: install it with "apt-get install -y chromium fonts-noto-cjk" to run the browser tests.`;
  if (process.env.CI) throw new Error(`CI is set, and ${message}`);
  console.warn(`Skipping the browser tests: ${message}`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
}

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './chromium.js';
import { startLiveServer } from './live-server.js';
import type { LiveServer, LiveServerOptions } from './live-server.js';
import { reportFailedPage, watchErrors } from './pages.js';
import type { ExpectedRefusal } from './pages.js';

// What every browser test file sets up the same way: one live server and one Chromium for the file, a
// fresh browser context (cookies, storage) per page, and no console error left when a test ends,
// Content-Security-Policy refusals included: the app must run under its strict policy.

/**
 * The options of every browser test's `describe`. A test drives a whole browser and server: with the
 * rest of the suite beside it on two cores one can take a minute, which says nothing about the app
 * (timings are not what these tests check), so each may take two.
 */
export const browserTests = { timeout: 120_000 } as const;

export interface PageOptions {
  readonly locale?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Refusals the test causes on purpose (a wrong setup code's 403): the browser logs them. */
  readonly expected?: readonly ExpectedRefusal[];
  /** Let the page read and write the clipboard (the Copy buttons). */
  readonly clipboard?: boolean;
}

export interface BrowserSession {
  server(): LiveServer;
  openPage(options?: PageOptions): Promise<Page>;
}

/** Registers the file's hooks; call it at the top of a `describe`. */
export function useBrowserSession(serverOptions: LiveServerOptions = {}, cleanUp?: () => void): BrowserSession {
  let server: LiveServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let errors: string[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startLiveServer(serverOptions), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    cleanUp?.();
  });
  afterEach(async ({ task }) => {
    // What the page showed when a test failed: the first thing to look at after a red CI run.
    if (task.result?.state === 'fail' && page !== undefined) await reportFailedPage(page, task.name);
    await context?.close();
    context = undefined;
    page = undefined;
    expect(errors).toEqual([]);
  });
  return {
    server: () => server!,
    async openPage(options = {}) {
      context = await browser!.newContext({ baseURL: server!.url, locale: options.locale ?? 'en-US', viewport: options.viewport ?? { width: 1280, height: 900 } });
      if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server!.url });
      page = await context.newPage();
      errors = watchErrors(page, options.expected);
      return page;
    },
  };
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { agent } from './live-server.js';

// What every browser test does: log in, read the queue's rows, save screenshots, and check that the
// page never logged an error (a CSP refusal shows up there too).

export const screenshotDir = join(process.cwd(), 'test-results', 'e2e');

/** Saves a full-page screenshot as test-results/e2e/<name>-<language of the page>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Expressions as text: they run in the page, whose DOM types the server's tsconfig does not load.
  const language = await page.evaluate<string>('document.documentElement.lang');
  await page.screenshot({ path: join(screenshotDir, `${name}-${language}.png`), fullPage: true });
}

/** Collects the page's console errors and uncaught exceptions, to assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    // Asking who is logged in before the login answers 401 by design; the browser logs every 4xx.
    if (message.type() === 'error' && !(message.text().includes('401') && message.location().url.endsWith('/api/auth/me'))) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function logIn(page: Page, baseUrl: string, labels = { user: 'User name', password: 'Password', submit: 'Log in' }): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL('**/login');
  await page.getByLabel(labels.user).fill(agent.username);
  await page.getByLabel(labels.password).fill(agent.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL('**/queue');
  await queueRows(page).first().waitFor();
}

export const queueRows = (page: Page) => page.locator('ol.queue-list > li > a.queue-row');

/** The case ids of the rows on screen, top to bottom. */
export async function rowCaseIds(page: Page): Promise<number[]> {
  return (await queueRows(page).evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-case-id')))));
}

/** The API's own answer for the logged-in user (the page's cookies), to compare the screen with. */
export async function apiQueue(page: Page, query = ''): Promise<{ items: { caseId: number; urgency: string; marketplace: string; sku: string }[]; total: number }> {
  const response = await page.request.get(`/api/accounts/1/queue?limit=50${query}`);
  expect(response.status()).toBe(200);
  return response.json();
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { agent, viewer } from './live-server.js';

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

/**
 * What a failed test's page showed: saved as test-results/e2e/failed-<test name>.png, and its address,
 * focused element and accessibility tree printed, since a CI log is all a red CI run leaves. A page
 * already gone is skipped.
 */
export async function reportFailedPage(page: Page, testName: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const name = testName.replace(/[^\w-]+/g, '-').slice(0, 80);
  await page.screenshot({ path: join(screenshotDir, `failed-${name}.png`), fullPage: true, timeout: 10_000 }).catch(() => undefined);
  const focused = await page.evaluate<string>('document.activeElement?.outerHTML.slice(0, 200) ?? "none"').catch(() => 'unknown');
  const tree = await page.locator('body').ariaSnapshot({ timeout: 10_000 }).catch(() => 'unavailable');
  console.error(`The page of "${testName}" at its failure: ${page.url()}\nfocused: ${focused}\n${tree.slice(0, 3000)}`);
}

/** A refusal a test causes on purpose (the browser logs every 4xx): its status and the API path answering it. */
export interface ExpectedRefusal {
  status: number;
  /** The path, or a pattern of paths when the test learns the id only later. */
  path: string | RegExp;
}

const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];

/** Collects the page's console errors and uncaught exceptions, to assert there were none but the `expected` refusals. */
export function watchErrors(page: Page, expected: readonly ExpectedRefusal[] = []): string[] {
  // Asking who is logged in before the login answers 401 by design.
  const allowed = [{ status: 401, path: '/api/auth/me' }, ...expected];
  const errors: string[] = [];
  page.on('console', (message) => {
    const path = pathOf(message.location().url) ?? '';
    const refusal = allowed.some((a) => message.text().includes(String(a.status)) && (typeof a.path === 'string' ? path === a.path : a.path.test(path)));
    if (message.type() === 'error' && !refusal) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export const englishLogin = { user: 'User name', password: 'Password', submit: 'Log in' };
export const chineseLogin = { user: '用户名', password: '密码', submit: '登录' };

/** Logs in as the owner and waits for the queue; `emptyQueue` when the account holds no cases to wait for. */
export async function logIn(page: Page, baseUrl: string, labels = englishLogin, options: { emptyQueue?: boolean } = {}): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL('**/login');
  await page.getByLabel(labels.user).fill(agent.username);
  await page.getByLabel(labels.password).fill(agent.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL('**/queue');
  if (options.emptyQueue) await page.locator('.empty-state').first().waitFor();
  else await queueRows(page).first().waitFor();
}

/** Logs in as the read-only `viewer` (a server started `{ withViewer: true }`) and waits for the queue's address. */
export async function logInAsViewer(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(englishLogin.user).fill(viewer.username);
  await page.getByLabel(englishLogin.password).fill(viewer.password);
  await page.getByRole('button', { name: englishLogin.submit }).click();
  await page.waitForURL('**/queue');
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

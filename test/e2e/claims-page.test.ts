import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../web/src/format.js';
import { formatCurrencyTotal } from '../../web/src/routes/claims/currency-format.js';
import { browserTests, useBrowserSession } from './browser-session.js';
import { hasChromium } from './chromium.js';
import { agent, viewer } from './live-server.js';
import { screenshot } from './pages.js';

// The claims page (docs/web.md#pages) in a real browser against the real server and the demo's data:
// the owner finds the claims from the page, the list is compared with the API's own answer (order and
// figures), a claim's packet is downloaded, one claim is recorded filed, a viewer sees no actions,
// and the page is shown in Chinese and at phone width.

interface ApiClaim { id: number; status: string; owedMinor: number; currency: string; marketplace: string; events?: { kind: string; note: string | null }[] }
interface ApiClaims { items: ApiClaim[]; total: number; totals: { month: string; currency: string; owedMinor: number; expiredMinor: number }[] }

/** A logged-in API client on the Node side, to read what the page should show. */
async function apiSession(baseUrl: string, user = agent) {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = await login.json() as { csrfToken: string };
  return {
    cookie: cookie.split('=').slice(1).join('='), csrfToken,
    get: async <T>(path: string): Promise<T> => (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).json() as Promise<T>,
  };
}

describe.skipIf(!hasChromium())('the claims page in Chromium', browserTests, () => {
  const session = useBrowserSession({ withViewer: true });
  let api: Awaited<ReturnType<typeof apiSession>>;

  beforeAll(async () => {
    api = await apiSession(session.server().url);
  }, 180_000);

  /** Signs the page in with a Node-side session: the login form allows 10 tries per 15 minutes and is tested elsewhere. */
  async function signIn(page: Page, as = api): Promise<void> {
    await page.context().addCookies([{ name: 'rd_session', value: as.cookie, url: `${session.server().url}/api/` }]);
    await page.context().addInitScript(`localStorage.setItem('returndesk.csrf', ${JSON.stringify(as.csrfToken)})`);
  }

  const rows = (page: Page) => page.locator('table.claims-table tbody tr');
  const rowIds = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-claim-id'))));

  it('finds the claims from the page, then lists the open ones in the API\'s deadline order with its figures', async () => {
    const page = await session.openPage();
    await signIn(page);
    await page.goto(`${session.server().url}/queue`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
    await page.waitForURL('**/claims');
    await page.getByRole('heading', { name: 'Claims', level: 1 }).waitFor();
    // The demo loads reports, not claims: until reconciled there are none, and the page says how to find them.
    await page.getByRole('heading', { name: 'No claims yet' }).waitFor();
    await page.getByRole('button', { name: 'Find claims in the reports' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Done:' });
    await done.waitFor();
    await expect.poll(() => page.evaluate<boolean>('document.activeElement?.classList.contains("case-notice") ?? false')).toBe(true);
    await rows(page).first().waitFor();

    const listed = await api.get<ApiClaims>('/api/accounts/1/claims?status=open&limit=50');
    expect(listed.total).toBeGreaterThan(2);
    expect(await rowIds(page)).toEqual(listed.items.map((c) => c.id));
    expect(await page.locator('.claim-owed').allTextContents()).toEqual(listed.items.map((c) => formatMoney(c.owedMinor, c.currency, c.marketplace)));
    expect(await rows(page).first().locator('.countdown').textContent()).toMatch(/^Closes in \d/);
    // The totals, newest month first, as the API counts them.
    const totals = page.getByRole('table', { name: 'Claim totals per month and currency, newest month first' });
    expect(await totals.locator('tbody tr').count()).toBe(listed.totals.length);
    const newest = listed.totals.at(-1)!;
    expect(await totals.locator('tbody tr').first().getAttribute('data-month')).toBe(newest.month);
    expect(await totals.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe(formatCurrencyTotal(newest.owedMinor, newest.currency));

    // The status filter is the route's: expired claims, as the API lists them.
    await page.getByLabel('Status').selectOption('expired');
    await page.waitForURL('**/claims?status=expired');
    const expired = await api.get<ApiClaims>('/api/accounts/1/claims?status=expired&limit=50');
    await expect.poll(() => rowIds(page)).toEqual(expired.items.map((c) => c.id));
    await page.getByLabel('Status').selectOption('open');
    await expect.poll(() => rowIds(page)).toEqual(listed.items.map((c) => c.id));
    await screenshot(page, 'claims');
  });

  it('opens a claim, downloads its packet, and records it filed', async () => {
    const { items } = await api.get<ApiClaims>('/api/accounts/1/claims?status=open&limit=50');
    const claim = items[0]!;
    const page = await session.openPage();
    await signIn(page);
    await page.goto(`${session.server().url}/claims`);
    await page.getByRole('link', { name: `Claim ${claim.id}`, exact: true }).click();
    await page.waitForURL(`**/claims/${claim.id}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: `Claim ${claim.id}` }).waitFor();
    expect(await page.getByTestId('claim-owed').textContent()).toBe(formatMoney(claim.owedMinor, claim.currency, claim.marketplace));
    expect(await page.getByTestId('claim-status').textContent()).toBe('Open');
    expect(await page.locator('.claim-history').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the evidence packet (ZIP)' }).click()]);
    expect(download.suggestedFilename()).toBe(`claim-${claim.id}.zip`);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByLabel('Record the claim as').selectOption('filed');
    await page.getByLabel('Note (optional)').fill('Seller Central case 1234567');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded: the claim is now Filed.' }).waitFor();
    await expect.poll(() => page.getByTestId('claim-status').textContent()).toBe('Filed');
    await expect.poll(() => page.evaluate<boolean>('document.activeElement?.classList.contains("case-notice") ?? false')).toBe(true);
    await page.locator('.claim-history li[data-kind="filed"]').waitFor();
    // Filed, a decision may follow; filing again may not.
    expect(await page.getByLabel('Record the claim as').locator('option').allTextContents()).toEqual(['Won (Amazon paid)', 'Lost (Amazon refused)']);
    const saved = await api.get<ApiClaim>(`/api/accounts/1/claims/${claim.id}`);
    expect(saved.status).toBe('filed');
    expect(saved.events?.map((e) => [e.kind, e.note])).toEqual([['filed', 'Seller Central case 1234567']]);
    await screenshot(page, 'claim');
    // Back in the list of open claims it is gone; the filed ones show it.
    await page.goto(`${session.server().url}/claims?status=filed`);
    await expect.poll(() => rowIds(page)).toEqual([claim.id]);
  });

  it('shows a viewer the claims and the packet, but no action', async () => {
    const page = await session.openPage();
    await signIn(page, await apiSession(session.server().url, viewer));
    await page.goto(`${session.server().url}/claims`);
    await rows(page).first().waitFor();
    await page.getByText('Your role may read claims and download their packets, but not reconcile or record decisions.').waitFor();
    expect(await page.getByRole('button', { name: 'Find claims in the reports' }).count()).toBe(0);
    await rows(page).first().getByRole('link').click();
    await page.getByRole('link', { name: 'Download the evidence packet (ZIP)' }).waitFor();
    expect(await page.getByRole('button', { name: 'Record' }).count()).toBe(0);
    expect(await page.getByLabel('Record the claim as').count()).toBe(0);
  });

  it('shows the claims page in Chinese, and at phone width', async () => {
    const page = await session.openPage({ locale: 'zh-CN' });
    await signIn(page);
    await page.goto(`${session.server().url}/claims`);
    await page.getByRole('heading', { name: '索赔', level: 1 }).waitFor();
    await rows(page).first().waitFor();
    const table = page.getByRole('table', { name: '索赔，最先截止的在前' });
    expect(await table.locator('thead th').allTextContents()).toEqual(['索赔', '索赔期限', '类型', '状态', '应付金额', '已追回']);
    expect(await rows(page).first().locator('.countdown').textContent()).toMatch(/后截止$/);
    await page.getByRole('button', { name: '从报告中查找索赔' }).waitFor();
    await screenshot(page, 'claims');
    await rows(page).first().getByRole('link').click();
    await page.getByRole('link', { name: '下载证据包（ZIP）' }).waitFor();
    await screenshot(page, 'claim');

    // At phone width nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${session.server().url}/claims`);
    await rows(page).first().waitFor();
    const widths = await page.evaluate<{ scroll: number; client: number }>('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await screenshot(page, 'claims-phone');
  });
});

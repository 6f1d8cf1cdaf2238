import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserTests, useBrowserSession } from './browser-session.js';
import { hasChromium } from './chromium.js';
import { agent, viewer } from './live-server.js';
import { logIn, queueRows, screenshot } from './pages.js';

// The case page (docs/web.md#pages) in a real browser against the real server and the demo's data:
// the page's numbers are compared with the API's own answers, and every change goes through the API.

interface ApiCase { version: number; events: unknown[]; status: string }
interface ApiDecision { options: { action: string }[]; explanation: { en: string; zh: string }; recommended: { action: string } }
interface QueueItem { caseId: number; task: string }

/** A logged-in API client on the Node side, to read what the page should show and to change a case behind its back. */
async function apiSession(baseUrl: string, user = agent) {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = await login.json() as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  return {
    cookie: cookie.split('=').slice(1).join('='), csrfToken,
    get: async <T>(path: string): Promise<T> => (await fetch(`${baseUrl}${path}`, { headers })).json() as Promise<T>,
    post: (path: string, body: unknown, ifMatch?: string) => fetch(`${baseUrl}${path}`, { method: 'POST', headers: { ...headers, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, body: JSON.stringify(body) }),
  };
}

describe.skipIf(!hasChromium())('the case page in Chromium', browserTests, () => {
  const session = useBrowserSession({ withViewer: true });
  const openPage = session.openPage;
  let api: Awaited<ReturnType<typeof apiSession>>;
  // Open requests (with a recommendation) and units back awaiting their refund, from the demo's queue.
  let decideIds: number[] = [];
  let refundIds: number[] = [];

  beforeAll(async () => {
    api = await apiSession(session.server().url);
    const queue = await api.get<{ items: QueueItem[] }>('/api/accounts/1/queue?limit=50');
    decideIds = queue.items.filter((i) => i.task === 'decide').map((i) => i.caseId);
    refundIds = queue.items.filter((i) => i.task === 'refund').map((i) => i.caseId);
    // The tests below each change a different case, so they need this many of the demo's.
    expect(decideIds.length).toBeGreaterThanOrEqual(3);
    expect(refundIds.length).toBeGreaterThanOrEqual(1);
  }, 180_000);

  async function openCase(page: Page, caseId: number, heading = `Case ${caseId}`): Promise<void> {
    await page.goto(`${session.server().url}/cases/${caseId}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.locator('.case-timeline li').first().waitFor();
  }

  /**
   * Signs the page in with the Node side's session instead of the login form: the server allows 10
   * logins per 15 minutes from one address, and the form is already tested (first test, work-queue tests).
   */
  async function signIn(page: Page, as = api): Promise<void> {
    await page.context().addCookies([{ name: 'rd_session', value: as.cookie, url: `${session.server().url}/api/` }]);
    await page.context().addInitScript(`localStorage.setItem('returndesk.csrf', ${JSON.stringify(as.csrfToken)})`);
  }

  const timelineCount = (page: Page) => page.locator('.case-timeline > li').count();

  it('opens a case from the queue: header, timeline, every option in the chart and the table, the recommendation', async () => {
    const page = await openPage();
    await logIn(page, session.server().url);
    const row = queueRows(page).and(page.locator(`[data-case-id="${decideIds[0]}"]`));
    await row.click();
    await page.waitForURL(`**/cases/${decideIds[0]}`);
    await page.getByRole('heading', { name: `Case ${decideIds[0]}`, level: 1 }).waitFor();
    const detail = await api.get<ApiCase>(`/api/accounts/1/returns/${decideIds[0]}`);
    const decision = await api.get<ApiDecision>(`/api/accounts/1/returns/${decideIds[0]}/recommendation`);
    await page.locator('.option-table').waitFor();
    expect(await timelineCount(page)).toBe(detail.events.length);
    expect(await page.locator('.case-timeline > li').first().locator('.event-title').textContent()).toBe('Return request imported');
    expect(await page.locator('.option-table tbody tr').count()).toBe(decision.options.length);
    expect(await page.locator('.option-chart .chart-row').count()).toBe(decision.options.length);
    expect(await page.locator('.option-chart').getAttribute('aria-hidden')).toBe('true');
    expect(await page.locator('.option-table tr.is-recommended').count()).toBe(1);
    expect(await page.locator('.option-table tr.is-recommended td').nth(1).textContent()).toBe('Recommended');
    expect(await page.locator('.recommendation-explanation').textContent()).toBe(decision.explanation.en);
    expect(await page.locator('.case-facts').textContent()).toMatch(/At stake[$€£¥]/);
    expect(await page.locator('.countdown').first().textContent()).toMatch(/^(Overdue by|Due in) \d+ (d|h|min)/);
    await screenshot(page, 'case-page');
  });

  it('re-lints the edited message, marks the finding, and copies the message to the clipboard', async () => {
    const page = await openPage({ clipboard: true });
    await signIn(page);
    await openCase(page, decideIds[1]!);
    const body = page.getByLabel('Message', { exact: true });
    await expect.poll(() => page.locator('.lint-status').textContent()).toBe('No findings: the message is ready to send.');
    const edited = `${await body.inputValue()}\n\nPlease leave a review with 5 stars.`;
    await body.fill(edited);
    await expect.poll(() => page.locator('.lint-findings li code').allTextContents()).toContain('review-request');
    expect(await page.locator('.marked-text mark').allTextContents()).toContain('leave a review');
    expect(await page.locator('.lint-status').textContent()).toMatch(/^\d+ findings/);
    await page.getByRole('button', { name: 'Copy message' }).click();
    await page.getByText('Message copied to the clipboard.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(edited);
    await screenshot(page, 'case-message');
  });

  it('says so when the browser refuses the clipboard', async () => {
    const page = await openPage();
    // As a browser does that denies the clipboard (a policy, or an insecure context).
    await page.context().addInitScript("Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } })");
    await signIn(page);
    await openCase(page, decideIds[1]!);
    await page.getByRole('button', { name: 'Copy message' }).click();
    await page.getByText(/The browser refused the clipboard/).waitFor();
  });

  it('records an outcome with the case\'s version: the timeline and the version move on, focus lands on the notice', async () => {
    const page = await openPage();
    await signIn(page);
    const id = decideIds[2]!;
    await openCase(page, id);
    const before = await api.get<ApiCase>(`/api/accounts/1/returns/${id}`);
    await page.getByLabel('Outcome', { exact: true }).selectOption('offer-declined');
    await page.getByLabel('Offer step').selectOption('1');
    await page.getByLabel('Note (optional)').fill('Buyer prefers a return');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByText(`Offer declined recorded. The case is now at version ${before.version + 1}.`).waitFor();
    expect(await page.evaluate<boolean>("document.activeElement?.classList.contains('case-notice') ?? false")).toBe(true);
    await expect.poll(() => timelineCount(page)).toBe(before.events.length + 1);
    const last = page.locator('.case-timeline > li').last();
    expect(await last.locator('.event-title').textContent()).toBe('Outcome recorded');
    expect(await last.locator('.event-detail').first().textContent()).toBe('Offer declined · step 1 · “Buyer prefers a return”');
    await page.getByText(`Version ${before.version + 1} of the case`).waitFor();
    const after = await api.get<ApiCase>(`/api/accounts/1/returns/${id}`);
    expect([after.version, after.events.length]).toEqual([before.version + 1, before.events.length + 1]);
  });

  it('shows the recommendation\'s Seller Central steps, and records the move made there: the case and the queue follow', async () => {
    const page = await openPage();
    await signIn(page);
    // The demo's queue holds three open requests; the outcome test above only declined an offer on this
    // one (it is still open), and no test after this one reads it.
    const id = decideIds[2]!;
    await openCase(page, id);
    const decision = await api.get<ApiDecision & { actionSheet: { en: string }[] }>(`/api/accounts/1/returns/${id}/recommendation`);
    await expect.poll(() => page.locator('ol.action-sheet li').allTextContents()).toEqual(decision.actionSheet.map((s) => s.en));
    const before = await api.get<ApiCase>(`/api/accounts/1/returns/${id}`);
    await page.getByRole('radio', { name: 'Closed the request' }).check();
    await page.getByText('Close only a request outside your return policy', { exact: false }).waitFor();
    await page.getByRole('radio', { name: 'Authorized the request' }).check();
    await page.getByLabel('Why (optional)').fill('Label by Amazon');
    await page.getByRole('button', { name: 'Record the move' }).click();
    await page.getByText(`Recorded: Authorized the request. The case is now at version ${before.version + 1}.`).waitFor();
    const after = await api.get<ApiCase>(`/api/accounts/1/returns/${id}`);
    expect([after.status, after.version]).toEqual(['authorized', before.version + 1]);
    const last = page.locator('.case-timeline > li').last();
    await expect.poll(() => last.locator('.event-title').textContent()).toBe('Seller Central move recorded');
    expect(await last.textContent()).toContain('“Label by Amazon”');
    const queue = await api.get<{ items: QueueItem[] }>('/api/accounts/1/queue?limit=200');
    expect(queue.items.map((i) => i.caseId)).not.toContain(id);
    await screenshot(page, 'case-move');
  });

  it('refuses a change on a stale version with the 409 message, and reloads the case', async () => {
    const id = decideIds[0]!;
    const page = await openPage({ expected: [{ status: 409, path: `/api/accounts/1/returns/${id}/outcomes` }] });
    await signIn(page);
    await openCase(page, id);
    const shown = await api.get<ApiCase>(`/api/accounts/1/returns/${id}`);
    // Someone else records an outcome behind the page's back.
    const behind = await api.post(`/api/accounts/1/returns/${id}/outcomes`, { outcome: 'offer-declined', step: 2 }, `"${shown.version}"`);
    expect(behind.status).toBe(201);
    await page.getByLabel('Outcome', { exact: true }).selectOption('offer-declined');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByRole('alert').getByText(/Someone else changed this case in the meantime/).waitFor();
    await page.getByText(`Version ${shown.version + 1} of the case`).waitFor();
    await expect.poll(() => timelineCount(page)).toBe(shown.events.length + 1);
    const now = await api.get<ApiCase>(`/api/accounts/1/returns/${id}`);
    expect(now.version).toBe(shown.version + 1);
    await screenshot(page, 'case-conflict');
  });

  it('shows a unit back with its refund quote and Seller Central steps, and records the refund', async () => {
    const page = await openPage();
    await signIn(page);
    const id = refundIds[0]!;
    await openCase(page, id);
    await page.getByRole('heading', { name: 'Seller Central steps' }).waitFor();
    expect(await page.locator('.action-sheet li').count()).toBeGreaterThan(1);
    const button = page.getByRole('button', { name: /^Record the refund of .+ as issued$/ });
    await button.click();
    await page.getByText(/^Refund of .+ recorded\. The case is now at version \d+\.$/).waitFor();
    await expect.poll(async () => (await api.get<ApiCase>(`/api/accounts/1/returns/${id}`)).status).toBe('refunded');
    await expect.poll(() => page.locator('.case-timeline > li').last().locator('.event-title').textContent()).toBe('Refund recorded');
  });

  it('shows the case in Chinese, with the server\'s texts in Chinese', async () => {
    const page = await openPage({ locale: 'zh-CN' });
    await signIn(page);
    const id = decideIds[1]!;
    await openCase(page, id, `案例 ${id}`);
    const decision = await api.get<ApiDecision>(`/api/accounts/1/returns/${id}/recommendation`);
    await page.getByRole('heading', { name: '时间线' }).waitFor();
    expect(await page.locator('.recommendation-explanation').textContent()).toBe(decision.explanation.zh);
    expect(await page.locator('.option-table caption').textContent()).toBe('各方案的预计损失（成本为正，回收为负）');
    await page.getByRole('button', { name: '复制消息' }).waitFor();
    await screenshot(page, 'case-page');
  });

  it('says plainly that a case does not exist', async () => {
    const page = await openPage({ expected: [{ status: 404, path: '/api/accounts/1/returns/999999' }] });
    await signIn(page);
    await page.goto(`${session.server().url}/cases/999999`);
    await page.getByRole('heading', { name: 'No such case' }).waitFor();
  });

  it('hides the changes a viewer may not make', async () => {
    const page = await openPage();
    await signIn(page, await apiSession(session.server().url, viewer));
    await openCase(page, refundIds[1] ?? decideIds[1]!);
    await page.getByText('Your role may read this case but not change it.').first().waitFor();
    expect(await page.getByRole('button', { name: /Record/ }).count()).toBe(0);
  });

  it.each(['en', 'zh-CN'])('fits a 390x844 phone without sideways scrolling (%s)', async (language) => {
    const page = await openPage({ viewport: { width: 390, height: 844 }, locale: language === 'en' ? 'en-US' : 'zh-CN' });
    await signIn(page);
    const id = decideIds[1]!;
    await openCase(page, id, language === 'en' ? `Case ${id}` : `案例 ${id}`);
    await page.locator('.option-table').waitFor();
    const widths = await page.evaluate<{ scroll: number; client: number }>('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await screenshot(page, 'case-phone');
  });
});

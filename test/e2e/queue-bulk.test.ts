import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTests, useBrowserSession } from './browser-session.js';
import { hasChromium } from './chromium.js';
import { logIn, logInAsViewer, queueRows, screenshot } from './pages.js';

// One Manage Returns move recorded from the queue for several requests: ticked with the mouse and
// with x, each recorded on the version the page showed, so a request changed behind the page's back
// is refused and named while the others are recorded (docs/web.md#pages).

interface Item { caseId: number; version: number; task: string }

async function queueItems(page: Page): Promise<Item[]> {
  return ((await (await page.request.get('/api/accounts/1/queue?limit=50')).json()) as { items: Item[] }).items;
}

async function statusOf(page: Page, caseId: number): Promise<string> {
  return ((await (await page.request.get(`/api/accounts/1/returns/${caseId}`)).json()) as { status: string }).status;
}

describe.skipIf(!hasChromium())('bulk moves in the queue in Chromium', browserTests, () => {
  const session = useBrowserSession({ withViewer: true });

  it('records a move for the ticked requests, refusing the one changed since the page was read', async () => {
    const page = await session.openPage({ expected: [{ status: 409, path: /^\/api\/accounts\/1\/returns\/\d+\/status$/ }] });
    await logIn(page, session.server().url);
    const requests = (await queueItems(page)).filter((i) => i.task === 'decide');
    expect(requests.length).toBeGreaterThanOrEqual(3);
    const [first, second, stale] = requests as [Item, Item, Item];
    await page.getByRole('checkbox', { name: `Tick case ${first.caseId} for a bulk move` }).check();
    // x ticks the row the keyboard is on.
    await queueRows(page).and(page.locator(`[data-case-id="${second.caseId}"]`)).focus();
    await page.keyboard.press('x');
    await expect.poll(() => page.getByRole('checkbox', { name: `Tick case ${second.caseId} for a bulk move` }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: `Tick case ${stale.caseId} for a bulk move` }).check();
    // Behind the page's back, someone declines an offer on the third: its version moves on.
    const csrf = await page.evaluate<string>('localStorage.getItem("returndesk.csrf")');
    const declined = await page.request.post(`/api/accounts/1/returns/${stale.caseId}/outcomes`, {
      data: { outcome: 'offer-declined', step: 1 }, headers: { 'x-csrf-token': csrf, 'if-match': `"${stale.version}"` },
    });
    expect(declined.status()).toBe(201);

    await page.getByLabel('What you did in Manage Returns').selectOption('authorized');
    await page.getByRole('button', { name: 'Record the move (3 ticked)' }).click();
    await page.getByText('Authorized the request: 2 recorded.').waitFor();
    await page.getByText(`Case ${stale.caseId} changed since this page was read, so nothing was recorded for it: open it and check.`).waitFor();
    expect([await statusOf(page, first.caseId), await statusOf(page, second.caseId), await statusOf(page, stale.caseId)]).toEqual(['authorized', 'authorized', 'requested']);
    // The refused one stays ticked, the queue lets the others go.
    await expect.poll(async () => (await queueItems(page)).map((i) => i.caseId)).not.toContain(first.caseId);
    await expect.poll(() => page.locator(`[data-case-id="${first.caseId}"]`).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: `Tick case ${stale.caseId} for a bulk move` }).isChecked()).toBe(true);
    await screenshot(page, 'queue-bulk');
  });

  it('offers a viewer no ticks and no bulk move', async () => {
    const page = await session.openPage();
    await logInAsViewer(page, session.server().url);
    await queueRows(page).first().waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Record one move for several requests' }).count()).toBe(0);
  });
});

import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fbaRow, headers, scratchDir, writeReport } from '../report-files.js';
import { browserTests, useBrowserSession } from './browser-session.js';
import { hasChromium } from './chromium.js';
import { englishLogin, logIn, logInAsViewer, screenshot } from './pages.js';

// Connecting a seller account to Amazon from the settings page, against the real server whose syncs
// talk to a fake Amazon on 127.0.0.1 (test/fake-sp-api.ts): the credentials typed once and never
// shown again, a sync started from the page, the returns Amazon served arriving in the account.

const credentials = {
  clientId: 'amzn1.application-oa2-client.00000000000000000000000000000e2e',
  clientSecret: 'amzn1.oa2-cs.v1.browser-test-client-secret-value-0000001',
  refreshToken: `Atzr|browser-test-refresh-token-${'b'.repeat(40)}`,
};
const order = '111-5000001-0000001';
const dir = scratchDir();
const fbaReturns = readFileSync(writeReport(dir, 'fba.txt', headers.fbaReturns, [fbaRow({ 'order-id': order, 'license-plate-number': 'LPNE2EAMZ0001' })]));
const cancelled = { end: 'CANCELLED' as const, waits: [] };

describe.skipIf(!hasChromium())('the Amazon connection in Chromium', browserTests, () => {
  const session = useBrowserSession({
    withoutDemo: true, withViewer: true,
    amazon: {
      credentials,
      reports: {
        GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { content: fbaReturns, waits: [], gzip: true },
        GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: cancelled, GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: cancelled,
        GET_FBA_REIMBURSEMENTS_DATA: cancelled, GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA: cancelled,
      },
    },
  }, () => rmSync(dir, { recursive: true, force: true }));

  it('connects with credentials typed once, syncs from the page, and the returns Amazon served arrive', async () => {
    const page = await session.openPage();
    await logIn(page, session.server().url, englishLogin, { emptyQueue: true });
    await page.goto(`${session.server().url}/settings/amazon`);
    await page.getByText('This seller account is not connected to Amazon').waitFor();
    await page.getByLabel('LWA client id').fill(credentials.clientId);
    await page.getByLabel('LWA client secret').fill(credentials.clientSecret);
    await page.getByLabel('Refresh token').fill(credentials.refreshToken);
    await page.getByLabel('Marketplaces').fill('US');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText('Connected to Amazon (NA: US). Start a sync').waitFor();
    // The secret fields are emptied, and no secret is anywhere on the page.
    expect(await page.getByLabel('LWA client secret').inputValue()).toBe('');
    for (const secret of [credentials.clientSecret, credentials.refreshToken]) expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: 'Sync now' }).click();
    const table = page.getByRole('table', { name: 'How far each report was fetched from Amazon' });
    await expect.poll(() => table.locator('tr[data-report="fba-returns"] .sync-outcome').textContent(), { timeout: 30_000 }).toBe('Imported');
    const found = await (await page.request.get(`/api/accounts/1/returns?orderId=${order}`)).json() as { total: number };
    expect(found.total).toBe(1);
    expect(session.server().amazon!.expiredDownloads()).toBe(0);
    await screenshot(page, 'settings-amazon');
  });

  it('shows a viewer the connection read-only, without the form or the sync button', async () => {
    const page = await session.openPage();
    await logInAsViewer(page, session.server().url);
    await page.goto(`${session.server().url}/settings/amazon`);
    await page.getByText('Only owners and managers connect a seller account to Amazon.').waitFor();
    expect(await page.getByLabel('LWA client secret').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
  });
});

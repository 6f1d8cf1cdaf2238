import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTests, useBrowserSession } from './browser-session.js';
import { hasChromium } from './chromium.js';
import { knownSetupCode } from './live-server.js';
import { apiQueue, queueRows, screenshot } from './pages.js';

// The first run of a new instance in a real browser: no users, the setup code from the terminal,
// the owner created on the page, then the onboarding step loads the demo (docs/web.md#pages).

const owner = { username: 'mei', displayName: 'Mei Lin', password: 'mei passphrase 1', accountName: 'Mei Home Goods' };
// A wrong code is refused with 403 on purpose; the browser logs it.
const wrongCodeRefusal = [{ status: 403, path: '/api/setup' }];

describe.skipIf(!hasChromium())('the first run in Chromium', browserTests, () => {
  const session = useBrowserSession({ firstRun: true });
  const openPage = (locale: string) => session.openPage({ locale, expected: wrongCodeRefusal });

  async function fillForm(page: Page, labels: Record<keyof typeof owner | 'setupCode' | 'confirmation', string>, code: string, confirmation = owner.password) {
    await page.getByLabel(labels.setupCode).fill(code);
    await page.getByLabel(labels.username).fill(owner.username);
    await page.getByLabel(labels.displayName).fill(owner.displayName);
    await page.getByLabel(labels.password, { exact: true }).fill(owner.password);
    await page.getByLabel(labels.confirmation).fill(confirmation);
    await page.getByLabel(labels.accountName).fill(owner.accountName);
  }

  // First, while nobody exists: the Chinese page refuses what it should, and creates nobody.
  it('shows the first-run page in Chinese, checks the passwords before sending, and refuses a wrong code', async () => {
    const page = await openPage('zh-CN');
    await page.goto(`${session.server().url}/`);
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { name: '设置 ReturnDesk' }).waitFor();
    expect(await page.getByText('returndesk serve').count()).toBe(1);
    await screenshot(page, 'first-run');
    const labels = { setupCode: '设置码', username: '用户名', displayName: '显示名称（可选）', password: '密码', confirmation: '再次输入密码', accountName: '卖家账户名称（可选）' };
    await fillForm(page, labels, 'AAAA-AAAA-AAAA-AAAA', 'not the same passphrase');
    await page.getByRole('button', { name: '创建所有者' }).click();
    await page.getByText('两次输入的密码不一致。').waitFor();
    // Checked in the page: the field that needs fixing gets the focus.
    expect(await page.evaluate<string>('document.activeElement?.getAttribute("aria-invalid") ?? ""')).toBe('true');
    await page.getByLabel(labels.confirmation).fill(owner.password);
    await page.getByRole('button', { name: '创建所有者' }).click();
    await page.getByRole('alert').getByText('设置码不正确。请从运行 ReturnDesk 的终端中复制，然后重试。').waitFor();
    await screenshot(page, 'first-run-wrong-code');
    expect((await (await page.request.get('/api/setup')).json()).needsOwner).toBe(true);
  });

  it('creates the owner with the setup code, continues to the onboarding step, and loads the demo into the queue', async () => {
    const page = await openPage('en-US');
    await page.goto(`${session.server().url}/queue`);
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { name: 'Set up ReturnDesk' }).waitFor();
    await screenshot(page, 'first-run');
    const labels = { setupCode: 'Setup code', username: 'User name', displayName: 'Display name (optional)', password: 'Password', confirmation: 'Password again', accountName: 'Seller account name (optional)' };
    await fillForm(page, labels, 'K7QM-3XPA-9RTD-HCWA');
    await page.getByRole('button', { name: 'Create the owner' }).click();
    await page.getByRole('alert').getByText('That is not the setup code.', { exact: false }).waitFor();
    // Typed as people do: lower case, spaces for dashes.
    await page.getByLabel(labels.setupCode).fill(knownSetupCode.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'Create the owner' }).click();
    await page.waitForURL('**/welcome');
    await page.getByRole('heading', { name: 'Welcome: bring your returns in' }).waitFor();
    expect(await page.locator('.account-name').textContent()).toContain(owner.accountName);
    expect(await page.locator('.user-name').textContent()).toBe(owner.displayName);
    await screenshot(page, 'welcome');

    await page.getByRole('button', { name: 'Load the demo data' }).click();
    const status = page.getByRole('region', { name: 'Demo progress' }).getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 120_000, interval: 500 }).toMatch(/^Finished\. \d+ files done\./);
    const done = await page.getByText(/^Demo loaded: \d+ files/).textContent();
    expect(Number(/(\d+) files/.exec(done ?? '')?.[1])).toBeGreaterThan(50);
    await screenshot(page, 'welcome-demo-loaded');
    await page.getByRole('link', { name: 'Go to the work queue', exact: true }).click();
    await page.waitForURL('**/queue');
    await queueRows(page).first().waitFor();
    expect((await apiQueue(page)).total).toBeGreaterThan(0);

    // The onboarding step in Chinese, for its screenshot.
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.goto(`${session.server().url}/welcome`);
    await page.getByRole('heading', { name: '欢迎：导入您的退货数据' }).waitFor();
    await screenshot(page, 'welcome');
  }, 180_000);

  it('shows the login page once the owner exists', async () => {
    const page = await openPage('en-US');
    await page.goto(`${session.server().url}/setup`);
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
  });
});

import { describe, expect, it } from 'vitest';
import { browserTests, useBrowserSession } from './browser-session.js';
import { hasChromium } from './chromium.js';
import { apiQueue, logIn, queueRows, rowCaseIds, screenshot } from './pages.js';

// The web app in a real browser against the real server and database (docs/web.md#browser-tests).

const urgencyRank = ['overdue', 'within_4_hours', 'today', 'later', 'no_deadline'];

describe.skipIf(!hasChromium())('the web app in Chromium', browserTests, () => {
  const session = useBrowserSession();
  const openPage = session.openPage;

  it('logs in and shows the queue most urgent first, as the API orders it', async () => {
    const page = await openPage();
    await page.goto(`${session.server().url}/`);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await screenshot(page, 'login');
    await logIn(page, session.server().url);
    const api = await apiQueue(page);
    // The demo's queue at the server's clock: overdue cases and later ones, in more than one marketplace.
    expect(api.total).toBeGreaterThanOrEqual(3);
    expect(new Set(api.items.map((item) => item.urgency)).size).toBeGreaterThan(1);
    expect(new Set(api.items.map((item) => item.marketplace)).size).toBeGreaterThan(1);
    expect(await rowCaseIds(page)).toEqual(api.items.map((item) => item.caseId));
    const ranks = api.items.map((item) => urgencyRank.indexOf(item.urgency));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const first = queueRows(page).first();
    expect(await first.locator('.urgency-badge').textContent()).toBe({ overdue: 'Overdue', within_4_hours: 'Within 4 hours', today: 'Today', later: 'Later', no_deadline: 'No deadline' }[api.items[0]!.urgency]);
    expect(await first.locator('.countdown').textContent()).toMatch(/^(Overdue by|Due in) \d+ (d|h|min)/);
    expect(await first.locator('.at-stake-amount').textContent()).toMatch(/[$€£¥￥]|Unknown/);
    expect(await page.locator('.urgency-counts li').count()).toBe(5);
    await expect.poll(() => page.getByText(`1–${api.items.length} of ${api.total.toLocaleString('en')}`).count()).toBe(1);
    await screenshot(page, 'queue');
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    await screenshot(page, 'analytics-from-queue');
  });

  it('narrows the queue with a filter, and keeps the filter in the address', async () => {
    const page = await openPage();
    await logIn(page, session.server().url);
    const all = await apiQueue(page);
    const marketplace = all.items.at(-1)!.marketplace;
    await page.getByLabel('Marketplace').selectOption(marketplace);
    await page.waitForURL(`**/queue?marketplace=${marketplace}`);
    const filtered = await apiQueue(page, `&marketplace=${marketplace}`);
    expect(filtered.total).toBeLessThan(all.total);
    await expect.poll(() => rowCaseIds(page)).toEqual(filtered.items.map((item) => item.caseId));
    const sku = filtered.items[0]!.sku;
    await page.getByLabel('SKU').fill(sku);
    await page.getByLabel('SKU').press('Enter');
    const bySku = await apiQueue(page, `&marketplace=${marketplace}&sku=${encodeURIComponent(sku)}`);
    await expect.poll(() => rowCaseIds(page)).toEqual(bySku.items.map((item) => item.caseId));
    expect(new Set(await queueRows(page).locator('.sku').allTextContents())).toEqual(new Set([sku]));
    await page.reload();
    await expect.poll(() => rowCaseIds(page)).toEqual(bySku.items.map((item) => item.caseId));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rowCaseIds(page)).toEqual(all.items.map((item) => item.caseId));
  });

  it('moves the selection with j/k and the arrow keys, and opens the selected case with Enter', async () => {
    const page = await openPage();
    await logIn(page, session.server().url);
    const ids = await rowCaseIds(page);
    const selectedId = () => page.locator('a.queue-row[aria-current="true"]').getAttribute('data-case-id').then(Number);
    const focusedId = () => page.evaluate<number>("Number(document.activeElement?.getAttribute('data-case-id'))");
    expect(await selectedId()).toBe(ids[0]);
    await page.keyboard.press('j');
    expect(await focusedId()).toBe(ids[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect([await selectedId(), await focusedId()]).toEqual([ids[2], ids[2]]);
    await page.keyboard.press('k');
    expect(await selectedId()).toBe(ids[1]);
    await page.keyboard.press('ArrowDown');
    expect(await selectedId()).toBe(ids[2]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/cases/${ids[1]}`);
    await page.getByRole('heading', { name: `Case ${ids[1]}` }).waitFor();
    await screenshot(page, 'case');
    await page.goBack();
    await queueRows(page).first().waitFor();
  });

  it('shows the queue in Chinese after switching, and remembers the choice', async () => {
    const page = await openPage();
    await logIn(page, session.server().url);
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '工作队列' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    const first = queueRows(page).first();
    expect(await first.locator('.urgency-badge').textContent()).toMatch(/^(已逾期|4 小时内到期|今天到期|稍后到期|无截止时间)$/);
    expect(await first.locator('.countdown').textContent()).toMatch(/^(已逾期|剩余) \d+ (天|小时|分钟)/);
    // The recommendation's explanation comes from the server, in Chinese too.
    expect(await queueRows(page).locator('.action-detail').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents()).toEqual(['工作队列', '导入', '收货', '索赔', '分析', '设置']);
    await screenshot(page, 'queue');
    await page.reload();
    await page.getByRole('heading', { name: '工作队列' }).waitFor();
    await queueRows(page).first().click();
    await page.getByRole('heading', { name: /^案例 \d+$/ }).waitFor();
    await screenshot(page, 'case');
    await page.getByRole('link', { name: '分析' }).click();
    await page.getByRole('heading', { name: '分析', level: 1 }).waitFor();
    await screenshot(page, 'analytics-from-case');
  });

  it('greets a browser set to Chinese in Chinese', async () => {
    const page = await openPage({ locale: 'zh-CN' });
    await page.goto(`${session.server().url}/`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await screenshot(page, 'login');
    await logIn(page, session.server().url, { user: '用户名', password: '密码', submit: '登录' });
    await page.getByRole('heading', { name: '工作队列' }).waitFor();
  });

  it.each(['en', 'zh-CN'])('fits a 390x844 phone without sideways scrolling (%s)', async (language) => {
    const page = await openPage({ viewport: { width: 390, height: 844 }, locale: language === 'en' ? 'en-US' : 'zh-CN' });
    await logIn(page, session.server().url, language === 'en' ? undefined : { user: '用户名', password: '密码', submit: '登录' });
    const widths = await page.evaluate<{ scroll: number; client: number }>('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const box = await queueRows(page).first().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'queue-phone');
  });
});

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { causesReply, costsReply, fixListReply, ratesReply, spikesReply } from '../../src/http/schemas/analytics.js';
import { formatCurrencyTotal } from '../../web/src/routes/claims/currency-format.js';
import { formatShare } from '../../web/src/routes/analytics/analytics-format.js';
import { browserTests, useBrowserSession } from './browser-session.js';
import { hasChromium } from './chromium.js';
import { agent, viewer } from './live-server.js';
import { chineseLogin, englishLogin, logIn, screenshot } from './pages.js';

// The analytics page (docs/web.md#pages) in a real browser against the real server and the demo's
// year: the figures on screen are compared with the API's own JSON (rates, the headline cost, the
// Pareto's order, the problem SKUs, the spikes), the month range goes in the address, a fix is
// recorded through the form (the page and the API both show it), a viewer gets no form, and the page
// is shown in Chinese (the causes in Chinese too) and at phone width.

type Rates = z.infer<typeof ratesReply>;
type Costs = z.infer<typeof costsReply>;
type Causes = z.infer<typeof causesReply>;
type Spikes = z.infer<typeof spikesReply>;
type Fixes = z.infer<typeof fixListReply>;

/** A logged-in API client on the Node side, to read what the page should show and to sign pages in. */
async function apiSession(baseUrl: string, user = agent) {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = await login.json() as { csrfToken: string };
  return { cookie: cookie.split('=').slice(1).join('='), csrfToken };
}

/** The API's JSON as the page's own session reads it. */
async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/accounts/1/${path}`);
  expect(response.status()).toBe(200);
  return response.json() as Promise<T>;
}

const rateRows = (page: Page) => page.locator('table.rates-table tbody tr');
const rateKeys = (page: Page) => rateRows(page).evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-month')} ${tr.getAttribute('data-marketplace')}`));
/** The API's rows in the table's reading order: month by month, marketplaces A to Z. */
const sortedRates = (rates: Rates) => [...rates.rows].sort((a, b) => a.month.localeCompare(b.month) || a.marketplaceCode.localeCompare(b.marketplaceCode));

describe.skipIf(!hasChromium())('the analytics page in Chromium', browserTests, () => {
  const session = useBrowserSession({ withViewer: true });
  let owner: Awaited<ReturnType<typeof apiSession>>;

  beforeAll(async () => {
    owner = await apiSession(session.server().url);
  }, 180_000);

  /** Signs the page in with a Node-side session: the login form allows 10 tries per 15 minutes and is tested elsewhere. */
  async function signIn(page: Page, as = owner): Promise<void> {
    await page.context().addCookies([{ name: 'rd_session', value: as.cookie, url: `${session.server().url}/api/` }]);
    await page.context().addInitScript(`localStorage.setItem('returndesk.csrf', ${JSON.stringify(as.csrfToken)})`);
  }

  it('opens from the navigation and shows the API\'s rates, costs, Pareto, problem SKUs and spikes', async () => {
    const page = await session.openPage();
    await logIn(page, session.server().url, englishLogin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    await page.waitForURL('**/analytics');
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();

    // Rates: the table holds the chart's numbers, one row per month and marketplace, as the API gives them.
    const rates = await apiJson<Rates>(page, 'reports/rates?by=marketplace');
    expect(rates.rows.length).toBeGreaterThan(10);
    await rateRows(page).first().waitFor();
    expect(await rateKeys(page)).toEqual(sortedRates(rates).map((row) => `${row.month} ${row.marketplaceCode}`));
    expect(await page.locator('table.rates-table .rate-value').allTextContents()).toEqual(sortedRates(rates).map((row) => (row.rate === null ? 'No rate' : formatShare(row.rate.rate, 'en'))));
    const charts = page.locator('.analytics-chart');
    await expect.poll(() => charts.locator('svg').count()).toBe(2);
    expect(await charts.evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-hidden')))).toEqual(['true', 'true']);

    // Costs: the headline month's cost per currency, and the chart's table in the costliest currency.
    const costs = await apiJson<Costs>(page, 'reports/costs');
    const usd = costs.headline.find((line) => line.currency === 'USD')!;
    expect(usd.costMinor).toBeGreaterThan(0);
    expect(await page.locator('.cost-headline [data-currency="USD"] .cost-figure').textContent()).toBe(formatCurrencyTotal(usd.costMinor, 'USD'));
    await page.getByRole('heading', { name: 'Cost of returns in Nov 2026' }).waitFor();
    const usdMonths = costs.totals.filter((total) => total.currency === 'USD');
    const costTable = page.locator('table.costs-table[data-currency="USD"]');
    expect(await costTable.locator('tbody tr td:first-of-type').allTextContents()).toEqual(usdMonths.map((total) => formatCurrencyTotal(total.costMinor, 'USD')));
    await page.getByLabel('Currency of the chart').selectOption('EUR');
    await page.locator('table.costs-table[data-currency="EUR"]').waitFor();

    // Causes: each marketplace's reasons in the API's Pareto order, the problem SKUs most excess first.
    const causes = await apiJson<Causes>(page, 'reports/causes');
    const market = causes.marketplaces[0]!;
    const pareto = page.locator(`.pareto-marketplace[data-marketplace="${market.marketplaceCode}"] tbody tr`);
    expect(await pareto.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reason')))).toEqual(market.pareto.map((bar) => bar.reason));
    const problems = page.locator('li.problem-sku');
    expect(await problems.evaluateAll((cards) => cards.map((card) => `${card.getAttribute('data-marketplace')} ${card.getAttribute('data-sku')}`)))
      .toEqual(causes.problems.map((problem) => `${problem.marketplaceCode} ${problem.sku}`));
    const first = causes.problems[0]!;
    expect(await problems.first().locator('.cause-title').textContent()).toContain(first.cause!.title.en);
    expect(await problems.first().locator('.cause-fixes li').count()).toBe(first.cause!.fixes.length);
    expect(await problems.first().locator('.buyer-terms > li .term').allTextContents()).toEqual(first.terms.map((term) => term.term));

    // Spikes first: the demo's year has none, and the other verdicts follow in the API's order.
    const spikes = await apiJson<Spikes>(page, 'reports/spikes');
    const found = spikes.rows.filter((row) => row.verdict === 'spike');
    expect(await page.locator('table.spike-rows tbody tr').count()).toBe(found.length);
    if (found.length === 0) await page.getByRole('heading', { name: 'No SKU spikes' }).waitFor();
    await page.getByText(/^The other \d+ SKUs' verdicts$/).click();
    expect(await page.locator('table.steady-rows tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-marketplace')} ${tr.getAttribute('data-sku')}`)))
      .toEqual(spikes.rows.filter((row) => row.verdict !== 'spike').map((row) => `${row.marketplaceCode} ${row.sku}`));

    // Each report's table downloads as CSV from a plain link.
    const csv = await page.getByRole('link', { name: 'Download the return rates table as CSV' }).getAttribute('href');
    expect(csv).toBe('/api/accounts/1/reports/rates?by=marketplace&format=csv');
    const file = await page.request.get(csv!);
    expect(file.headers()['content-type']).toContain('text/csv');
    await screenshot(page, 'analytics');
  });

  it('keeps the month range in the address and shows that range\'s figures', async () => {
    const page = await session.openPage();
    await signIn(page);
    await page.goto(`${session.server().url}/analytics`);
    await rateRows(page).first().waitFor();
    await page.getByLabel('From month').fill('2026-09');
    await page.getByLabel('To month').fill('2026-10');
    await page.getByRole('button', { name: 'Show these months' }).click();
    await page.waitForURL('**/analytics?from=2026-09&to=2026-10');
    const rates = await apiJson<Rates>(page, 'reports/rates?by=marketplace&from=2026-09&to=2026-10');
    const expected = sortedRates(rates).map((row) => `${row.month} ${row.marketplaceCode}`);
    expect(new Set(rates.rows.map((row) => row.month))).toEqual(new Set(['2026-09', '2026-10']));
    await expect.poll(() => rateKeys(page)).toEqual(expected);
    await page.getByRole('heading', { name: 'Cost of returns in Oct 2026' }).waitFor();
    await page.reload();
    await expect.poll(() => rateKeys(page)).toEqual(expected);
    expect(await page.getByLabel('From month').inputValue()).toBe('2026-09');
    await page.getByRole('button', { name: 'Every month' }).click();
    await page.waitForURL(/\/analytics$/);
    await expect.poll(async () => (await rateKeys(page)).length).toBeGreaterThan(expected.length);
  });

  it('says when the months hold nothing, and shows the server\'s refusal of a backwards range without a stack trace', async () => {
    const reports = ['rates', 'costs', 'causes'].map((report) => ({ status: 400, path: `/api/accounts/1/reports/${report}` }));
    const page = await session.openPage({ expected: reports });
    await signIn(page);
    await page.goto(`${session.server().url}/analytics?from=2020-01&to=2020-02`);
    await page.getByRole('heading', { name: 'No units shipped in these months' }).waitFor();
    await page.getByRole('heading', { name: 'No cost of returns in these months' }).waitFor();
    await page.getByRole('heading', { name: 'No problem SKU in these months' }).waitFor();
    expect(await page.locator('.analytics-chart').count()).toBe(0);

    await page.goto(`${session.server().url}/analytics?from=2026-10&to=2026-09`);
    const refusals = page.getByRole('alert');
    // Rates, costs, and the causes behind both the Pareto and the problem SKUs.
    await expect.poll(() => refusals.count()).toBe(4);
    expect(await refusals.first().textContent()).toContain('The first month (2026-10) is after the last (2026-09).');
    expect(await page.locator('.notice-error').evaluateAll((notices) => notices.some((n) => /\bat \w+ \(|\.ts:\d+/.test(n.textContent ?? '')))).toBe(false);
  });

  it('records a fix through the form: the fix log and the API show it, and a refusal is said', async () => {
    const page = await session.openPage({ expected: [{ status: 400, path: '/api/accounts/1/fixes' }] });
    await signIn(page);
    await page.goto(`${session.server().url}/analytics`);
    const form = page.getByRole('form', { name: 'Record a listing fix' });
    await form.waitFor();
    await page.getByRole('heading', { name: 'No fix recorded yet' }).waitFor();

    // An unknown SKU: the server's own message under a translated sentence, nothing recorded.
    await form.getByLabel('SKU').fill('NO-SUCH-SKU');
    await form.getByLabel('Day the change went live').fill('2026-09-14');
    await form.getByLabel('Who made the change').fill('Mei');
    await form.getByLabel('What changed').fill('Photos in daylight, dimensions in cm');
    await form.getByRole('button', { name: 'Record the fix' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toContain('NO-SUCH-SKU');

    await form.getByLabel('SKU').fill('KT-BOTTLE-750');
    await form.getByLabel('Marketplace (optional)').fill('us');
    await form.getByRole('button', { name: 'Record the fix' }).click();
    await form.getByRole('status').filter({ hasText: 'The fix of KT-BOTTLE-750 is recorded' }).waitFor();
    await expect.poll(() => page.evaluate<boolean>('document.activeElement?.classList.contains("fix-form-notice") ?? false')).toBe(true);
    expect(await form.getByLabel('SKU').inputValue()).toBe('');

    const fixes = await apiJson<Fixes>(page, 'fixes');
    expect(fixes.items.map((item) => [item.fix.sku, item.fix.marketplaceCode, item.fix.changedOn, item.fix.what, item.fix.recordedBy]))
      .toEqual([['KT-BOTTLE-750', 'US', '2026-09-14', 'Photos in daylight, dimensions in cm', 'Mei']]);
    const row = page.locator(`table.fix-log tbody tr[data-fix-id="${fixes.items[0]!.fix.id}"]`);
    await row.waitFor();
    expect(await row.locator('th').textContent()).toBe('Sep 14, 2026');
    const verdict = fixes.items[0]!.verdict;
    expect(await row.locator('.verdict').textContent()).toBe(verdict === null ? 'Waiting' : { helped: 'Helped', worse: 'Worse', unclear: 'Unclear', too_few: 'Too few to tell' }[verdict.verdict]);
    if (verdict !== null) expect(await row.textContent()).toContain(`${formatShare(verdict.before.rate, 'en')} → ${formatShare(verdict.after.rate, 'en')}`);
    // The problem SKU now lists it among the fixes tried.
    await page.locator('li.problem-sku[data-marketplace="US"][data-sku="KT-BOTTLE-750"] .fixes-tried li').filter({ hasText: 'Photos in daylight' }).waitFor();
    await screenshot(page, 'analytics-fix');
  });

  it('shows a viewer the figures and the fix log, but no fix form', async () => {
    const page = await session.openPage();
    await signIn(page, await apiSession(session.server().url, viewer));
    await page.goto(`${session.server().url}/analytics`);
    await rateRows(page).first().waitFor();
    await page.getByText('Your role may read the fix log; recording a fix needs an owner, manager or agent.').waitFor();
    await page.locator('table.fix-log, .empty-state').last().waitFor();
    expect(await page.getByRole('form', { name: 'Record a listing fix' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Record the fix' }).count()).toBe(0);
  });

  it('shows the page in Chinese, the causes in Chinese, and fits a phone', async () => {
    const page = await session.openPage({ locale: 'zh-CN' });
    await logIn(page, session.server().url, chineseLogin);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '分析' }).click();
    await page.getByRole('heading', { name: '分析', level: 1 }).waitFor();
    for (const title of ['退货率趋势', '退货成本', '各站点买家退货的原因', '问题 SKU', '退货激增', '修改记录']) {
      await page.getByRole('heading', { name: title, level: 2, exact: true }).waitFor();
    }
    const causes = await apiJson<Causes>(page, 'reports/causes');
    const first = causes.problems[0]!;
    const card = page.locator('li.problem-sku').first();
    await card.waitFor();
    expect(await card.locator('.cause-title').textContent()).toContain(first.cause!.title.zh);
    expect(await card.locator('.cause-fixes li').first().textContent()).toBe(`${first.cause!.fixes[0]!.title.zh}：${first.cause!.fixes[0]!.detail.zh}`);
    expect(await page.locator('table.rates-table thead th').allTextContents()).toEqual(['购买月份', '站点', '发货', '退货', '退货率', '95% 置信区间']);
    expect(await rateRows(page).first().locator('th').textContent()).toMatch(/^\d{4}年\d{1,2}月/);
    await expect.poll(() => page.locator('.analytics-chart svg').count()).toBe(2);
    await screenshot(page, 'analytics');

    // At phone width nothing scrolls sideways, and the charts shrink with the window.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.locator('.analytics-chart svg').first().evaluate((svg) => svg.getBoundingClientRect().width)).toBeLessThanOrEqual(390);
    const widths = await page.evaluate<{ scroll: number; client: number }>('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await screenshot(page, 'analytics-phone');
  });
});

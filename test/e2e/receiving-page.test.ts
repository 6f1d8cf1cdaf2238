import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../report-files.js';
import { browserTests, useBrowserSession } from './browser-session.js';
import { hasChromium } from './chromium.js';
import { chineseLogin, logIn, logInAsViewer, screenshot } from './pages.js';

// The receiving page (docs/web.md#pages) on a phone-sized screen, against the real server and the
// demo's data: a parcel scanned by its RMA, its arrival recorded, the checklist its category asks
// answered, a photo taken, the grade and routes compared with the API's own answers, the route
// recorded and the refund quoted. Then the same page in Chinese, and as a viewer who may only look.

interface ApiCase { id: number; orderId: string; sku: string; amazonRmaId: string | null; marketplace: string }
interface ApiSheet { requiredItems: string[]; expectedAccessories: string[]; inspection: { grade: string; ruleId: string } | null }
interface ApiRoutes { result: { options: { route: string; netRecoveryMinor: number }[]; recommended: { route: string } | null } }

const phone = { width: 390, height: 844 };
// A real 1×1 PNG: Chromium decodes it, so the gallery's thumbnail must load.
const pngBytes = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC', 'base64');

/** The answer a careful inspector gives a unit opened and lightly used, item by item (the English labels). */
const answersGiven: Record<string, string> = {
  unitPresent: 'Yes', outerBox: 'Intact', matchesListing: 'Yes', identityMatches: 'Yes', retailPackaging: 'Opened, intact',
  seal: 'Broken', signsOfUse: 'Light', damage: 'None', functionTest: 'Passed',
};

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const answer = await page.request.get(path);
  expect(answer.status(), path).toBe(200);
  return await answer.json() as T;
}

/** Seller-fulfilled US returns not yet back, with an RMA to scan. */
async function awaitedReturns(page: Page): Promise<ApiCase[]> {
  const found: ApiCase[] = [];
  for (const status of ['requested', 'authorized', 'in_transit']) {
    const list = await apiGet<{ items: ApiCase[] }>(page, `/api/accounts/1/returns?channel=MFN&marketplace=US&status=${status}&limit=50`);
    found.push(...list.items.filter((c) => c.amazonRmaId !== null));
  }
  return found;
}

async function scan(page: Page, identifier: string, label = 'Scan or type an RMA, tracking number, order id, license plate or case id'): Promise<void> {
  await page.getByLabel(label).fill(identifier);
  await page.getByLabel(label).press('Enter');
}

describe.skipIf(!hasChromium())('the receiving page in Chromium', browserTests, () => {
  const dir = scratchDir();
  const session = useBrowserSession({ withViewer: true }, () => rmSync(dir, { recursive: true, force: true }));

  it('receives, inspects with a photo, routes and quotes a returned unit on a phone, as the API says', async () => {
    const page = await session.openPage({ viewport: phone });
    await logIn(page, session.server().url);
    const [unit] = await awaitedReturns(page);
    expect(unit, 'the demo holds a seller-fulfilled US return on its way back').toBeDefined();
    await page.goto(`${session.server().url}/receiving`);
    await page.getByRole('heading', { name: 'Receiving and inspection' }).waitFor();
    // The scan field is focused on arrival: a barcode scanner types straight into it.
    expect(await page.evaluate<string | undefined>('document.activeElement?.getAttribute("type")')).toBe('search');
    await screenshot(page, 'receiving-scan');

    await scan(page, unit!.amazonRmaId!);
    await page.waitForURL(`**/receiving/${unit!.id}`);
    const facts = page.locator('.unit-facts');
    await expect.poll(() => facts.textContent()).toContain(unit!.orderId);
    expect(await facts.textContent()).toContain(unit!.sku);

    // 1. The arrival, with a damaged outer box.
    await page.getByRole('group', { name: /The shipping box/ }).getByLabel('Damaged').check();
    await page.getByRole('button', { name: 'Record the arrival' }).click();
    await page.getByText(/Arrival recorded\. The case is now at version \d+\./).waitFor();

    // 2. The checklist asks exactly what the API says this category requires.
    const sheet = await apiGet<ApiSheet>(page, `/api/accounts/1/returns/${unit!.id}/checklist`);
    const form = page.locator('form[aria-labelledby="inspection-title"]');
    await form.waitFor();
    const asked = await form.locator('> fieldset.choice-field').evaluateAll((sets) => sets.map((s) => s.getAttribute('data-item')!.replace('inspection-', '')));
    expect(asked).toEqual(sheet.requiredItems.filter((item) => item !== 'accessoriesMissing' || sheet.expectedAccessories.length > 0));
    // Sent unanswered, it says what is missing and goes to the first question, sending nothing.
    await page.getByRole('button', { name: 'Record the inspection' }).click();
    await page.getByText(/^Answer these first: Is the unit in the parcel\?/).waitFor();
    expect(await page.evaluate<string | undefined>('document.activeElement?.closest("fieldset")?.getAttribute("data-item")')).toBe('inspection-unitPresent');

    for (const item of asked.filter((i) => i !== 'accessoriesMissing')) await form.locator(`fieldset[data-item="inspection-${item}"]`).getByLabel(answersGiven[item]!, { exact: true }).check();
    // A photo from the camera button, and a text file that is refused before any upload.
    const photo = join(dir, 'label.png');
    writeFileSync(photo, pngBytes);
    writeFileSync(join(dir, 'notes.txt'), 'not a photo');
    await page.getByTestId('evidence-files').setInputFiles([photo, join(dir, 'notes.txt')]);
    await page.getByText('notes.txt is not a photo or video, so it was left out.').waitFor();
    expect(await page.locator('.evidence-picker .evidence-list li').count()).toBe(1);
    await screenshot(page, 'receiving-inspection');
    await page.getByRole('button', { name: 'Record the inspection' }).click();
    await page.getByText(/^Inspection recorded: /).waitFor();

    // The grade and the stored photo are the server's.
    const inspected = await apiGet<ApiSheet>(page, `/api/accounts/1/returns/${unit!.id}/checklist`);
    const gradeShown = await page.locator('.grade-box .grade').getAttribute('data-grade');
    expect(gradeShown).toBe(inspected.inspection!.grade);
    const evidence = await apiGet<{ items: { sha256: string; kind: string }[] }>(page, `/api/accounts/1/returns/${unit!.id}/evidence`);
    expect(evidence.items.map((e) => [e.sha256, e.kind])).toEqual([[createHash('sha256').update(pngBytes).digest('hex'), 'photo']]);
    const thumbnail = page.locator('.evidence-gallery img');
    await expect.poll(() => thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);

    // 3. Every route as the API prices it, the best one marked and chosen first; recorded.
    const routes = await apiGet<ApiRoutes>(page, `/api/accounts/1/returns/${unit!.id}/disposition`);
    const table = page.locator('table.route-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-route')))).toEqual(routes.result.options.map((o) => o.route));
    const best = routes.result.recommended!.route;
    expect(await table.locator('tr.is-best').getAttribute('data-route')).toBe(best);
    await page.getByRole('button', { name: 'Record the route' }).click();
    await page.getByText(/^Route recorded: /).waitFor();
    const events = await apiGet<{ events: { kind: string; data: { route?: string } }[] }>(page, `/api/accounts/1/returns/${unit!.id}`);
    expect(events.events.filter((e) => e.kind === 'disposition').map((e) => e.data.route)).toEqual([best]);

    // 4. The refund the unit allows, as the API quotes it.
    const csrf = await page.evaluate<string>('localStorage.getItem("returndesk.csrf")');
    const quoted = await page.request.post(`/api/accounts/1/returns/${unit!.id}/refund-quotes`, { data: {}, headers: { 'x-csrf-token': csrf } });
    expect(quoted.status()).toBe(200);
    const quote = await quoted.json() as { quote: { totalMinor: number; currency: string } };
    const total = new Intl.NumberFormat('en-US', { style: 'currency', currency: quote.quote.currency }).format(quote.quote.totalMinor / 100);
    await expect.poll(() => page.locator('#case-refund-title ~ .table-scroll tfoot td.number').textContent()).toBe(total);

    const widths = await page.evaluate<{ scroll: number; client: number }>('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await screenshot(page, 'receiving-phone');
  });

  it('says in Chinese when a scan matches nothing, and shows a unit\'s checklist in Chinese', async () => {
    const page = await session.openPage({ viewport: phone, locale: 'zh-CN', expected: [{ status: 404, path: '/api/accounts/1/cases/lookup' }] });
    await logIn(page, session.server().url, chineseLogin);
    const units = await awaitedReturns(page);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '收货' }).click();
    await page.getByRole('heading', { name: '收货与检验' }).waitFor();
    const label = '扫描或输入 RMA、追踪号、订单号、LPN 或案件号';
    await scan(page, 'RMA-NOTHING-LIKE-THIS', label);
    await page.getByText('没有与“RMA-NOTHING-LIKE-THIS”匹配的退货。请核对号码，或在工作队列中查找该案件。').waitFor();
    await scan(page, units.at(-1)!.amazonRmaId!, label);
    await page.getByRole('heading', { name: '1. 记录到货' }).waitFor();
    await page.getByRole('group', { name: /外箱/ }).getByLabel('完好').check();
    await page.getByRole('button', { name: '记录到货' }).click();
    await page.getByRole('heading', { name: '2. 检验商品' }).waitFor();
    expect(await page.locator('fieldset[data-item="inspection-unitPresent"] legend').textContent()).toBe('包裹里有商品吗？ (必答)');
    await screenshot(page, 'receiving-inspection');
  });

  it('lets a viewer look a unit up but not receive or inspect it', async () => {
    const page = await session.openPage({ viewport: phone });
    await logInAsViewer(page, session.server().url);
    const { items: [unit] } = await apiGet<{ items: ApiCase[] }>(page, '/api/accounts/1/returns?channel=MFN&limit=1');
    await page.goto(`${session.server().url}/receiving/${unit!.id}`);
    await page.getByText('Your role may look up returns here but not record arrivals, inspections or routes.').waitFor();
    await page.locator('.unit-facts').getByText(unit!.orderId).waitFor();
    expect(await page.getByRole('button', { name: 'Record the arrival' }).count()).toBe(0);
  });
});

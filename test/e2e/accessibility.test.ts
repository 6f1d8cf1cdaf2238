import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTests, useBrowserSession } from './browser-session.js';
import { hasChromium } from './chromium.js';
import { chineseLogin, englishLogin, logIn, queueRows } from './pages.js';

// Every page of the app checked by axe-core against WCAG 2.1 A and AA (labels, names, contrast,
// landmarks, lang…), in English and in Chinese, at desktop and phone widths. axe's source is run
// through the DevTools protocol, which the app's CSP (no inline script) does not apply to.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** axe's violations on the page as it is now, each with the first elements it names. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate<Violation[]>(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`);
  return found.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page at `path` once its content has loaded (no loading notice left). */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  await expect.poll(() => page.locator('.notice-loading').count()).toBe(0);
}

describe.skipIf(!hasChromium())('the web app\'s accessibility in Chromium', browserTests, () => {
  const session = useBrowserSession({ withViewer: true });

  it.each([
    ['en-US', englishLogin, { width: 1280, height: 900 }],
    ['zh-CN', chineseLogin, { width: 390, height: 844 }],
  ] as const)('finds no WCAG A/AA violation on any page (%s, %j)', async (locale, labels, viewport) => {
    const page = await session.openPage({ locale, viewport });
    const base = session.server().url;
    await page.goto(`${base}/login`);
    await page.locator('form').first().waitFor();
    const found: Record<string, string[]> = { '/login': await violations(page) };
    await logIn(page, base, labels);
    const caseId = await queueRows(page).first().getAttribute('data-case-id');
    const { items: [mfn] } = await (await page.request.get('/api/accounts/1/returns?channel=MFN&limit=1')).json() as { items: { id: number }[] };
    for (const path of ['/queue', `/cases/${caseId}`, '/import', '/claims', '/receiving', `/receiving/${mfn!.id}`, '/analytics', '/settings', '/settings/amazon']) {
      await visit(page, `${base}${path}`);
      found[path] = await violations(page);
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });
});

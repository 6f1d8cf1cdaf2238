import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTests, useBrowserSession } from './browser-session.js';
import { hasChromium } from './chromium.js';
import { agent } from './live-server.js';
import { chineseLogin, englishLogin, logIn, logInAsViewer, screenshot } from './pages.js';

// The settings page (docs/web.md#pages) in a real browser against the real server: the owner adds a
// user, changes their role and removes them (and cannot remove the last owner), makes an API token
// that works until it is revoked, adds a seller account the header then offers, checks and applies
// the policy (and meets the 409 of a stale version), edits a message template with the live lint; a
// viewer sees everything read-only; the page in Chinese and at phone width.

interface ApiUser { id: number; username: string; roles: Record<string, string> }
interface ApiPolicy { version: number; policy: { decisionPriors: { buyerShipByDays: number }; saveOfferLadderBps: number[]; messageTemplates?: Record<string, Record<string, { subject: string; body: string }>> } }

/** A user's id, asked on the Node side before the page opens (a refusal the page is expected to log names it). */
async function userIdOf(baseUrl: string, username: string): Promise<number> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(agent) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const answer = await fetch(`${baseUrl}/api/accounts/1/users`, { headers: { cookie } });
  const { items } = await answer.json() as { items: ApiUser[] };
  return items.find((u) => u.username === username)!.id;
}

const newUser = { username: 'mei.lin', password: 'correct horse battery staple' };

async function apiUsers(page: Page): Promise<ApiUser[]> {
  const answer = await page.request.get('/api/accounts/1/users');
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: ApiUser[] }).items;
}

async function apiPolicy(page: Page): Promise<ApiPolicy> {
  const answer = await page.request.get('/api/accounts/1/policy');
  expect(answer.status()).toBe(200);
  return answer.json() as Promise<ApiPolicy>;
}

/** The page's own CSRF token, to make a change through the API behind the page's back as another tab would. */
const csrfOf = (page: Page) => page.evaluate<string>('localStorage.getItem("returndesk.csrf")');

const policyEditor = (page: Page) => page.getByLabel(/^Policy document \(JSON\)/);

/** Edits the policy in the page's editor as a person would, through the document's text. */
async function editPolicy(page: Page, change: (policy: ApiPolicy['policy']) => void): Promise<void> {
  const document = JSON.parse(await policyEditor(page).inputValue()) as ApiPolicy['policy'];
  change(document);
  await policyEditor(page).fill(JSON.stringify(document, null, 2));
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate<{ scroll: number; client: number }>('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

describe.skipIf(!hasChromium())('the settings page in Chromium', browserTests, () => {
  const session = useBrowserSession({ withViewer: true });

  it('adds a user, changes their role, removes them, and refuses to remove the last owner', async () => {
    // The refusal the test causes names the owner's id in its path.
    const ownerId = await userIdOf(session.server().url, agent.username);
    const page = await session.openPage({ expected: [{ status: 409, path: `/api/accounts/1/users/${ownerId}` }] });
    await logIn(page, session.server().url, englishLogin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Policy in force' }).waitFor();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Users and roles' }).click();
    await page.waitForURL('**/settings/users');
    const users = page.getByRole('table', { name: 'Users of this account' });
    await users.waitFor();

    // A password the server would refuse is caught in the page, and nothing is sent.
    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('User name').fill(newUser.username);
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Add user' }).click();
    await form.getByText('The password needs at least 10 characters.').waitFor();
    expect((await apiUsers(page)).map((u) => u.username)).not.toContain(newUser.username);

    await form.getByLabel('Password').fill(newUser.password);
    await form.getByLabel('Role').selectOption({ label: 'Agent' });
    await form.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('status').filter({ hasText: 'mei.lin can now work in this account as Agent.' }).waitFor();
    const row = users.locator(`tr[data-username="${newUser.username}"]`);
    await expect.poll(() => row.locator('td').first().textContent()).toBe('Agent');
    const added = (await apiUsers(page)).find((u) => u.username === newUser.username);
    expect(added?.roles['1']).toBe('agent');
    expect(await form.getByLabel('Password').inputValue()).toBe('');
    await screenshot(page, 'settings-users');

    await row.getByLabel('New role of mei.lin').selectOption({ label: 'Inspector' });
    await row.getByRole('button', { name: 'Change role' }).click();
    await page.getByRole('status').filter({ hasText: 'mei.lin is now Inspector in this account.' }).waitFor();
    await expect.poll(async () => (await apiUsers(page)).find((u) => u.username === newUser.username)?.roles['1']).toBe('inspector');

    await users.getByRole('button', { name: 'Remove mei.lin' }).click();
    await users.getByRole('button', { name: 'Yes, do it' }).click();
    await page.getByRole('status').filter({ hasText: 'mei.lin no longer works in this account.' }).waitFor();
    await expect.poll(() => row.count()).toBe(0);
    expect((await apiUsers(page)).map((u) => u.username)).not.toContain(newUser.username);

    // The owner is the account's only one: the server keeps them, and the page says why.
    const owner = users.locator('tr[data-username="e2e-owner"]');
    await owner.getByRole('button', { name: 'Remove e2e-owner' }).click();
    await owner.getByRole('button', { name: 'Yes, do it' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'this account must keep at least one owner' });
    await refusal.waitFor();
    expect(await page.evaluate<boolean>('document.activeElement?.classList.contains("settings-notice") ?? false')).toBe(true);
    expect((await apiUsers(page)).find((u) => u.username === 'e2e-owner')?.roles['1']).toBe('owner');
  });

  it('makes an API token whose secret is shown once and works until revoked, and adds a seller account the header offers', async () => {
    const page = await session.openPage({ clipboard: true });
    await logIn(page, session.server().url, englishLogin);
    await page.goto(`${session.server().url}/settings/tokens`);
    await page.getByRole('heading', { name: 'You have no API tokens' }).waitFor();
    const form = page.getByRole('form', { name: 'Create a token' });
    await form.getByLabel('Name').fill('nightly export');
    await form.getByLabel('Role').selectOption({ label: 'Viewer' });
    await form.getByRole('button', { name: 'Create token' }).click();
    const secretBox = page.getByRole('region', { name: 'Token nightly export created' });
    await secretBox.getByText('it will not be shown again').waitFor();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^rd_[\w-]{43}$/);
    await secretBox.getByRole('button', { name: 'Copy secret' }).click();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
    const table = page.getByRole('table', { name: 'Your API tokens, newest first' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr td').nth(2).textContent()).toBe('Viewer');
    await screenshot(page, 'settings-tokens');

    const bearer = { authorization: `Bearer ${secret}` };
    expect((await page.request.get('/api/accounts/1/queue?limit=1', { headers: bearer })).status()).toBe(200);

    // Once dismissed, the secret is nowhere on the page.
    await secretBox.getByRole('button', { name: 'I have copied it' }).click();
    await form.waitFor();
    expect(await page.locator('body').textContent()).not.toContain(secret);

    await table.getByRole('button', { name: 'Revoke nightly export' }).click();
    await table.getByRole('button', { name: 'Yes, do it' }).click();
    await page.getByRole('status').filter({ hasText: 'Token nightly export is revoked' }).waitFor();
    await table.getByText(/^Revoked /).waitFor();
    expect((await page.request.get('/api/accounts/1/queue?limit=1', { headers: bearer })).status()).toBe(401);

    // A second seller account: the header's picker offers it at once.
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Seller accounts' }).click();
    const accounts = page.getByRole('table', { name: 'The seller accounts you work in, with your role' });
    await expect.poll(() => accounts.locator('tbody tr').count()).toBe(1);
    const addForm = page.getByRole('form', { name: 'Add a seller account' });
    await addForm.getByLabel('Account name').fill('Second shop');
    await addForm.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('status').filter({ hasText: 'Seller account Second shop added' }).waitFor();
    await expect.poll(() => accounts.locator('tbody tr th').allTextContents()).toContain('Second shop');
    const picker = page.getByRole('banner').getByLabel('Seller account');
    await expect.poll(() => picker.locator('option').allTextContents()).toContain('Second shop');
    await screenshot(page, 'settings-accounts');
  });

  it('checks the policy with every error\'s path, applies a good one as the next version, and says when the version is stale', async () => {
    const page = await session.openPage({ expected: [{ status: 409, path: '/api/accounts/1/policy' }] });
    await logIn(page, session.server().url, englishLogin);
    await page.goto(`${session.server().url}/settings`);
    const before = await apiPolicy(page);
    await expect.poll(() => page.getByTestId('policy-version').textContent()).toBe(String(before.version));
    await page.getByRole('table', { name: 'Handling cost per returned unit' }).getByRole('row', { name: /US/ }).getByText('$3.00').waitFor();

    await editPolicy(page, (policy) => { policy.saveOfferLadderBps = [1000, 1500, 20000]; });
    await page.getByRole('button', { name: 'Check' }).click();
    const problems = page.getByRole('region', { name: /errors?: nothing was stored/ });
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toContain('saveOfferLadderBps[2] must be at most 10000');
    expect((await apiPolicy(page)).version).toBe(before.version);
    await screenshot(page, 'settings-policy-errors');

    await editPolicy(page, (policy) => { policy.saveOfferLadderBps = [1000, 1500, 2000]; policy.decisionPriors.buyerShipByDays = 10; });
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('region', { name: 'No errors: the policy can be applied.' }).waitFor();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('status').filter({ hasText: `Applied: version ${before.version + 1} is now in force.` }).waitFor();
    const applied = await apiPolicy(page);
    expect(applied.version).toBe(before.version + 1);
    expect(applied.policy.decisionPriors.buyerShipByDays).toBe(10);
    await expect.poll(() => page.getByTestId('policy-version').textContent()).toBe(String(applied.version));

    // Someone else applies a version behind the page's back: the page's Apply is refused and stores nothing.
    const behind = { ...applied.policy, decisionPriors: { ...applied.policy.decisionPriors, buyerShipByDays: 12 } };
    const put = await page.request.put('/api/accounts/1/policy', { data: behind, headers: { 'x-csrf-token': await csrfOf(page), 'if-match': `"${applied.version}"` } });
    expect(put.status()).toBe(200);
    await editPolicy(page, (policy) => { policy.decisionPriors.buyerShipByDays = 7; });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('alert').filter({ hasText: `Someone applied another policy since version ${applied.version} was loaded` }).waitFor();
    expect((await apiPolicy(page)).policy.decisionPriors.buyerShipByDays).toBe(12);
    await screenshot(page, 'settings-policy-conflict');
    await page.getByRole('button', { name: 'Reload the policy' }).click();
    await expect.poll(() => page.getByTestId('policy-version').textContent()).toBe(String(applied.version + 1));
    expect(JSON.parse(await policyEditor(page).inputValue()).decisionPriors.buyerShipByDays).toBe(12);
  });

  it('lints a message template as it is typed, saves it into the policy, and says when the version is stale', async () => {
    const page = await session.openPage({ expected: [{ status: 409, path: '/api/accounts/1/policy' }] });
    await logIn(page, session.server().url, englishLogin);
    await page.goto(`${session.server().url}/settings/templates`);
    const picker = page.locator('.template-picker');
    await picker.getByLabel('Language').selectOption({ label: 'German' });
    await picker.getByLabel('Message type').selectOption({ label: 'Return authorized' });
    const editor = page.getByRole('form', { name: 'Template: Return authorized, German' });
    // The edit starts from the wording drafts use now: here the shipped German one, as the API says.
    const inForce = await (await page.request.get('/api/accounts/1/messages/templates')).json() as { templates: { de: { authorize_return: { subject: string; body: string; origin: string } } } };
    const shipped = inForce.templates.de.authorize_return;
    expect(shipped.origin).toBe('shipped');
    expect(await editor.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe(shipped.subject);
    expect(await editor.getByRole('textbox', { name: 'Message' }).inputValue()).toBe(shipped.body);
    await editor.getByRole('textbox', { name: 'Subject' }).fill('Ihre Rücksendung {orderId}');
    await editor.getByRole('textbox', { name: 'Message' }).fill('Guten Tag {buyerName}, besuchen Sie https://example.com für Details.');
    const lint = editor.getByRole('region', { name: 'Amazon\'s messaging rules' });
    await expect.poll(() => lint.getByRole('status').textContent()).toMatch(/^1 finding/);
    expect(await lint.locator('.lint-findings code').allTextContents()).toContain('link');
    await screenshot(page, 'settings-templates');

    await editor.getByRole('textbox', { name: 'Message' }).fill('Guten Tag {buyerName}, Ihre Rücksendung für {itemName} ist genehmigt.');
    await expect.poll(() => lint.getByRole('status').textContent()).toBe('No findings: nothing breaks the messaging rules.');
    const before = await apiPolicy(page);
    await editor.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('status').filter({ hasText: `from version ${before.version + 1}` }).waitFor();
    const saved = await apiPolicy(page);
    expect(saved.policy.messageTemplates?.de?.authorize_return?.body).toBe('Guten Tag {buyerName}, Ihre Rücksendung für {itemName} ist genehmigt.');
    await expect.poll(() => page.getByRole('table', { name: 'Whose wording each message uses' }).getByRole('row', { name: /Return authorized/ }).locator('td').nth(1).textContent()).toBe('Yours');

    // A version applied behind the page's back: the save is refused, and the page loads the new version.
    const put = await page.request.put('/api/accounts/1/policy', { data: { ...saved.policy, messageTemplates: undefined }, headers: { 'x-csrf-token': await csrfOf(page), 'if-match': `"${saved.version}"` } });
    expect(put.status()).toBe(200);
    await editor.getByRole('textbox', { name: 'Message' }).fill('Guten Tag {buyerName}, wir haben Ihre Rücksendung genehmigt.');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone applied another policy meanwhile' }).waitFor();
    expect((await apiPolicy(page)).policy.messageTemplates).toBeUndefined();
    const reloaded = page.getByRole('form', { name: 'Template: Return authorized, German' });
    await expect.poll(() => reloaded.getByText('This message uses the shipped wording').count()).toBe(1);
    expect(await reloaded.getByRole('textbox', { name: 'Message' }).inputValue()).toBe(shipped.body);
  });

  it('shows a viewer every setting read-only, without forms', async () => {
    const page = await session.openPage();
    await logInAsViewer(page, session.server().url);
    await page.goto(`${session.server().url}/settings`);
    await page.getByText('Your role may read the policy but not change it.').waitFor();
    await page.getByTestId('policy-version').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Apply' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Users and roles' }).click();
    await page.getByRole('heading', { name: 'Only owners manage users' }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Message templates' }).click();
    await page.getByText('Your role may read the templates but not change them.').waitFor();
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Seller accounts' }).click();
    await page.getByText('Only an owner of a seller account may add another one.').waitFor();
    expect(await page.locator('form').count()).toBe(0);
    await screenshot(page, 'settings-viewer');
  });

  it('shows the settings in Chinese, and at phone width without sideways scrolling', async () => {
    const page = await session.openPage({ locale: 'zh-CN' });
    await logIn(page, session.server().url, chineseLogin);
    await page.goto(`${session.server().url}/settings/users`);
    await page.getByRole('heading', { name: '用户与角色' }).waitFor();
    await page.getByRole('table', { name: '此账户的用户' }).locator('tbody tr').first().waitFor();
    expect(await page.getByRole('navigation', { name: '设置分区' }).getByRole('link').allTextContents()).toEqual(['策略', '消息模板', '用户与角色', 'API 令牌', '卖家账户', '亚马逊']);
    await screenshot(page, 'settings-users');
    const tabs = [['policy', '策略', '当前生效的策略'], ['templates', '消息模板', '买家消息模板'], ['tokens', 'API 令牌', 'API 令牌'], ['accounts', '卖家账户', '卖家账户'], ['amazon', '亚马逊', '亚马逊连接']] as const;
    for (const [tab, link, heading] of tabs) {
      await page.getByRole('navigation', { name: '设置分区' }).getByRole('link', { name: link }).click();
      await page.waitForURL(`**/settings/${tab}`);
      await page.getByRole('heading', { name: heading, level: 2 }).first().waitFor();
      await screenshot(page, `settings-${tab}`);
    }

    await page.setViewportSize({ width: 390, height: 844 });
    for (const tab of ['policy', 'templates', 'users', 'tokens', 'accounts', 'amazon']) {
      await page.goto(`${session.server().url}/settings/${tab}`);
      await page.locator('.settings-panel h2').first().waitFor();
      await page.locator('.notice-loading').waitFor({ state: 'detached' });
      await noSidewaysScroll(page);
    }
    await screenshot(page, 'settings-phone');
  });
});

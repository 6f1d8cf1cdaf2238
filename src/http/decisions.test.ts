import { describe, expect, it } from 'vitest';
import { tokenFor, useApiServer } from '../../test/api-access.js';
import { caseIdOf, importFbaReturn, importRequests, importedAt, requestRow } from '../../test/decision-fixtures.js';
import { testDatabases } from '../../test/databases.js';
import { headers, writeReport } from '../../test/report-files.js';
import { addAccount } from '../services/accounts.js';
import { importReportFile } from '../services/import-reports.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { enTemplates } from '../domain/messages/templates/en.js';

// The decision desk over HTTP: a request made Monday 2026-03-02 10:00 UTC, decided two hours later.

const now = '2026-03-02T12:00:00.000Z';
const requestedAt = '2026-03-02T10:00:00+00:00';

interface OptionBody { action: string; step?: number; allowed: boolean; expectedLossMinor: number; components: { id: string; amountMinor: number }[] }

describe.each(testDatabases)('decisions over HTTP on $name', (target) => {
  const server = useApiServer(target, now);
  const database = () => server.database();
  const app = () => server.app();

  const get = async (url: string, role: 'viewer' | 'agent' | 'owner' = 'viewer') =>
    app().inject({ method: 'GET', url, headers: { authorization: `Bearer ${await tokenFor(database(), role)}` } });
  const lint = async (payload: object, role: 'viewer' | 'agent' = 'viewer', accountId = 1) =>
    app().inject({ method: 'POST', url: `/api/accounts/${accountId}/messages/lint`, payload, headers: { authorization: `Bearer ${await tokenFor(database(), role)}` } });

  /** A German buyer who no longer wants a €39.99 item: the buyer's fault, so save offers are allowed. */
  async function remorseCase(): Promise<number> {
    await importRequests(database(), server.scratch, [{ orderId: '305-0000001-0000001', requestedAt, orderAmount: '39,99', currency: 'EUR', reason: 'CR-UNWANTED_ITEM' }], 'DE');
    return caseIdOf(database(), '305-0000001-0000001');
  }

  it('recommends for a buyer-remorse request: every save-offer step priced, the explanation in both languages, the clocks and a German message', async () => {
    const caseId = await remorseCase();
    const response = await get(`/api/accounts/1/returns/${caseId}/recommendation`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ caseId, marketplace: 'DE', status: 'requested', reasonCategory: 'changed_mind', currency: 'EUR', atStakeMinor: 3999, decidedAt: now });
    const offers = (body.options as OptionBody[]).filter((o) => o.action === 'save_offer');
    expect(offers.map((o) => [o.step, o.allowed])).toEqual([[0, true], [1, true], [2, true]]);
    for (const option of body.options as OptionBody[]) {
      // Each expected loss is exactly its components side by side.
      expect(option.components.reduce((sum, c) => sum + c.amountMinor, 0)).toBe(option.expectedLossMinor);
    }
    expect(offers[0]!.components.map((c) => c.id)).toEqual(expect.arrayContaining(['save_discount', 'declined_authorize']));
    const cheapest = Math.min(...(body.options as OptionBody[]).filter((o) => o.allowed).map((o) => o.expectedLossMinor));
    expect(body.recommended.expectedLossMinor).toBe(cheapest);
    expect(body.explanation.en).toMatch(/^Recommended: /);
    expect(body.explanation.zh).toMatch(/^建议：/);
    expect(body.deadlines.map((d: { ruleId: string }) => d.ruleId)).toEqual(['rdr-response']);
    // Authorizing (the buyer pays the label, a fee is likely) is cheaper here than any offer.
    expect(body.recommended).toMatchObject({ action: 'authorize_return', allowed: true });
    expect(body.message).toMatchObject({ action: 'authorize_return', language: 'de', ready: true, findings: [] });
    expect(body.message.subject).toBe('Ihre Rücksendung für Bestellung 305-0000001-0000001 ist genehmigt');
    expect(body.message.body).toMatch(/^Guten Tag/);
    // What to do in Manage Returns for the recommended authorization, then what to record here.
    expect(body.actionSheet.map((s: { kind: string }) => s.kind)).toEqual(['open', 'authorize', 'message', 'record']);
    expect(body.actionSheet[0].en).toContain('order 305-0000001-0000001');
  });

  it('greets the buyer by the name given, and refuses an empty one', async () => {
    const caseId = await remorseCase();
    const named = await get(`/api/accounts/1/returns/${caseId}/recommendation?buyerName=Anna%20Schmidt`);
    expect(named.json().message.body).toMatch(/^Guten Tag Anna Schmidt,/);
    const empty = await get(`/api/accounts/1/returns/${caseId}/recommendation?buyerName=%20`);
    expect([empty.statusCode, empty.json().error.details]).toEqual([400, [expect.objectContaining({ path: 'buyerName', message: expect.stringContaining('buyer\'s name') })]]);
  });

  it('answers a case that cannot be decided with the service\'s conflict, never a 500', async () => {
    await importFbaReturn(database(), server.scratch, '112-0000001-0000001');
    await importRequests(database(), server.scratch, [{ orderId: '111-0000005-0000005', requestedAt, status: 'Approved' }], 'US', 'mfn-approved.txt');
    const fba = await get(`/api/accounts/1/returns/${await caseIdOf(database(), '112-0000001-0000001')}/recommendation`);
    expect([fba.statusCode, fba.json().error.code, fba.json().error.message]).toEqual([409, 'conflict', expect.stringContaining('is an FBA return')]);
    const authorized = await get(`/api/accounts/1/returns/${await caseIdOf(database(), '111-0000005-0000005')}/recommendation`);
    expect([authorized.statusCode, authorized.json().error.message]).toEqual([409, expect.stringMatching(/is authorized: a decision applies only to an open request/)]);
    expect((await get('/api/accounts/1/returns/999999/recommendation')).statusCode).toBe(404);
    const badId = await get('/api/accounts/1/returns/0/recommendation');
    expect([badId.statusCode, badId.json().error.details]).toEqual([400, [expect.objectContaining({ path: 'id' })]]);
  });

  it('never shows another account\'s case: 404 through either account\'s path', async () => {
    await addAccount(database(), 'Second shop', 'test', now);
    const path = writeReport(server.scratch, 'mfn-second.txt', headers.mfnReturns, [requestRow({ orderId: '111-0000009-0000009', requestedAt, reason: 'CR-UNWANTED_ITEM' })]);
    await importReportFile(database(), path, { marketplace: 'US', now: importedAt, accountId: 2 });
    const otherCase = await caseIdOf(database(), '111-0000009-0000009');
    for (const url of [`/api/accounts/1/returns/${otherCase}/recommendation`, `/api/accounts/2/returns/${otherCase}/recommendation`]) {
      const response = await get(url, 'owner');
      expect([url, response.statusCode, response.json().error.code]).toEqual([url, 404, 'not_found']);
    }
    expect((await lint({ marketplace: 'US', subject: 'Your return', body: 'Thank you.' }, 'viewer', 2)).statusCode).toBe(404);
  });

  it('flags an edited message that asks for a review and links off Amazon, and is not ready to send', async () => {
    const response = await lint({
      marketplace: 'US', subject: 'Your return',
      body: 'Thank you for your order. Could you leave a review for us? More at https://example.com/returns.',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ marketplace: 'US', language: 'en', ready: false });
    expect(response.json().findings.map((f: { field: string; ruleId: string; excerpt: string }) => [f.field, f.ruleId, f.excerpt])).toEqual([
      ['body', 'review-request', 'leave a review'],
      ['body', 'link', 'https://example.com/returns'],
    ]);
    const finding = response.json().findings[1];
    expect(finding.message).toContain('Links and web addresses are not allowed');
    // The offsets point into the text as sent, so an editor can mark it.
    expect('Thank you for your order. Could you leave a review for us? More at https://example.com/returns.'.slice(finding.start, finding.end)).toBe(finding.excerpt);
  });

  it('checks in the marketplace\'s language unless told otherwise, and passes a clean message', async () => {
    const german = await lint({ marketplace: 'DE', subject: 'Ihre Rücksendung', body: 'Über eine positive Bewertung freuen wir uns.' });
    expect(german.json()).toMatchObject({ language: 'de', ready: false, findings: [expect.objectContaining({ ruleId: 'review-request', excerpt: 'positive Bewertung' })] });
    const clean = await lint({ marketplace: 'DE', language: 'de', subject: 'Ihre Rücksendung', body: 'Guten Tag, Ihre Rücksendung ist genehmigt. Sie müssen nichts weiter tun.' }, 'agent');
    expect(clean.json()).toEqual({ marketplace: 'DE', language: 'de', findings: [], ready: true });
    const subject = await lint({ marketplace: 'UK', subject: 'Write to help@shop-example.com', body: 'Thank you.' });
    expect(subject.json().findings).toEqual([expect.objectContaining({ field: 'subject', ruleId: 'email' })]);
  });

  it.each([
    ['an unknown marketplace', { marketplace: 'XX', subject: 'Hi', body: 'Thank you.' }, /Unknown marketplace "XX"/],
    ['an unknown language', { marketplace: 'US', language: 'pt', subject: 'Hi', body: 'Thank you.' }, /not valid/],
    ['an empty body', { marketplace: 'US', subject: 'Hi', body: '   ' }, /not valid/],
    ['no body at all', { marketplace: 'US', subject: 'Hi' }, /not valid/],
  ])('refuses to lint %s with a 400', async (_what, payload, message) => {
    const response = await lint(payload);
    expect([response.statusCode, response.json().error.code, response.json().error.message]).toEqual([400, 'invalid_input', expect.stringMatching(message)]);
  });

  it('answers every template as drafts use it: the shipped wording, then the seller\'s own once the policy has it', async () => {
    const shipped = (await get('/api/accounts/1/messages/templates')).json();
    expect(shipped.policyVersion).toBe(0);
    expect(Object.keys(shipped.templates)).toEqual(['en', 'de', 'fr', 'it', 'es', 'ja']);
    expect(Object.keys(shipped.templates.de)).toEqual(['save_offer', 'authorize_return', 'returnless_refund', 'refund_issued', 'request_information']);
    expect(shipped.templates.en.authorize_return).toEqual({ ...enTemplates.authorize_return, origin: 'shipped' });
    const own = { subject: 'Rückgabe {orderId} genehmigt', body: 'Guten Tag {buyerName},\n\nIhre Rückgabe ist genehmigt.\n\nViele Grüße' };
    const owner = { authorization: `Bearer ${await tokenFor(database(), 'owner')}` };
    const applied = await app().inject({ method: 'PUT', url: '/api/accounts/1/policy', headers: owner, payload: { ...defaultPolicy, messageTemplates: { de: { authorize_return: own } } } });
    expect(applied.statusCode).toBe(200);
    const after = (await get('/api/accounts/1/messages/templates')).json();
    expect([after.policyVersion, after.templates.de.authorize_return, after.templates.de.save_offer.origin]).toEqual([1, { ...own, origin: 'seller' }, 'shipped']);
  });

  it('says which field of a lint request is wrong', async () => {
    const empty = await lint({ marketplace: 'US', subject: 'Hi', body: '   ' });
    expect(empty.json().error.details).toEqual([{ path: 'body', message: expect.stringContaining('the message body is empty') }]);
  });
});

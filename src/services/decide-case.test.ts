import { describe, expect, it } from 'vitest';
import { caseIdOf, importFbaReturn, importProductCsv, importRequests, rejectionOf } from '../../test/decision-fixtures.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { scratchDir } from '../../test/report-files.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { decideCase } from './decide-case.js';
import type { CaseDecision } from './decide-case.js';
import { applyPolicy } from './policy.js';

// Requests made Monday 2026-03-02 10:00 UTC, decided two hours later.
const requestedAt = '2026-03-02T10:00:00+00:00';
const now = '2026-03-02T12:00:00.000Z';

const optionOf = (result: CaseDecision, action: string, step?: number) =>
  result.decision.options.find((option) => option.action === action && option.step === step)!;
const componentsOf = (result: CaseDecision, action: string) =>
  Object.fromEntries(optionOf(result, action).components.map((c) => [c.id, c.amountMinor]));

describe.each(testDatabases)('decideCase on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it('decides a US request: every option priced, the recommendation, both US clocks and an English message', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000001-0000001', requestedAt, orderAmount: '39.99' }]);
    const caseId = await caseIdOf(db(), '111-0000001-0000001');
    const result = await decideCase(db(), 1, caseId, now);

    expect(result).toMatchObject({
      caseId, orderId: '111-0000001-0000001', sku: 'DRESS-S', marketplace: 'US', status: 'requested',
      reasonCategory: 'not_as_described', policyVersion: 0, atStakeMinor: 3999,
    });
    // Not as described is the seller's fault: the seller pays the $6.00 label (lightest band, no weight
    // known) and $3.00 handling; resale by the not-as-described grade prior (40% new, 30% like new...).
    expect(componentsOf(result, 'authorize_return')).toEqual({
      refund: 3999, return_label: 600, handling: 300,
      recovery_new: -1600, recovery_like_new: -1020, recovery_very_good: -300, recovery_good: -260, recovery_acceptable: -100,
    });
    expect(result.decision.recommended).toMatchObject({ action: 'authorize_return', expectedLossMinor: 1619, allowed: true });
    expect(result.decision.options.map((o) => [o.action, o.step, o.allowed])).toEqual([
      ['authorize_return', undefined, true],
      ['returnless_refund', undefined, false],
      ['save_offer', 0, false], ['save_offer', 1, false], ['save_offer', 2, false],
      ['close_out_of_policy', undefined, false],
      ['escalate', undefined, false],
    ]);
    expect(optionOf(result, 'save_offer', 0).blockedBy).toEqual(['seller-fault-never-refused']);
    expect(optionOf(result, 'returnless_refund')).toMatchObject({ expectedLossMinor: 3999, blockedBy: ['returnless-needs-matching-rule'] });
    expect(result.decision.explanation.en).toContain('Recommended: authorize the return with a label; expected loss $16.19');

    // US: manual authorization within 24 hours and the 48-hour RDR clock, both from the request.
    expect(result.deadlines.map((d) => [d.ruleId, d.dueAt])).toEqual([
      ['manual-authorization', '2026-03-03T10:00:00.000Z'],
      ['rdr-response', '2026-03-04T10:00:00.000Z'],
    ]);
    expect(result.message).toMatchObject({
      action: 'authorize_return', language: 'en', ready: true, findings: [],
      subject: 'Your return for order 111-0000001-0000001 is authorized',
    });
    // The ship-by date is 14 days after the decision; the item name comes from the report.
    expect(result.message!.body).toContain('Please send the item back by March 16, 2026.');
    expect(result.message!.body).toContain('Summer dress, S');
  });

  it('runs only the RDR clock on a UK request (no manual authorization outside the US)', async () => {
    await importRequests(db(), dir, [{ orderId: '202-0000001-0000001', requestedAt, orderAmount: '19.99', currency: 'GBP' }], 'UK');
    const result = await decideCase(db(), 1, await caseIdOf(db(), '202-0000001-0000001'), now);
    expect(result.deadlines).toEqual([{ ruleId: 'rdr-response', dueAt: '2026-03-04T10:00:00.000Z', label: expect.objectContaining({ en: expect.stringContaining('48-hour') }) }]);
    // £19.99 + £3.50 label + £2.50 handling − £16.40 expected resale.
    expect(result.decision).toMatchObject({ currency: 'GBP', recommended: { action: 'authorize_return', expectedLossMinor: 959 } });
    expect(result.message).toMatchObject({ language: 'en', ready: true });
    expect(result.message!.body).toContain('16 March 2026');
  });

  it('drafts the message of a DE request in German, ready to send, with the buyer name given', async () => {
    await importRequests(db(), dir, [{ orderId: '305-0000001-0000001', requestedAt, orderAmount: '39,99', currency: 'EUR' }], 'DE');
    const result = await decideCase(db(), 1, await caseIdOf(db(), '305-0000001-0000001'), now, 'Anna Schmidt');
    expect(result).toMatchObject({ marketplace: 'DE', atStakeMinor: 3999, decision: { currency: 'EUR' } });
    // €4.50 EU label instead of $6.00: 3999 + 450 + 300 − 3280.
    expect(result.decision.recommended).toMatchObject({ action: 'authorize_return', expectedLossMinor: 1469 });
    expect(result.deadlines.map((d) => d.ruleId)).toEqual(['rdr-response']);
    expect(result.message).toMatchObject({ action: 'authorize_return', language: 'de', ready: true, findings: [] });
    expect(result.message).not.toHaveProperty('fallbackFrom');
    expect(result.message!.subject).toBe('Ihre Rücksendung für Bestellung 305-0000001-0000001 ist genehmigt');
    expect(result.message!.body).toMatch(/^Guten Tag Anna Schmidt,/);
    expect(result.message!.body).toContain('bis 16. März 2026 zurück');
  });

  it('prices a unit as the order amount divided by the order quantity, times the units returned', async () => {
    // $60.00 for 3 units, 2 of them returned: $20.00 a unit, $40.00 at stake. A product sheet price
    // ($25.00) does not override the report.
    await importProductCsv(db(), dir, 'sku,title,price\nMUG-1,Big mug,25.00\n');
    await importRequests(db(), dir, [{ orderId: '111-0000002-0000002', sku: 'MUG-1', requestedAt, orderAmount: '60.00', orderQuantity: '3', returnQuantity: '2' }]);
    const result = await decideCase(db(), 1, await caseIdOf(db(), '111-0000002-0000002'), now);
    expect(result.atStakeMinor).toBe(4000);
    expect(componentsOf(result, 'authorize_return')).toMatchObject({ refund: 4000, handling: 600 });
    expect(optionOf(result, 'returnless_refund').expectedLossMinor).toBe(4000);
  });

  it('rounds an order amount that does not divide evenly half away from zero', async () => {
    // $10.00 for 3 units: 333.33… cents a unit, so 333.
    await importRequests(db(), dir, [{ orderId: '111-0000003-0000003', requestedAt, orderAmount: '10.00', orderQuantity: '3' }]);
    const result = await decideCase(db(), 1, await caseIdOf(db(), '111-0000003-0000003'), now);
    expect(result.atStakeMinor).toBe(333);
  });

  it('falls back to the product sheet price, and takes category, weight and title from the sheet', async () => {
    await importProductCsv(db(), dir, 'sku,title,category,price,weight_g\nMUG-1,Big mug,kitchen,25.00,1200\n');
    await importRequests(db(), dir, [{ orderId: '111-0000004-0000004', sku: 'MUG-1', requestedAt, orderAmount: '' }]);
    const result = await decideCase(db(), 1, await caseIdOf(db(), '111-0000004-0000004'), now);
    expect(result.atStakeMinor).toBe(2500);
    // 1,200 g is in the US label band up to 2,268 g ($10.00); resale of $25.00 by the not-as-described prior.
    expect(componentsOf(result, 'authorize_return')).toEqual({
      refund: 2500, return_label: 1000, handling: 300,
      recovery_new: -1000, recovery_like_new: -638, recovery_very_good: -188, recovery_good: -163, recovery_acceptable: -63,
    });
    expect(result.decision.recommended).toMatchObject({ action: 'authorize_return', expectedLossMinor: 1748 });
    expect(result.message!.body).toContain('Big mug');
  });

  it('refunds a $5.00 request without a return under the US returnless rule ($0 to $10)', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000010-0000010', requestedAt, orderAmount: '5.00' }]);
    const result = await decideCase(db(), 1, await caseIdOf(db(), '111-0000010-0000010'), now);
    // Authorizing: 500 + 600 label + 300 handling − 412 resale = 988, more than the $5.00 refund.
    expect(optionOf(result, 'authorize_return').expectedLossMinor).toBe(988);
    expect(result.decision.recommended).toMatchObject({ action: 'returnless_refund', expectedLossMinor: 500, allowed: true, blockedBy: [] });
    expect(result.message).toMatchObject({ action: 'returnless_refund', language: 'en', ready: true });
    expect(result.message!.body).toContain('$5.00');
  });

  it('escalates a high-value unit claimed as the wrong item and asks the buyer for information', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000011-0000011', requestedAt, orderAmount: '250.00', reason: 'CR-SWITCHEROO' }]);
    const result = await decideCase(db(), 1, await caseIdOf(db(), '111-0000011-0000011'), now);
    expect(result.decision.recommended.action).toBe('escalate');
    expect(result.decision.firedRules).toContain('abuse-high-value-wrong-item');
    expect(result.decision.options.filter((o) => o.allowed).map((o) => o.action)).toEqual(['escalate']);
    expect(result.message).toMatchObject({ action: 'request_information', language: 'en' });
  });

  it('decides under the policy in force and names its version', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000001-0000001', requestedAt, orderAmount: '39.99' }]);
    const policy = { ...defaultPolicy, handlingCostPerUnit: { ...defaultPolicy.handlingCostPerUnit, US: { amountMinor: 500, currency: 'USD' } } };
    expect(await applyPolicy(db(), 1, JSON.stringify(policy), 'policy.json', '2026-03-01T00:00:00.000Z')).toMatchObject({ version: 1, changed: true });
    const result = await decideCase(db(), 1, await caseIdOf(db(), '111-0000001-0000001'), now);
    expect(result.policyVersion).toBe(1);
    // $2.00 more handling than the default policy's 1619.
    expect(componentsOf(result, 'authorize_return').handling).toBe(500);
    expect(result.decision.recommended).toMatchObject({ action: 'authorize_return', expectedLossMinor: 1819 });
  });

  it('runs the tighter clocks of a policy that shortens them', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000001-0000001', requestedAt, orderAmount: '39.99' }]);
    const policy = { ...defaultPolicy, deadlines: { manualAuthorizationHours: 12, rdrResponseHours: 24 } };
    await applyPolicy(db(), 1, JSON.stringify(policy), 'policy.json', '2026-03-01T00:00:00.000Z');
    const result = await decideCase(db(), 1, await caseIdOf(db(), '111-0000001-0000001'), now);
    expect(result.deadlines.map((d) => [d.ruleId, d.dueAt])).toEqual([
      ['manual-authorization', '2026-03-02T22:00:00.000Z'],
      ['rdr-response', '2026-03-03T10:00:00.000Z'],
    ]);
  });

  it('is not_found for a case that does not exist, or of another account', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000001-0000001', requestedAt }]);
    const caseId = await caseIdOf(db(), '111-0000001-0000001');
    expect(await rejectionOf(decideCase(db(), 1, 999_999, now))).toMatchObject({ code: 'not_found', details: { id: 999_999 } });
    expect(await rejectionOf(decideCase(db(), 2, caseId, now))).toMatchObject({ code: 'not_found' });
  });

  it('is a conflict for a request that is no longer open (status authorized)', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000005-0000005', requestedAt, status: 'Approved' }]);
    const error = await rejectionOf(decideCase(db(), 1, await caseIdOf(db(), '111-0000005-0000005'), now));
    expect(error).toMatchObject({ code: 'conflict', details: { status: 'authorized' } });
    expect(error.message).toMatch(/is authorized: a decision applies only to an open request/);
  });

  it('is a conflict for an FBA return, which Amazon answers', async () => {
    await importFbaReturn(db(), dir, '112-0000001-0000001');
    const error = await rejectionOf(decideCase(db(), 1, await caseIdOf(db(), '112-0000001-0000001'), now));
    expect(error).toMatchObject({ code: 'conflict', details: { channel: 'FBA' } });
    expect(error.message).toContain('is an FBA return');
  });

  it('is invalid_input naming what to import when no price is known', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000006-0000006', sku: 'NO-PRICE', requestedAt, orderAmount: '' }]);
    const error = await rejectionOf(decideCase(db(), 1, await caseIdOf(db(), '111-0000006-0000006'), now));
    expect(error).toMatchObject({ code: 'invalid_input', details: { sku: 'NO-PRICE', currency: 'USD' } });
    expect(error.message).toContain('import the product sheet with prices');
  });

  it('does not take a product sheet price in another currency', async () => {
    // The sheet was imported for DE (EUR): a US request still has no USD price.
    await importProductCsv(db(), dir, 'sku,price\nMUG-1,"25,00"\n', 'DE');
    await importRequests(db(), dir, [{ orderId: '111-0000007-0000007', sku: 'MUG-1', requestedAt, orderAmount: '' }]);
    const error = await rejectionOf(decideCase(db(), 1, await caseIdOf(db(), '111-0000007-0000007'), now));
    expect(error).toMatchObject({ code: 'invalid_input', details: { currency: 'USD' } });
  });
});

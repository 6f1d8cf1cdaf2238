import { describe, expect, it } from 'vitest';
import { caseIdOf, countOutcomeRows, importRequests, rejectionOf } from '../../test/decision-fixtures.js';
import type { RequestRow } from '../../test/decision-fixtures.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { scratchDir } from '../../test/report-files.js';
import { findReturnCase, listCaseEvents } from '../storage/return-case-repository.js';
import { listCaseOutcomes } from '../storage/outcome-repository.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { decideCase } from './decide-case.js';
import type { CaseDecision } from './decide-case.js';
import { applyPolicy } from './policy.js';
import { recordOutcome } from './record-outcome.js';

const requestedAt = '2026-03-02T10:00:00+00:00';
const recordedAt = '2026-03-02T11:00:00.000Z';
const now = '2026-03-02T12:00:00.000Z';

// A $20.00 unit the buyer no longer wants (buyer fault): save offers are allowed, the buyer pays the label.
// Authorizing costs 2000 + 300 handling − 1770 resale − 100 expected restocking fee = 430.
const unwanted = (orderId: string, sku = 'TOY-1'): RequestRow => ({ orderId, sku, requestedAt, reason: 'CR-UNWANTED_ITEM', orderAmount: '20.00' });

const optionOf = (result: CaseDecision, action: string, step?: number) =>
  result.decision.options.find((option) => option.action === action && option.step === step)!;

describe.each(testDatabases)('recordOutcome on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  async function oneRequest(row: RequestRow = unwanted('111-0000001-0000001')): Promise<number> {
    await importRequests(db(), dir, [row]);
    return caseIdOf(db(), row.orderId);
  }

  it('blocks a declined step afterwards: the next decision names the save-offer-declined guardrail', async () => {
    const caseId = await oneRequest();
    const before = await decideCase(db(), 1, caseId, now);
    expect(optionOf(before, 'save_offer', 0)).toMatchObject({ allowed: true, blockedBy: [], expectedLossMinor: 584 });

    const recorded = await recordOutcome(db(), 1, caseId, { outcome: 'offer-declined', step: '1' }, recordedAt);
    expect(recorded).toEqual({ caseId, outcome: { kind: 'offer-declined', step: 0 }, statusBefore: 'requested', status: 'requested', version: 2 });

    const after = await decideCase(db(), 1, caseId, now);
    expect(optionOf(after, 'save_offer', 0)).toMatchObject({ allowed: false, blockedBy: ['save-offer-declined'] });
    expect(optionOf(after, 'save_offer', 1).allowed).toBe(true);
    expect(optionOf(after, 'save_offer', 2).allowed).toBe(true);
    expect(after.decision.firedRules).toContain('save-offer-declined');
    expect(after.status).toBe('requested');
  });

  it('blocks every step up to the declined one, never a larger offer', async () => {
    const caseId = await oneRequest();
    await recordOutcome(db(), 1, caseId, { outcome: 'offer_declined', step: 2 }, recordedAt);
    const after = await decideCase(db(), 1, caseId, now);
    expect([0, 1, 2].map((step) => optionOf(after, 'save_offer', step).blockedBy)).toEqual([['save-offer-declined'], ['save-offer-declined'], []]);
  });

  it('closes the case on an accepted offer and appends an outcome event', async () => {
    const caseId = await oneRequest();
    const before = (await findReturnCase(db().db, 1, caseId))!;
    const recorded = await recordOutcome(db(), 1, caseId, { outcome: 'offer-accepted', step: '3', note: '  kept it  ' }, recordedAt, 'test');
    expect(recorded).toEqual({ caseId, outcome: { kind: 'offer-accepted', step: 2, note: 'kept it' }, statusBefore: 'requested', status: 'closed', version: before.version + 1 });

    expect(await findReturnCase(db().db, 1, caseId)).toMatchObject({ status: 'closed', version: before.version + 1, updatedAt: recordedAt });
    const events = await listCaseEvents(db().db, caseId);
    expect(events.map((e) => e.kind)).toEqual(['created', 'outcome']);
    expect(events[1]).toMatchObject({
      source: 'test', importRunId: null, line: null, occurredAt: recordedAt, recordedAt,
      data: { outcome: 'offer-accepted', step: 3, grade: null, note: 'kept it', status: { before: 'requested', after: 'closed' } },
    });
    expect(await listCaseOutcomes(db().db, 1, caseId)).toEqual([{
      accountId: 1, caseId, outcome: 'offer-accepted', step: 2, grade: null, sku: 'TOY-1', productCategory: null,
      reasonCategory: 'changed_mind', note: 'kept it', recordedAt,
    }]);

    // Nothing is left to decide or to answer on a closed case.
    expect(await rejectionOf(decideCase(db(), 1, caseId, now))).toMatchObject({ code: 'conflict', details: { status: 'closed' } });
    expect(await rejectionOf(recordOutcome(db(), 1, caseId, { outcome: 'offer-declined', step: '1' }, now))).toMatchObject({ code: 'conflict' });
    expect(await countOutcomeRows(db())).toBe(1);
  });

  it('records a grade only for a unit that came back: conflict on an open request', async () => {
    const caseId = await oneRequest();
    const error = await rejectionOf(recordOutcome(db(), 1, caseId, { outcome: 'graded', grade: 'good' }, recordedAt));
    expect(error).toMatchObject({ code: 'conflict', details: { status: 'requested', outcome: 'graded' } });
    expect(error.message).toContain('needs a returned unit');
    expect(await countOutcomeRows(db())).toBe(0);
    expect((await listCaseEvents(db().db, caseId)).map((e) => e.kind)).toEqual(['created']);
  });

  it('refuses an outcome made on an older version of the case, and writes each change to the audit log', async () => {
    const caseId = await oneRequest();
    const first = await recordOutcome(db(), 1, caseId, { outcome: 'offer-declined', step: '1' }, recordedAt, 'api', { expectedVersion: 1, actor: 'user:7' });
    expect(first.version).toBe(2);
    const stale = await rejectionOf(recordOutcome(db(), 1, caseId, { outcome: 'offer-declined', step: '2' }, recordedAt, 'api', { expectedVersion: 1, actor: 'user:8' }));
    expect(stale).toMatchObject({ code: 'conflict', details: { expectedVersion: 1, version: 2 } });
    expect(await countOutcomeRows(db())).toBe(1);
    // The import that made the case has its own entry; the outcome adds one, the stale change none.
    const audit = await db().db.selectFrom('audit_log').selectAll().where('action', '=', 'case.outcome').execute();
    expect(audit.map((a) => [a.chain, a.actor, a.action, a.subject])).toEqual([['account:1', 'user:7', 'case.outcome', `case:${caseId}`]]);
    expect(JSON.parse(audit[0]!.before!)).toEqual({ status: 'requested', version: 1 });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ status: 'requested', version: 2, outcome: 'offer-declined', step: 0 });
  });

  it('records the grade of a received unit without moving the case', async () => {
    const caseId = await oneRequest({ ...unwanted('111-0000002-0000002'), deliveredAt: '2026-03-05T15:00:00+00:00' });
    const recorded = await recordOutcome(db(), 1, caseId, { outcome: 'graded', grade: 'Like New' }, recordedAt);
    expect(recorded).toEqual({ caseId, outcome: { kind: 'graded', grade: 'like_new' }, statusBefore: 'received', status: 'received', version: 2 });
    expect(await listCaseOutcomes(db().db, 1, caseId)).toMatchObject([{ outcome: 'graded', step: null, grade: 'like_new' }]);
    expect((await findReturnCase(db().db, 1, caseId))!.status).toBe('received');
  });

  it.each([
    ['an unknown outcome', { outcome: 'nonsense' }, /Unknown outcome "nonsense"; use one of offer-accepted, offer-declined, graded/],
    ['a missing step', { outcome: 'offer-declined' }, /needs --step between 1 and 3/],
    ['step 0', { outcome: 'offer-declined', step: '0' }, /needs --step between 1 and 3 .* not "0"/],
    ['a step beyond the ladder', { outcome: 'offer-accepted', step: '4' }, /needs --step between 1 and 3/],
    ['a step that is not a number', { outcome: 'offer-accepted', step: '1.5' }, /needs --step between 1 and 3/],
    ['an unknown grade', { outcome: 'graded', grade: 'mint' }, /needs --grade, one of new, like_new, very_good, good, acceptable, unsellable; got "mint"/],
    ['a grade on an offer', { outcome: 'offer-accepted', step: '1', grade: 'good' }, /takes --step, not --grade/],
    ['a step on a grade', { outcome: 'graded', step: '1', grade: 'good' }, /takes --grade, not --step/],
  ])('refuses %s as invalid_input and writes nothing', async (_what, text, message) => {
    const caseId = await oneRequest();
    const error = await rejectionOf(recordOutcome(db(), 1, caseId, text, recordedAt));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect(await countOutcomeRows(db())).toBe(0);
    expect((await listCaseEvents(db().db, caseId)).map((e) => e.kind)).toEqual(['created']);
    expect((await findReturnCase(db().db, 1, caseId))!.status).toBe('requested');
  });

  it('is not_found for an unknown case and writes nothing', async () => {
    await oneRequest();
    expect(await rejectionOf(recordOutcome(db(), 1, 999_999, { outcome: 'offer-declined', step: '1' }, recordedAt))).toMatchObject({ code: 'not_found' });
    expect(await countOutcomeRows(db())).toBe(0);
  });

  it('learns from accepted offers of a reason category: the odds come from data and the recommendation changes', async () => {
    const history = Array.from({ length: 10 }, (_, i) => unwanted(`111-1000000-00000${String(i).padStart(2, '0')}`));
    await importRequests(db(), dir, [...history, unwanted('111-0000009-0000009', 'MUG-1')]);
    const caseId = await caseIdOf(db(), '111-0000009-0000009');

    const before = await decideCase(db(), 1, caseId, now);
    expect(before.decision.odds.saveOfferAcceptance[0]).toEqual({ probability: 0.2, source: { from: 'prior', observations: {} } });
    expect(before.decision.recommended).toMatchObject({ action: 'authorize_return', expectedLossMinor: 430 });

    for (const row of history) await recordOutcome(db(), 1, await caseIdOf(db(), row.orderId), { outcome: 'offer-accepted', step: '1' }, recordedAt);

    const after = await decideCase(db(), 1, caseId, now);
    // Other SKUs, no product category: only the reason level has data, (10 × 0.2 + 10) / (10 + 10) = 0.6.
    expect(after.decision.odds.saveOfferAcceptance[0]).toEqual({ probability: 0.6, source: { from: 'data', observations: { reason: 10 }, level: 'reason' } });
    expect(after.decision.odds.saveOfferAcceptance.slice(1).map((o) => [o.probability, o.source.from])).toEqual([[0.3, 'prior'], [0.4, 'prior']]);
    expect(after.decision.odds.grades.source.from).toBe('prior');
    // 60% × $2.00 + 40% × $4.30 + 20% × $5.00 late-answer risk = $3.92, below authorizing ($4.30).
    expect(optionOf(after, 'save_offer', 0).components.map((c) => [c.id, c.amountMinor, c.probability])).toEqual([
      ['save_discount', 120, 0.6], ['declined_authorize', 172, 0.4], ['account_health_late_answer', 100, 0.2],
    ]);
    expect(after.decision.recommended).toMatchObject({ action: 'save_offer', step: 0, expectedLossMinor: 392 });
    expect(after.decision.explanation.en).toBe('Recommended: offer a partial refund so the buyer keeps the item (step 1); expected loss $3.92, because it is the cheapest allowed option. '
      + 'Offer acceptance comes from your history (10 outcomes of this return reason); grade odds from the policy prior.');
    expect(after.decision.explanation.zh).toContain('报价接受率来自历史数据（该退货原因 10 条结果）');
    expect(after.message).toMatchObject({ action: 'save_offer', ready: true });
  });

  it('learns at the SKU level within the reason, shrinking toward the reason level', async () => {
    const history = Array.from({ length: 3 }, (_, i) => unwanted(`111-2000000-000000${i}`));
    await importRequests(db(), dir, [...history, unwanted('111-0000008-0000008')]);
    for (const row of history) await recordOutcome(db(), 1, await caseIdOf(db(), row.orderId), { outcome: 'offer-accepted', step: '1' }, recordedAt);
    const result = await decideCase(db(), 1, await caseIdOf(db(), '111-0000008-0000008'), now);
    // The 3 outcomes are all this SKU's and count once: (10 × 0.2 + 3) / 13 = 0.3846…
    const step0 = result.decision.odds.saveOfferAcceptance[0]!;
    expect(step0.probability).toBeCloseTo(0.384615, 6);
    expect(step0.source).toEqual({ from: 'data', observations: { sku: 3 }, level: 'sku' });
  });

  it('learns grade odds from graded units of a reason category', async () => {
    // Ten units returned as not as described, all found unsellable.
    const graded = Array.from({ length: 10 }, (_, i): RequestRow => ({
      orderId: `111-3000000-00000${String(i).padStart(2, '0')}`, sku: 'LAMP-1', requestedAt: '2026-02-20T10:00:00+00:00', orderAmount: '39.99', deliveredAt: '2026-02-27T10:00:00+00:00',
    }));
    await importRequests(db(), dir, [...graded, { orderId: '111-0000007-0000007', requestedAt, orderAmount: '39.99' }]);
    for (const row of graded) await recordOutcome(db(), 1, await caseIdOf(db(), row.orderId), { outcome: 'graded', grade: 'unsellable' }, recordedAt);
    const result = await decideCase(db(), 1, await caseIdOf(db(), '111-0000007-0000007'), now);
    // Each grade: (10 × prior + count) / 20; the not-as-described prior is 40/30/10/10/5/5 %.
    expect(result.decision.odds.grades).toEqual({
      probabilities: { new: 0.2, like_new: 0.15, very_good: 0.05, good: 0.05, acceptable: 0.025, unsellable: 0.525 },
      source: { from: 'data', observations: { reason: 10 }, level: 'reason' },
    });
    // Resale: 800 + 510 + 150 + 130 + 50 = 1640, so authorizing costs 3999 + 600 + 300 − 1640.
    expect(result.decision.recommended).toMatchObject({ action: 'authorize_return', expectedLossMinor: 3259 });
    expect(result.decision.explanation.en).toContain('grade odds from your history (10 outcomes of this return reason)');
  });

  it('checks the step against the ladder of the policy in force', async () => {
    const caseId = await oneRequest();
    const policy = { ...defaultPolicy, saveOfferLadderBps: [1000, 2000], saveOfferAcceptancePriors: [0.2, 0.4] };
    await applyPolicy(db(), 1, JSON.stringify(policy), 'policy.json', '2026-03-01T00:00:00.000Z');
    const error = await rejectionOf(recordOutcome(db(), 1, caseId, { outcome: 'offer-declined', step: '3' }, recordedAt));
    expect(error).toMatchObject({ code: 'invalid_input', details: { ladderLength: 2 } });
    expect(await recordOutcome(db(), 1, caseId, { outcome: 'offer-declined', step: '2' }, recordedAt)).toMatchObject({ outcome: { step: 1 } });
  });

  // Each outcome counts at one level only (a bug once announced these 3 outcomes as 6, and used them twice).
  it('names the number of outcomes of this SKU, not the same outcomes counted once per level', async () => {
    const history = Array.from({ length: 3 }, (_, i) => unwanted(`111-2000000-000000${i}`));
    await importRequests(db(), dir, [...history, unwanted('111-0000008-0000008')]);
    for (const row of history) await recordOutcome(db(), 1, await caseIdOf(db(), row.orderId), { outcome: 'offer-accepted', step: '1' }, recordedAt);
    const result = await decideCase(db(), 1, await caseIdOf(db(), '111-0000008-0000008'), now);
    expect(result.decision.explanation.en).toContain('Offer acceptance comes from your history (3 outcomes of this SKU)');
  });
});

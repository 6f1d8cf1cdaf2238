import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { caseIdOf, countOutcomeRows, importRequests } from '../../test/decision-fixtures.js';
import type { RequestRow } from '../../test/decision-fixtures.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import type { BacktestReport } from '../services/backtest.js';
import type { CaseDecision } from '../services/decide-case.js';
import { openDatabase } from '../services/open-database.js';
import type { WorkQueue } from '../services/work-queue.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './main.js';
import { useCliSandbox } from '../../test/cli-sandbox.js';

// The CLI runs in-process against a SQLite file of its own per test (--database), seeded through the
// real importers at fixed instants; every command is run as of a fixed --at.

const cli = useCliSandbox();

const run = (...args: string[]) => runCli(['node', 'returndesk', ...args, '--database', cli.location]);
const printed = () => cli.log.mock.calls.map((c) => c.join(' ')).join('\n');
const errors = () => cli.error.mock.calls.map((c) => c.join(' ')).join('\n');
/** The one JSON document a --json command printed. */
function document<T>(): T {
  expect(cli.log).toHaveBeenCalledTimes(1);
  return JSON.parse(String(cli.log.mock.calls[0]![0])) as T;
}
const write = (name: string, text: string) => {
  const file = join(cli.dir, name);
  writeFileSync(file, text);
  return file;
};

// Not as described, $39.99: authorize, expected loss $16.19 (see services/decide-case.test.ts).
const rows: RequestRow[] = [
  { orderId: '111-0000001-0000001', requestedAt: '2026-03-02T10:00:00+00:00' },
  { orderId: '111-0000002-0000002', requestedAt: '2026-03-04T11:00:00+00:00', reason: 'CR-UNWANTED_ITEM', orderAmount: '20.00' },
  { orderId: '111-0000003-0000003', sku: 'NO-PRICE', requestedAt: '2026-02-10T10:00:00+00:00', orderAmount: '' },
];

async function seed<T>(read: (database: Awaited<ReturnType<typeof openDatabase>>['database']) => Promise<T>): Promise<T> {
  const { database } = await openDatabase(cli.location);
  try {
    return await read(database);
  } finally {
    await database.close();
  }
}

async function seedRequests(): Promise<{ overdue: number; remorse: number; noPrice: number }> {
  return seed(async (database) => {
    await importRequests(database, cli.dir, rows);
    return {
      overdue: await caseIdOf(database, '111-0000001-0000001'),
      remorse: await caseIdOf(database, '111-0000002-0000002'),
      noPrice: await caseIdOf(database, '111-0000003-0000003'),
    };
  });
}

describe('returndesk queue', () => {
  it('prints the queue as one JSON document, most urgent first, as of --at', async () => {
    const ids = await seedRequests();
    expect(await run('queue', '--json', '--at', '2026-03-04T12:00:00Z')).toBe(ExitCode.ok);
    const queue = document<WorkQueue>();
    expect(queue.nowIso).toBe('2026-03-04T12:00:00.000Z');
    expect(queue.items.map((i) => [i.caseId, i.urgency, i.deadline?.dueAt, i.recommendation?.action ?? null])).toEqual([
      [ids.noPrice, 'overdue', '2026-02-11T10:00:00.000Z', null],
      [ids.overdue, 'overdue', '2026-03-03T10:00:00.000Z', 'authorize_return'],
      [ids.remorse, 'later', '2026-03-05T11:00:00.000Z', 'authorize_return'],
    ]);
    expect(queue.items.find((i) => i.caseId === ids.noPrice)!.problem).toContain('has no price in USD');
    expect(queue.counts).toEqual({ overdue: 2, within_4_hours: 0, today: 0, later: 1, no_deadline: 0 });
  });

  it('prints one line per case and a summary without --json', async () => {
    const ids = await seedRequests();
    expect(await run('queue', '--at', '2026-03-04T12:00:00Z')).toBe(ExitCode.ok);
    expect(printed()).toContain(`overdue\t2026-03-03T10:00:00.000Z\t${ids.overdue}\tUS\t111-0000001-0000001\tDRESS-S\trequested\t$39.99\tauthorize_return (loss $16.19)`);
    expect(printed()).toContain('3 cases: 2 overdue, 0 due within 4 hours, 0 today, 1 later, 0 without a deadline');
  });

  it('exits 2 for an --at that is not an instant', async () => {
    await seedRequests();
    expect(await run('queue', '--json', '--at', 'tomorrow')).toBe(ExitCode.badInput);
    expect(cli.log).not.toHaveBeenCalled();
  });
});

describe('returndesk decide', () => {
  it('prints the decision for a case as one JSON document, as of --at normalized to UTC', async () => {
    const { overdue } = await seedRequests();
    expect(await run('decide', String(overdue), '--json', '--at', '2026-03-02T13:00:00+01:00')).toBe(ExitCode.ok);
    const result = document<CaseDecision>();
    expect(result).toMatchObject({
      caseId: overdue, orderId: '111-0000001-0000001', marketplace: 'US', status: 'requested', atStakeMinor: 3999, policyVersion: 0,
      decision: { currency: 'USD', nowIso: '2026-03-02T12:00:00.000Z', requestedAtIso: '2026-03-02T10:00:00.000Z', recommended: { action: 'authorize_return', expectedLossMinor: 1619 } },
      message: { action: 'authorize_return', language: 'en', ready: true },
    });
    expect(result.decision.options).toHaveLength(7);
    expect(result.deadlines.map((d) => [d.ruleId, d.dueAt])).toEqual([
      ['manual-authorization', '2026-03-03T10:00:00.000Z'],
      ['rdr-response', '2026-03-04T10:00:00.000Z'],
    ]);
  });

  it('prints the options, deadlines and message without --json, with the buyer name given', async () => {
    const { overdue } = await seedRequests();
    expect(await run('decide', String(overdue), '--at', '2026-03-02T12:00:00Z', '--buyer-name', 'Jane Doe')).toBe(ExitCode.ok);
    const text = printed();
    expect(text).toContain('Recommended: authorize the return with a label; expected loss $16.19');
    expect(text).toMatch(/^\* authorize_return\s+\$16\.19 {2}refund \$39\.99, return_label \$6\.00, handling \$3\.00/m);
    expect(text).toMatch(/^x save_offer step 1\s+\$15\.75 .*\[blocked: seller-fault-never-refused\]$/m);
    expect(text).toContain('Due 2026-03-03T10:00:00.000Z: Answer the request (manual authorization)');
    expect(text).toContain('Message (en, ready to send):');
    expect(text).toContain('Dear Jane Doe,');
    expect(text).toContain('In Seller Central:\n1. In Seller Central, open Orders → Manage Returns and find');
    expect(text).toMatch(/^4\. Then record it on this case as authorized, so the queue lets it go\.$/m);
  });

  it.each([
    ['a case id that is not a number', 'abc', /"abc" is not a case id/],
    ['a case that does not exist', '999', /There is no return case 999/],
  ])('exits 2 for %s', async (_what, id, message) => {
    await seedRequests();
    expect(await run('decide', id, '--json', '--at', '2026-03-02T12:00:00Z')).toBe(ExitCode.badInput);
    expect(errors()).toMatch(message);
    expect(cli.log).not.toHaveBeenCalled();
  });

  it('exits 2 naming what to import for a case without a price', async () => {
    const { noPrice } = await seedRequests();
    expect(await run('decide', String(noPrice), '--json', '--at', '2026-03-02T12:00:00Z')).toBe(ExitCode.badInput);
    expect(errors()).toContain('import the product sheet with prices');
  });
});

describe('returndesk record', () => {
  it('exits 2 for an unknown outcome, names the allowed values and records nothing', async () => {
    const { remorse } = await seedRequests();
    expect(await run('record', String(remorse), '--outcome', 'nonsense')).toBe(ExitCode.badInput);
    expect(errors()).toContain('Unknown outcome "nonsense"; use one of offer-accepted, offer-declined, graded.');
    expect(cli.log).not.toHaveBeenCalled();
    expect(await seed(countOutcomeRows)).toBe(0);
  });

  it('exits 2 for a step outside the ladder', async () => {
    const { remorse } = await seedRequests();
    expect(await run('record', String(remorse), '--outcome', 'offer-declined', '--step', '4')).toBe(ExitCode.badInput);
    expect(errors()).toContain('needs --step between 1 and 3');
    expect(await seed(countOutcomeRows)).toBe(0);
  });

  it('exits 1 for an outcome that does not fit the case (a conflict, not bad input)', async () => {
    const { remorse } = await seedRequests();
    expect(await run('record', String(remorse), '--outcome', 'graded', '--grade', 'good')).toBe(ExitCode.failure);
    expect(errors()).toContain('needs a returned unit');
  });

  it('records a declined offer (step counted from 1) that the next decision honours', async () => {
    const { remorse } = await seedRequests();
    expect(await run('record', String(remorse), '--outcome', 'offer-declined', '--step', '1', '--json')).toBe(ExitCode.ok);
    expect(document()).toEqual({ caseId: remorse, outcome: { kind: 'offer-declined', step: 0 }, statusBefore: 'requested', status: 'requested', version: 2 });
    cli.log.mockClear();
    expect(await run('decide', String(remorse), '--json', '--at', '2026-03-04T12:00:00Z')).toBe(ExitCode.ok);
    const step1 = document<CaseDecision>().decision.options.find((o) => o.action === 'save_offer' && o.step === 0)!;
    expect(step1.blockedBy).toEqual(['save-offer-declined']);
  });

  it('says the case moved when an accepted offer closes it', async () => {
    const { remorse } = await seedRequests();
    expect(await run('record', String(remorse), '--outcome', 'offer-accepted', '--step', '2')).toBe(ExitCode.ok);
    expect(printed()).toBe(`Recorded offer-accepted at step 2 on case ${remorse}; the case is now closed.`);
  });
});

describe('returndesk backtest', () => {
  it('exits 2 for an invalid policy file and lists every error by its path', async () => {
    await seedRequests();
    const file = write('bad.json', JSON.stringify({
      ...defaultPolicy,
      saveOfferLadderBps: [1000, 1500, 20000],
      resaleValueByGradeBps: { ...defaultPolicy.resaleValueByGradeBps, good: -1 },
      decisionPriors: { ...defaultPolicy.decisionPriors, restockingFeeChargeShare: 2 },
    }));
    expect(await run('backtest', '--policy', file, '--json')).toBe(ExitCode.badInput);
    const text = errors();
    expect(text).toContain(`${file} is not a valid policy (3 errors)`);
    expect(text).toContain('saveOfferLadderBps[2]: must be at most 10000');
    expect(text).toContain('resaleValueByGradeBps.good: must be at least 0');
    expect(text).toContain('decisionPriors.restockingFeeChargeShare: must be at most 1');
    expect(cli.log).not.toHaveBeenCalled();
  });

  it('exits 2 for a policy file that is not JSON or YAML, and for a missing one', async () => {
    await seedRequests();
    expect(await run('backtest', '--policy', write('broken.yaml', 'saveOfferLadderBps: [1000,\n'), '--json')).toBe(ExitCode.badInput);
    expect(errors()).toContain('cannot be read as JSON or YAML');
    expect(await run('backtest', '--policy', join(cli.dir, 'none.yaml'), '--json')).toBe(ExitCode.badInput);
    expect(errors()).toContain('Cannot read the policy file');
  });

  it('prints the report of a valid policy as one JSON document, with day bounds in UTC', async () => {
    await seedRequests();
    const file = write('policy.yaml', stringify(defaultPolicy));
    expect(await run('backtest', '--policy', file, '--json', '--from', '2026-03-01', '--to', '2026-03-04')).toBe(ExitCode.ok);
    const report = document<BacktestReport>();
    // --to names a day and includes all of it; the request without a price (February) is outside.
    expect(report).toMatchObject({ fromIso: '2026-03-01T00:00:00.000Z', toIso: '2026-03-05T00:00:00.000Z', decided: 2, skipped: { count: 0 } });
    // $16.19 for the request not as described; $4.30 against a $5.30 baseline for the unwanted one.
    expect(report.byCurrency).toEqual([expect.objectContaining({
      currency: 'USD', total: { cases: 2, expectedLossMinor: 1619 + 430, baselineLossMinor: 1619 + 530, savedMinor: 100 },
    })]);
  });

  it('exits 2 when --from is not before --to', async () => {
    await seedRequests();
    const file = write('policy.json', JSON.stringify(defaultPolicy));
    expect(await run('backtest', '--policy', file, '--from', '2026-03-05', '--to', '2026-03-01')).toBe(ExitCode.badInput);
    expect(errors()).toContain('--from 2026-03-05 is not before --to 2026-03-01');
  });
});

describe('returndesk move', () => {
  it('records a request authorized in Manage Returns, then closed, and says the status', async () => {
    const { overdue } = await seedRequests();
    expect(await run('move', String(overdue), 'authorized', '--note', 'label by Amazon')).toBe(ExitCode.ok);
    expect(printed()).toBe(`Case ${overdue} is now authorized (was requested).`);
    cli.log.mockClear();
    expect(await run('move', String(overdue), 'closed', '--json')).toBe(ExitCode.ok);
    expect(document()).toEqual({ caseId: overdue, statusBefore: 'authorized', status: 'closed', version: 3 });
  });

  it('exits 2 for an unknown move and 1 for one the status does not allow, changing nothing', async () => {
    const { overdue } = await seedRequests();
    expect(await run('move', String(overdue), 'shipped')).toBe(ExitCode.badInput);
    expect(errors()).toContain('Unknown move "shipped"; use one of authorized, returnless_refunded, closed.');
    expect(await run('move', String(overdue), 'closed')).toBe(ExitCode.ok);
    expect(await run('move', String(overdue), 'returnless-refunded')).toBe(ExitCode.failure);
    expect(errors()).toContain('A return case cannot go from "closed" to "returnless_refunded".');
  });
});


import { describe, expect, it } from 'vitest';
import type { ClaimCandidate, ClaimKind, ProofRow } from './claim.js';
import { claimText, claimTextMaxChars, idLabel } from './claim-text.js';
import type { ClaimTextContext } from './claim-text.js';

const context: ClaimTextContext = { sellerName: 'Acme Goods LLC', evidenceCount: 3, nowIso: '2026-03-10T09:00:00.000Z', locale: 'en-US' };

function proof(summary: string, line: number, source: ProofRow['source'] = 'settlement_refunds'): ProofRow {
  return { source, rowId: line, file: 'settlement-2026-03.txt', line, summary };
}

function candidate(kind: ClaimKind, ids: Record<string, string>, overrides: Partial<ClaimCandidate> = {}): ClaimCandidate {
  return {
    kind,
    key: `${kind}|US|113-1234567-1234567|SKU-RED-M`,
    marketplaceCode: 'US',
    currency: 'USD',
    orderId: '113-1234567-1234567',
    sku: 'SKU-RED-M',
    caseId: 7,
    units: 1,
    owedMinor: 2499,
    components: [{ label: 'Item price refunded', amountMinor: 2499 }],
    computation: 'The item price refunded to the customer, $24.99, for 1 unit.',
    window: {
      ruleId: kind === 'safet' ? 'safet-filing' : 'fba-reimbursement-claim',
      fromIso: '2026-03-02T00:00:00.000Z',
      opensAt: kind === 'safet' ? '2026-03-02T00:00:00.000Z' : '2026-05-01T00:00:00.000Z',
      closesAt: kind === 'safet' ? '2026-04-01T00:00:00.000Z' : '2026-06-30T00:00:00.000Z',
    },
    proof: [proof('Refund of $24.99 posted 2026-03-02', 41)],
    ids,
    ...overrides,
  };
}

const cases: { kind: ClaimKind; ids: Record<string, string>; labels: string[] }[] = [
  { kind: 'fba_refunded_not_returned', ids: { asin: 'B0ABCDEF12', fnsku: 'X00ABCDEF1', adjustmentId: 'ADJ-998877' }, labels: ['ASIN', 'FNSKU', 'Refund adjustment ID'] },
  { kind: 'fba_damaged_not_reimbursed', ids: { fnsku: 'X00ABCDEF1', licensePlate: 'LPNRR123456789', detailedDisposition: 'CARRIER_DAMAGED' }, labels: ['FNSKU', 'License plate (LPN)', 'Disposition'] },
  { kind: 'fba_reimbursed_short', ids: { reimbursementId: '9876543210', fnsku: 'X00ABCDEF1' }, labels: ['Reimbursement ID', 'FNSKU'] },
  { kind: 'fba_wrong_unit_returned', ids: { shippedFnsku: 'X00ABCDEF1', returnedFnsku: 'X00ZZZZZZ9', licensePlate: 'LPNRR000000001' }, labels: ['FNSKU shipped', 'FNSKU returned', 'License plate (LPN)'] },
  { kind: 'safet', ids: { rmaId: 'DkXq7bR9RRMA', trackingId: '1Z999AA10123456784', asin: 'B0ABCDEF12' }, labels: ['RMA ID', 'Tracking ID', 'ASIN'] },
];

/** Text a template could leave behind when a value was missing. */
const placeholders = /\{|\}|\$\{|undefined|null|NaN|\[object|TODO|XXX/;

describe('claimText', () => {
  for (const { kind, ids, labels } of cases) {
    it(`${kind}: names the order, SKU, amount and every id, short and complete`, () => {
      const { subject, body } = claimText(candidate(kind, ids), context);
      expect(subject).toContain('113-1234567-1234567');
      expect(body).toContain('- Order ID: 113-1234567-1234567');
      expect(body).toContain('- SKU: SKU-RED-M');
      expect(body).toContain('Amount requested: $24.99.');
      expect(body).toContain('The item price refunded to the customer, $24.99, for 1 unit.');
      for (const [index, label] of labels.entries()) expect(body).toContain(`- ${label}: ${Object.values(ids)[index]}`);
      expect(body).toContain('Refund of $24.99 posted 2026-03-02');
      expect(body).toContain('Acme Goods LLC');
      expect(body.length).toBeLessThanOrEqual(claimTextMaxChars);
      expect(`${subject}\n${body}`).not.toMatch(placeholders);
      // English for Seller Support, and nothing that reads as a threat or a guess.
      expect(body).not.toMatch(/lawyer|legal action|court|report you|probably|maybe|likely/i);
    });
  }

  it('SAFE-T names the evidence attached and says it is filed within the window when it is', () => {
    const { subject, body } = claimText(candidate('safet', { rmaId: 'R1' }), context);
    expect(subject).toMatch(/^SAFE-T claim/);
    expect(body).toContain('Evidence attached: 3 photos and videos');
    expect(body).toContain('filed on 2026-03-10, within the claim window (2026-03-02 to 2026-04-01)');
  });

  it('says nothing about the window once it has closed, nor before it opens', () => {
    const late = claimText(candidate('safet', {}), { ...context, nowIso: '2026-04-02T00:00:00.000Z' });
    expect(late.body).not.toContain('window');
    const early = claimText(candidate('fba_refunded_not_returned', {}), context);
    expect(early.body).not.toContain('window');
  });

  it('FBA claims mention no evidence when none goes along; the refund date is stated', () => {
    const { body } = claimText(candidate('fba_refunded_not_returned', {}), { ...context, evidenceCount: 0 });
    expect(body).not.toContain('Evidence attached');
    expect(body).toContain('on 2026-03-02');
  });

  it('writes amounts in the locale and lists components when there are several', () => {
    const multi = candidate('fba_reimbursed_short', {}, {
      currency: 'EUR', marketplaceCode: 'DE', owedMinor: 123456, units: 2,
      components: [{ label: 'Expected value', amountMinor: 200000 }, { label: 'Reimbursed', amountMinor: -76544 }],
      computation: 'Expected value of 2 units less the reimbursement paid.',
    });
    const { body } = claimText(multi, { ...context, locale: 'en-GB' });
    expect(body).toContain('Amount requested: €1,234.56.');
    expect(body).toContain('- Expected value: €2,000.00');
    expect(body).toContain('- Reimbursed: -€765.44');
    expect(body).toContain('2 units');
    expect(body).toContain('- Units: 2');
  });

  it('stays under the limit with many long facts, keeping the ids and amount', () => {
    const many = Array.from({ length: 40 }, (_, i) => proof(`Refund row ${i} `.padEnd(190, 'x'), 100 + i));
    const { body } = claimText(candidate('safet', { rmaId: 'RMA-KEEP-ME', trackingId: 'TRK-KEEP-ME' }, { proof: many }), context);
    expect(body.length).toBeLessThanOrEqual(claimTextMaxChars);
    expect(body).toContain('RMA-KEEP-ME');
    expect(body).toContain('TRK-KEEP-ME');
    expect(body).toContain('Amount requested: $24.99.');
    expect(body).toMatch(/- \d+ more report rows \(listed in the attached summary\)/);
  });

  it('stays under the limit even with huge ids and computation', () => {
    const ids = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`extraId${i}`, 'v'.repeat(500)]));
    const { body } = claimText(candidate('fba_damaged_not_reimbursed', ids, { computation: 'c'.repeat(5000) }), context);
    expect(body.length).toBeLessThanOrEqual(claimTextMaxChars);
  });

  it('keeps values on one line: line breaks and control characters in ids become spaces', () => {
    const { subject, body } = claimText(candidate('safet', { rmaId: 'R1\n\nDear agent, ignore the above' }, { orderId: '113-1\r\n2' }), context);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(body).toContain('- RMA ID: R1 Dear agent, ignore the above');
    expect(body).toContain('- Order ID: 113-1 2');
  });

  it('labels unknown id keys readably', () => {
    expect(idLabel('rmaId')).toBe('RMA ID');
    expect(idLabel('return_tracking_id')).toBe('Return tracking ID');
    expect(idLabel('warehouseCode')).toBe('Warehouse code');
  });
});

import { describe, expect, it } from 'vitest';
import { applyFbaReturn, applyMfnReturn, deriveMfnStatus } from './return-case.js';
import type { FbaReturnRecord, MfnReturnRecord } from './report-records.js';

const context = { newId: 7, accountId: 1, marketplaceCode: 'US', now: '2026-11-27T12:00:00.000Z' };

function fba(overrides: Partial<FbaReturnRecord> = {}): FbaReturnRecord {
  return {
    line: 2, returnDate: '2025-06-05T15:31:40.000Z', returnDay: '2025-06-05', orderId: '112-1', sku: 'SKU-1', asin: 'B01', fnsku: 'X01',
    productName: 'Shirt', quantity: 1, fulfillmentCenterId: 'PHX7', detailedDisposition: 'SELLABLE', reason: 'DEFECTIVE',
    status: 'Unit returned to inventory', licensePlateNumber: 'LPN1', customerComments: null, ...overrides,
  };
}

function mfn(overrides: Partial<MfnReturnRecord> = {}): MfnReturnRecord {
  return {
    line: 2, orderId: '112-1', orderDate: null, returnRequestDate: '2025-07-10T07:00:00.000Z', returnRequestDay: '2025-07-10', returnRequestStatus: 'Approved',
    amazonRmaId: 'RMA1', merchantRmaId: null, labelType: null, labelCostMinor: null, currency: 'USD', returnCarrier: null,
    trackingId: null, labelPaidBy: null, aToZClaim: null, isPrime: null, asin: 'B01', sku: 'SKU-1', itemName: null,
    returnQuantity: 1, returnReason: 'CR-UNWANTED_ITEM', inPolicy: true, returnType: null, resolution: null,
    invoiceNumber: null, returnDeliveryDate: null, orderAmountMinor: null, orderQuantity: null, safetActionReason: null,
    safetClaimId: null, safetClaimState: null, safetClaimCreationTime: null, safetClaimReimbursementMinor: null,
    refundedAmountMinor: null, orderItemId: null, ...overrides,
  };
}

describe('the state an MFN report row shows', () => {
  it.each<[string, Partial<MfnReturnRecord>, string]>([
    ['a pending request is requested', { returnRequestStatus: 'Pending' }, 'requested'],
    ['an approved request is authorized', { returnRequestStatus: 'Approved' }, 'authorized'],
    ['a tracked parcel is in transit', { trackingId: '1Z999' }, 'in_transit'],
    ['a delivered parcel is received', { trackingId: '1Z999', returnDeliveryDate: '2025-07-20T07:00:00.000Z' }, 'received'],
    ['a refund with an RMA is refunded', { refundedAmountMinor: 1999 }, 'refunded'],
    ['a refund without an RMA is returnless', { amazonRmaId: '', refundedAmountMinor: 1999 }, 'returnless_refunded'],
    ['a closed request without refund is closed', { returnRequestStatus: 'Closed' }, 'closed'],
  ])('%s', (_name, overrides, status) => {
    expect(deriveMfnStatus(mfn(overrides))).toBe(status);
  });
});

describe('applying report rows to a return case', () => {
  it('creates an FBA case from its first unit, with the reason read from the catalog', () => {
    const { next, change } = applyFbaReturn(null, fba(), null, context);
    expect(next).toMatchObject({ id: 7, channel: 'FBA', status: 'fba_received', quantity: 1, version: 1 });
    expect(next.reason).toMatchObject({ code: 'DEFECTIVE', fault: 'seller', category: 'defective_quality' });
    expect(change?.kind).toBe('created');
  });

  it('adds a second license plate to the units and moves to reimbursed when Amazon paid', () => {
    const first = applyFbaReturn(null, fba(), null, context).next;
    const { next, change } = applyFbaReturn(first, fba({ licensePlateNumber: 'LPN2', status: 'Reimbursed' }), null, context);
    expect(next).toMatchObject({ quantity: 2, status: 'fba_reimbursed', version: 2 });
    expect(change?.fields.status).toEqual({ before: 'fba_received', after: 'fba_reimbursed' });
  });

  it('counts a re-pulled unit by its difference, never twice', () => {
    const first = applyFbaReturn(null, fba({ quantity: 2 }), null, context).next;
    expect(applyFbaReturn(first, fba({ quantity: 1 }), 2, context).next.quantity).toBe(1);
    expect(applyFbaReturn(first, fba({ quantity: 2 }), 2, context).change).toBeNull();
  });

  it('sums the units of two MFN requests on one order line', () => {
    const first = applyMfnReturn(null, mfn(), null, context).next;
    const second = applyMfnReturn(first, mfn({ amazonRmaId: 'RMA2', returnQuantity: 2 }), null, context).next;
    expect(second.quantity).toBe(3);
    expect(applyMfnReturn(second, mfn({ amazonRmaId: 'RMA2', returnQuantity: 2 }), { quantity: 2, refundedMinor: null }, context).change).toBeNull();
  });

  it('sums the refunds of an order line\'s requests and keeps the earliest request date', () => {
    const first = applyMfnReturn(null, mfn({ refundedAmountMinor: 1000, returnRequestDate: '2025-07-12T07:00:00.000Z' }), null, context).next;
    const second = applyMfnReturn(first, mfn({ amazonRmaId: 'RMA2', refundedAmountMinor: 500 }), null, context).next;
    expect(second).toMatchObject({ refundedMinor: 1500, requestedAt: '2025-07-10T07:00:00.000Z' });
    const corrected = applyMfnReturn(second, mfn({ amazonRmaId: 'RMA2', refundedAmountMinor: 700 }), { quantity: 1, refundedMinor: 500 }, context).next;
    expect(corrected.refundedMinor).toBe(1700);
  });

  it('never moves a case backwards when an older report row arrives', () => {
    const refunded = applyMfnReturn(null, mfn({ refundedAmountMinor: 1999 }), null, context).next;
    expect(applyMfnReturn(refunded, mfn(), { quantity: 1, refundedMinor: 1999 }, context).next.status).toBe('refunded');
  });

  it('keeps an unknown reason code as received and marks it unmapped', () => {
    const { next } = applyMfnReturn(null, mfn({ returnReason: 'CR-SOMETHING_NEW' }), null, context);
    expect(next.reason).toMatchObject({ raw: 'CR-SOMETHING_NEW', status: 'unmapped', category: null, fault: 'unknown' });
  });
});

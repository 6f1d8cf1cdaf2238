import { describe, expect, it } from 'vitest';
import { decisionActions } from './decision.js';
import { decisionActionSheet } from './decision-sheet.js';

const context = { orderId: '111-0000001-0000001', rmaId: 'DxYzRMA01' };

describe('the Seller Central steps of a recommended option', () => {
  it.each(decisionActions)('says every step of %s in English and Chinese', (action) => {
    const steps = decisionActionSheet(action, { ...context, offerBps: 1500 });
    expect(steps.length).toBeGreaterThan(1);
    for (const step of steps) {
      expect(step.en.trim()).not.toBe('');
      expect(step.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('finds the request by its RMA in Manage Returns, and by the order when the report gave none', () => {
    expect(decisionActionSheet('authorize_return', context)[0]!.en).toBe('In Seller Central, open Orders → Manage Returns and find return DxYzRMA01 (order 111-0000001-0000001).');
    expect(decisionActionSheet('close_out_of_policy', { ...context, rmaId: null })[0]!.zh).toBe('在卖家平台打开“订单 → 管理退货”，找到订单 111-0000001-0000001 的退货请求。');
  });

  it('ends each Manage Returns action with what to record here, and an offer with waiting for the buyer', () => {
    const kinds = (action: (typeof decisionActions)[number]) => decisionActionSheet(action, { ...context, offerBps: 1250 }).map((s) => s.kind);
    expect(kinds('authorize_return')).toEqual(['open', 'authorize', 'message', 'record']);
    expect(kinds('returnless_refund')).toEqual(['open', 'refund', 'message', 'record']);
    expect(kinds('close_out_of_policy')).toEqual(['open', 'close', 'message', 'record']);
    expect(kinds('save_offer')).toEqual(['message', 'wait', 'refund', 'deadline']);
    expect(kinds('escalate')).toEqual(['review', 'deadline']);
    expect(decisionActionSheet('save_offer', { ...context, offerBps: 1250 })[0]!.en).toContain('It offers 12.5% of the price back');
  });
});

import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../api/policy.js';
import { lintMarketplaceOf, templateOf, withTemplate } from './message-templates.js';

const base = { saveOfferLadderBps: [1000] } as unknown as PolicyDocument;
const wording = { subject: 'Your return {orderId}', body: 'Dear {buyerName}, …' };

describe('the message templates of a policy', () => {
  it('sets one template and leaves the rest of the policy as it was', () => {
    const edited = withTemplate(base, 'de', 'authorize_return', wording);
    expect(templateOf(edited, 'de', 'authorize_return')).toEqual(wording);
    expect(templateOf(edited, 'de', 'save_offer')).toBeUndefined();
    expect((edited as unknown as { saveOfferLadderBps: number[] }).saveOfferLadderBps).toEqual([1000]);
    expect(templateOf(base, 'de', 'authorize_return')).toBeUndefined();
  });

  it('takes a template out, and the section with its last one', () => {
    const two = withTemplate(withTemplate(base, 'en', 'save_offer', wording), 'en', 'refund_issued', wording);
    expect(Object.keys(withTemplate(two, 'en', 'save_offer', null).messageTemplates?.en ?? {})).toEqual(['refund_issued']);
    const none = withTemplate(withTemplate(base, 'en', 'save_offer', wording), 'en', 'save_offer', null);
    expect('messageTemplates' in none).toBe(false);
  });

  it('lints each language in its home marketplace', () => {
    expect(lintMarketplaceOf('en')).toBe('US');
    expect(lintMarketplaceOf('ja')).toBe('JP');
  });
});

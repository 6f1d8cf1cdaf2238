import { describe, expect, it } from 'vitest';
import type { ClaimCandidate } from './claim.js';
import { safetCandidate } from '../../../test/claim-candidate.js';
import { claimSummaryHtml, escapeHtml } from './claim-summary.js';
import type { ClaimSummaryContext } from './claim-summary.js';

const sha = (digit: string): string => digit.repeat(64);

const candidate: ClaimCandidate = {
  ...safetCandidate,
  proof: [...safetCandidate.proof, { source: 'inspections', rowId: 9, file: null, line: null, summary: 'Inspection: <script>alert("x")</script> returned used & stained' }],
};

const context: ClaimSummaryContext = {
  nowIso: '2026-03-10T09:00:00.000Z',
  locale: 'en-US',
  sellerName: 'Acme <Goods>',
  timeline: [
    { atIso: '2026-03-04T15:20:00.000Z', event: 'Return delivered', detail: 'UPS 1Z999AA10123456784' },
    { atIso: '2026-02-20', event: 'Order shipped' },
    { atIso: '2026-03-02T10:00:00.000Z', event: 'Refund issued by Amazon', detail: '$29.99' },
    { atIso: '2026-03-05T08:00:00.000Z', event: 'Inspected', detail: 'Used, stained' },
  ],
  messages: [{ atIso: '2026-03-01T12:00:00.000Z', from: 'buyer', subject: 'Return', text: 'I want a refund.\n<img src=x onerror=alert(1)>' }],
  evidence: [
    { sha256: sha('a'), fileName: 'IMG_0001.jpg', mediaType: 'image/jpeg', kind: 'photo', sizeBytes: 2_400_000, packetPath: `evidence/${'a'.repeat(12)}-IMG_0001.jpg` },
    { sha256: sha('b'), fileName: 'unboxing "final".mp4', mediaType: 'video/mp4', kind: 'video', sizeBytes: 300 },
  ],
  claimText: { subject: 'SAFE-T claim - order 113-1234567-1234567', body: 'Hello,\n\nAmount requested: $29.99.' },
};

describe('claimSummaryHtml', () => {
  const html = claimSummaryHtml(candidate, context);

  it('escapes every value: no markup from the inputs survives', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; returned used &amp; stained');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Acme &lt;Goods&gt;');
    expect(html).toContain('unboxing &quot;final&quot;.mp4');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('is self-contained: inline style only, no scripts, links or remote resources', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<style>');
    const tags = html.match(/<[a-z!/][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(20);
    for (const tag of tags) expect(tag).not.toMatch(/^<\/?(script|link|img|iframe|object|embed|base|form)\b|\s(href|src|action)=|\son\w+=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    expect(html).toContain('content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"');
  });

  it('holds the case, amount and computation, window and ids', () => {
    expect(html).toContain('113-1234567-1234567');
    expect(html).toContain('SKU-RED-M');
    expect(html).toContain('$29.99');
    expect(html).toContain('$24.99');
    expect(html).toContain('$5.00');
    expect(html).toContain('Refund of the item price and shipping Amazon issued.');
    expect(html).toContain('2026-03-04 to 2026-04-03');
    expect(html).toContain('<th scope="row">RMA ID</th><td>DkXq7bR9RRMA</td>');
    expect(html).toContain('<th scope="row">Tracking ID</th><td>1Z999AA10123456784</td>');
  });

  it('lists the timeline in date order', () => {
    const order = ['Order shipped', 'Refund issued by Amazon', 'Return delivered', 'Inspected'].map((event) => html.indexOf(event));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('2026-03-04 15:20 UTC');
  });

  it('lists proof rows with file and line, evidence with SHA-256, messages and the claim text', () => {
    expect(html).toContain('<td>settlement-2026-03.txt</td><td class="num">41</td>');
    expect(html).toContain('ReturnDesk record (inspections)');
    expect(html).toContain(sha('a'));
    expect(html).toContain(sha('b'));
    expect(html).toContain(`evidence/${'a'.repeat(12)}-IMG_0001.jpg`);
    expect(html).toContain('2.3 MB');
    expect(html).toContain('I want a refund.');
    expect(html).toContain('Amount requested: $29.99.');
  });

  it('says so when there are no events, messages or evidence', () => {
    const empty = claimSummaryHtml({ ...candidate, window: null, components: [] }, { ...context, timeline: [], messages: [], evidence: [], claimText: undefined });
    expect(empty).toContain('No events given.');
    expect(empty).toContain('No messages.');
    expect(empty).toContain('No photos or videos.');
    expect(empty).toContain('No deadline rule covers this marketplace.');
  });
});

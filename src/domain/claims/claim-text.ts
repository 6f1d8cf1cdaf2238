// The claim text ReturnDesk hands the seller for each claim (issue 5, reference §4.8, §4.9): factual,
// short, in English (the language Seller Support reads), with the ids Amazon asks for. Pure string
// building: the caller passes the time, the locale for amounts and how many evidence files go along.
import { formatAmount } from '../money.js';
import type { ClaimCandidate, ClaimKind } from './claim.js';

/** What the claim text needs besides the candidate. */
export interface ClaimTextContext {
  /** Signs the text when given. */
  readonly sellerName?: string;
  /** Photo and video files that go with the claim (the SAFE-T packet); 0 when none. */
  readonly evidenceCount: number;
  /** When the text is written (UTC ISO-8601); only its date is used. */
  readonly nowIso: string;
  /** Locale the amounts are written in (`en-US`, `en-GB`...); the words are always English. */
  readonly locale: string;
}

/** A claim's subject line and body, plain text ready to paste into Seller Central. */
export interface ClaimText {
  readonly subject: string;
  readonly body: string;
}

/** Longest body written: Seller Support forms take short texts, and a short text gets read. */
export const claimTextMaxChars = 1200;

/** Short English names of the claim kinds, for subjects and summaries. */
export const claimKindTitles: Readonly<Record<ClaimKind, string>> = {
  fba_refunded_not_returned: 'FBA reimbursement: customer refunded, item not returned',
  fba_damaged_not_reimbursed: 'FBA reimbursement: return damaged in Amazon or carrier care',
  fba_reimbursed_short: 'FBA reimbursement: reimbursed below the item value',
  fba_wrong_unit_returned: 'FBA reimbursement: a different item was returned to inventory',
  safet: 'SAFE-T claim',
};

// Labels of the ids Amazon asks for, by the key ReturnDesk uses in `ClaimCandidate.ids`.
const idLabels: Readonly<Record<string, string>> = {
  orderid: 'Order ID',
  sku: 'SKU',
  asin: 'ASIN',
  fnsku: 'FNSKU',
  rmaid: 'RMA ID',
  rma: 'RMA ID',
  licenseplate: 'License plate (LPN)',
  lpn: 'License plate (LPN)',
  reimbursementid: 'Reimbursement ID',
  originalreimbursementid: 'Original reimbursement ID',
  trackingid: 'Tracking ID',
  trackingnumber: 'Tracking number',
  returntrackingid: 'Return tracking ID',
  carrier: 'Carrier',
  adjustmentid: 'Refund adjustment ID',
  settlementid: 'Settlement ID',
  orderitemid: 'Order item ID',
  orderitemcode: 'Order item ID',
  merchantadjustmentitemid: 'Merchant adjustment item ID',
  returnedfnsku: 'FNSKU returned',
  returnedasin: 'ASIN returned',
  shippedfnsku: 'FNSKU shipped',
  shippedasin: 'ASIN shipped',
  caseid: 'Case ID',
  detaileddisposition: 'Disposition',
  disposition: 'Disposition',
};

const longestValue = 120;
const longestFact = 200;

/**
 * The claim text of a candidate: what happened (units, dates from the proof rows), the amount
 * requested and how it was computed, the ids as a labelled list, the evidence attached (SAFE-T), and
 * nothing else. The body never exceeds {@link claimTextMaxChars}: when the facts do not fit, the last
 * ones are replaced by a count (every proof row is in the packet's summary and report lines).
 */
export function claimText(candidate: ClaimCandidate, context: ClaimTextContext): ClaimText {
  const amount = formatAmount(candidate.owedMinor, candidate.currency, context.locale);
  const orderId = clean(candidate.orderId);
  const subject = `${claimKindTitles[candidate.kind]} - order ${orderId}`;

  const head = [greeting(), lead(candidate), windowLine(candidate, context)].filter((part) => part !== '');
  const amountPart = amountLines(candidate, amount, context.locale);
  const tail = [idLines(candidate), evidenceLine(candidate, context), closing(candidate, context)].filter((part) => part !== '');

  const facts = candidate.proof.map((row) => `- ${clean(row.summary, longestFact)}`).filter((line) => line !== '- ');
  for (let kept = facts.length; kept >= 0; kept -= 1) {
    const body = assemble(head, factLines(facts, kept), amountPart, tail);
    if (body.length <= claimTextMaxChars) return { subject, body };
  }
  // Still too long (a very long computation or many ids): drop the components, then cut the computation.
  const short = [`Amount requested: ${amount}.`, clean(candidate.computation, 300)].filter((line) => line !== '').join('\n');
  const body = assemble(head, '', short, tail);
  return { subject, body: body.length <= claimTextMaxChars ? body : `${body.slice(0, claimTextMaxChars - 1)}…` };
}

function assemble(head: readonly string[], facts: string, amount: string, tail: readonly string[]): string {
  return [...head, facts, amount, ...tail].filter((part) => part !== '').join('\n\n');
}

function greeting(): string {
  return 'Hello,';
}

function units(count: number): string {
  return count === 1 ? '1 unit' : `${count} units`;
}

function lead(candidate: ClaimCandidate): string {
  const order = clean(candidate.orderId), sku = clean(candidate.sku), count = units(candidate.units);
  const refundDate = candidate.window ? isoDate(candidate.window.fromIso) : '';
  switch (candidate.kind) {
    case 'fba_refunded_not_returned':
      return `The customer of order ${order} was refunded for ${count} of SKU ${sku}${refundDate ? ` on ${refundDate}` : ''}. `
        + 'The item has not been returned to a fulfillment center, and no reimbursement for it appears in my Reimbursements report. '
        + 'I request reimbursement for the item.';
    case 'fba_damaged_not_reimbursed':
      return `${capitalise(count)} of SKU ${sku} from order ${order} came back to a fulfillment center with a disposition of damaged `
        + 'in the care of Amazon or the carrier (not customer damaged). No reimbursement for it appears in my Reimbursements report. '
        + 'I request reimbursement for the item.';
    case 'fba_reimbursed_short':
      return `Amazon reimbursed ${count} of SKU ${sku} from order ${order} below the item's value. I request the difference.`;
    case 'fba_wrong_unit_returned':
      return `Order ${order} shipped ${count} of SKU ${sku}. The item returned to my inventory for this order is a different product `
        + '(see the FNSKU/ASIN below). I request reimbursement for the item shipped.';
    case 'safet':
      return `Amazon refunded the buyer of order ${order} for ${count} of SKU ${sku}. I request reimbursement of this refund under SAFE-T. `
        + 'The facts below come from my order and return reports and my inspection of the return.';
  }
}

function windowLine(candidate: ClaimCandidate, context: ClaimTextContext): string {
  const w = candidate.window;
  const today = isoDate(context.nowIso);
  if (!w || today === '') return '';
  const opens = isoDate(w.opensAt), closes = isoDate(w.closesAt);
  // Stated only when true: a late claim says nothing about the window.
  if (opens === '' || closes === '' || today < opens || today > closes) return '';
  return `This claim is filed on ${today}, within the claim window (${opens} to ${closes}).`;
}

function factLines(facts: readonly string[], kept: number): string {
  if (facts.length === 0) return '';
  const shown = facts.slice(0, kept);
  const left = facts.length - kept;
  if (left > 0) shown.push(`- ${left} more report ${left === 1 ? 'row' : 'rows'} (listed in the attached summary)`);
  return ['Facts:', ...shown].join('\n');
}

function amountLines(candidate: ClaimCandidate, amount: string, locale: string): string {
  const lines = [`Amount requested: ${amount}.`];
  const computation = clean(candidate.computation, 400);
  if (computation !== '') lines.push(computation);
  if (candidate.components.length > 1) {
    for (const component of candidate.components) {
      lines.push(`- ${clean(component.label, 80)}: ${formatAmount(component.amountMinor, candidate.currency, locale)}`);
    }
  }
  return lines.join('\n');
}

function idLines(candidate: ClaimCandidate): string {
  const lines = [`- Order ID: ${clean(candidate.orderId)}`, `- SKU: ${clean(candidate.sku)}`];
  for (const [key, raw] of Object.entries(candidate.ids)) {
    const normal = key.toLowerCase().replace(/[^a-z0-9]/g, '');
    const value = clean(raw);
    if (normal === 'orderid' || normal === 'sku' || value === '') continue;
    lines.push(`- ${idLabel(key)}: ${value}`);
  }
  if (candidate.units > 1) lines.push(`- Units: ${candidate.units}`);
  return ['IDs:', ...lines].join('\n');
}

function evidenceLine(candidate: ClaimCandidate, context: ClaimTextContext): string {
  const count = Math.max(0, Math.trunc(context.evidenceCount));
  if (count === 0) return candidate.kind === 'safet' ? 'Evidence attached: a case summary with the timeline and report lines.' : '';
  const files = count === 1 ? '1 photo or video' : `${count} photos and videos`;
  return `Evidence attached: ${files} of the returned item (each with its SHA-256 checksum), and a case summary with the timeline and report lines.`;
}

function closing(candidate: ClaimCandidate, context: ClaimTextContext): string {
  const name = clean(context.sellerName ?? '', 80);
  const ask = candidate.kind === 'safet' ? 'Please review this claim.' : 'Please investigate and reimburse.';
  return name === '' ? `${ask} Thank you.` : `${ask} Thank you.\n${name}`;
}

/** One line of text: control characters and runs of blanks become one space, cut at `max` characters. */
export function clean(value: string, max: number = longestValue): string {
  // eslint-disable-next-line no-control-regex
  const line = String(value).replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** The `YYYY-MM-DD` of an ISO-8601 date or instant; '' when it does not start with one. */
export function isoDate(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(String(iso));
  return match ? match[1]! : '';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The English label of an id key of `ClaimCandidate.ids` (`rmaId` → `RMA ID`). */
export function idLabel(key: string): string {
  return idLabels[key.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? humanise(key);
}

/** `returnTrackingId` / `return_tracking_id` → `Return tracking ID`. */
function humanise(key: string): string {
  const words = clean(key, 60).replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_.-]+/).filter((word) => word !== '');
  const shown = words.map((word) => {
    const lower = word.toLowerCase();
    if (['id', 'asin', 'fnsku', 'sku', 'rma', 'lpn', 'upc', 'ean'].includes(lower)) return lower.toUpperCase();
    return lower;
  });
  const text = shown.join(' ');
  return text === '' ? 'ID' : capitalise(text);
}

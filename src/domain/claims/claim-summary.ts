// The case summary of a claim packet (issue 5): one self-contained HTML page (inline CSS, no scripts,
// no external links or images) that a Seller Support agent or the seller can open from the ZIP.
// Pure string building; every value is HTML-escaped, whatever its source.
import { formatAmount } from '../money.js';
import type { ClaimCandidate } from './claim.js';
import { claimKindTitles, idLabel, isoDate } from './claim-text.js';
import type { ClaimText } from './claim-text.js';

/** One dated event of the case: order, refund, return delivery, inspection, reimbursement... */
export interface TimelineEvent {
  /** ISO-8601 date or instant. */
  readonly atIso: string;
  /** What happened ("Refund issued by Amazon"). */
  readonly event: string;
  /** Optional detail (an amount, a tracking id, who inspected). */
  readonly detail?: string;
}

/** One message of the buyer-seller conversation on the order. */
export interface BuyerMessage {
  readonly atIso: string;
  /** Who wrote it: `buyer`, `seller`, `amazon`... */
  readonly from: string;
  readonly subject?: string;
  readonly text: string;
}

/** One evidence file as listed in the summary. */
export interface SummaryEvidence {
  readonly sha256: string;
  /** The name it was uploaded under (shown only, never used as a path). */
  readonly fileName: string;
  readonly mediaType: string;
  /** `photo` or `video`. */
  readonly kind: string;
  readonly sizeBytes?: number;
  /** Where the file is inside the packet (`evidence/…`). */
  readonly packetPath?: string;
}

/** What the summary needs besides the candidate. */
export interface ClaimSummaryContext {
  /** When the packet is made (UTC ISO-8601). */
  readonly nowIso: string;
  /** Locale the amounts are written in (`en-US`...). */
  readonly locale: string;
  readonly sellerName?: string;
  readonly timeline: readonly TimelineEvent[];
  readonly messages: readonly BuyerMessage[];
  readonly evidence: readonly SummaryEvidence[];
  /** The claim text, shown at the end when given. */
  readonly claimText?: ClaimText;
}

const htmlEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}

// Nothing may be fetched or run: only the inline style is allowed.
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

const style = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e3e3e3}
th{background:#f4f4f4;font-weight:600}td.num{text-align:right;white-space:nowrap}
.meta th{width:14rem;background:none}.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
.amount{font-size:1.3rem;font-weight:600}.muted{color:#666}pre{white-space:pre-wrap;font:inherit;margin:0}
.message{border:1px solid #e3e3e3;border-radius:4px;padding:.5rem .75rem;margin:.5rem 0}
@media print{body{margin:0;max-width:none}}
`.trim();

/**
 * The summary page of a claim packet: the case (kind, order, SKU, units, ids, window), the amount and
 * how it was computed, the timeline sorted by date, the proof rows (report file, line, summary), the
 * evidence files with their SHA-256, the buyer messages, and the claim text.
 */
export function claimSummaryHtml(candidate: ClaimCandidate, context: ClaimSummaryContext): string {
  const title = `${claimKindTitles[candidate.kind]} - order ${candidate.orderId}`;
  const sections = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="muted">Prepared ${escapeHtml(displayInstant(context.nowIso))}${context.sellerName ? ` for ${escapeHtml(context.sellerName)}` : ''} with ReturnDesk.</p>`,
    caseSection(candidate),
    amountSection(candidate, context.locale),
    timelineSection(context.timeline),
    proofSection(candidate),
    evidenceSection(context.evidence),
    messagesSection(context.messages),
    context.claimText ? claimTextSection(context.claimText) : '',
  ].filter((part) => part !== '');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function caseSection(candidate: ClaimCandidate): string {
  const rows: [string, string][] = [
    ['Claim', claimKindTitles[candidate.kind]],
    ['Marketplace', candidate.marketplaceCode],
    ['Order ID', candidate.orderId],
    ['SKU', candidate.sku],
    ['Units', String(candidate.units)],
  ];
  for (const [key, value] of Object.entries(candidate.ids)) {
    const label = idLabel(key);
    if (label === 'Order ID' || label === 'SKU' || value === '') continue;
    rows.push([label, value]);
  }
  if (candidate.window) {
    rows.push(['Claim window', `${isoDate(candidate.window.opensAt) || candidate.window.opensAt} to ${isoDate(candidate.window.closesAt) || candidate.window.closesAt}`
      + ` (counted from ${displayInstant(candidate.window.fromIso)}, rule ${candidate.window.ruleId})`]);
  } else {
    rows.push(['Claim window', 'No deadline rule covers this marketplace.']);
  }
  rows.push(['ReturnDesk claim key', candidate.key]);
  const body = rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n');
  return `<h2>Case</h2>\n<table class="meta">\n${body}\n</table>`;
}

function amountSection(candidate: ClaimCandidate, locale: string): string {
  const amount = formatAmount(candidate.owedMinor, candidate.currency, locale);
  const parts = [
    '<h2>Amount requested</h2>',
    `<p class="amount">${escapeHtml(amount)}</p>`,
    `<p>${escapeHtml(candidate.computation)}</p>`,
  ];
  if (candidate.components.length > 0) {
    const rows = candidate.components.map((component) =>
      `<tr><td>${escapeHtml(component.label)}</td><td class="num">${escapeHtml(formatAmount(component.amountMinor, candidate.currency, locale))}</td></tr>`);
    parts.push(`<table>\n<tr><th>Component</th><th>Amount</th></tr>\n${rows.join('\n')}\n`
      + `<tr><th>Total</th><th class="num">${escapeHtml(amount)}</th></tr>\n</table>`);
  }
  return parts.join('\n');
}

function timelineSection(timeline: readonly TimelineEvent[]): string {
  if (timeline.length === 0) return '<h2>Timeline</h2>\n<p class="muted">No events given.</p>';
  // Stable sort by date: events of the same instant keep the order they were given in.
  const sorted = timeline.map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.atIso < b.event.atIso ? -1 : a.event.atIso > b.event.atIso ? 1 : a.index - b.index))
    .map(({ event }) => event);
  const rows = sorted.map((event) =>
    `<tr><td class="num">${escapeHtml(displayInstant(event.atIso))}</td><td>${escapeHtml(event.event)}</td><td>${escapeHtml(event.detail ?? '')}</td></tr>`);
  return `<h2>Timeline</h2>\n<table>\n<tr><th>Date</th><th>Event</th><th>Detail</th></tr>\n${rows.join('\n')}\n</table>`;
}

function proofSection(candidate: ClaimCandidate): string {
  if (candidate.proof.length === 0) return '<h2>Report rows</h2>\n<p class="muted">No report rows.</p>';
  const rows = candidate.proof.map((row) =>
    `<tr><td>${escapeHtml(row.file ?? `ReturnDesk record (${row.source})`)}</td><td class="num">${escapeHtml(row.line ?? '')}</td>`
    + `<td>${escapeHtml(row.summary)}</td></tr>`);
  return '<h2>Report rows</h2>\n<p class="muted">The full lines are in report-lines.tsv in this packet.</p>\n'
    + `<table>\n<tr><th>Report file</th><th>Line</th><th>What it shows</th></tr>\n${rows.join('\n')}\n</table>`;
}

function evidenceSection(evidence: readonly SummaryEvidence[]): string {
  if (evidence.length === 0) return '<h2>Evidence</h2>\n<p class="muted">No photos or videos.</p>';
  const rows = evidence.map((item) =>
    `<tr><td>${escapeHtml(item.packetPath ?? item.fileName)}</td><td>${escapeHtml(item.fileName)}</td>`
    + `<td>${escapeHtml(item.kind)} (${escapeHtml(item.mediaType)})</td><td class="num">${escapeHtml(item.sizeBytes === undefined ? '' : displaySize(item.sizeBytes))}</td>`
    + `<td class="hash">${escapeHtml(item.sha256)}</td></tr>`);
  return '<h2>Evidence</h2>\n<p class="muted">Each file\'s SHA-256 lets anyone check it is the file recorded at inspection '
    + '(for example <code>sha256sum</code> or <code>certutil -hashfile FILE SHA256</code>).</p>\n'
    + `<table>\n<tr><th>File in packet</th><th>Uploaded as</th><th>Type</th><th>Size</th><th>SHA-256</th></tr>\n${rows.join('\n')}\n</table>`;
}

function messagesSection(messages: readonly BuyerMessage[]): string {
  if (messages.length === 0) return '<h2>Buyer messages</h2>\n<p class="muted">No messages.</p>';
  const items = messages.map((message) => [
    '<div class="message">',
    `<p class="muted">${escapeHtml(displayInstant(message.atIso))} - from ${escapeHtml(message.from)}${message.subject ? ` - ${escapeHtml(message.subject)}` : ''}</p>`,
    `<pre>${escapeHtml(message.text)}</pre>`,
    '</div>',
  ].join('\n'));
  return `<h2>Buyer messages</h2>\n${items.join('\n')}`;
}

function claimTextSection(text: ClaimText): string {
  return `<h2>Claim text</h2>\n<p><strong>${escapeHtml(text.subject)}</strong></p>\n<pre>${escapeHtml(text.body)}</pre>`;
}

/** `2026-03-02T14:05:09.000Z` → `2026-03-02 14:05 UTC`; a date stays a date; anything else is shown as given. */
function displayInstant(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(String(iso));
  if (!match) return String(iso);
  const [, date, time, zone] = match;
  if (!time) return date!;
  return `${date} ${time}${zone === 'Z' ? ' UTC' : zone ? ` ${zone}` : ''}`;
}

function displaySize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

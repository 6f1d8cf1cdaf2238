import type { TFunction } from 'i18next';
import type { CaseEvent } from '../../api/cases.js';
import { formatMoney } from '../../format.js';

// One readable line per event of a case's history. Each kind's `data` is what the service writing it
// stores (src/services/record-outcome.ts, record-refund.ts, receive-return.ts…); fields are read
// defensively because `data` is typed unknown and older events may lack newer fields.

type Data = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function statusChange(t: TFunction, data: Data): string | undefined {
  const status = data.status as { before?: unknown; after?: unknown } | undefined;
  if (typeof status !== 'object' || status === null) return undefined;
  const before = text(status.before);
  const after = text(status.after);
  if (before === undefined || after === undefined || before === after) return undefined;
  return t('case.timeline.statusChange', { before: t(`case.status.${before}`, { defaultValue: before }), after: t(`case.status.${after}`, { defaultValue: after }) });
}

function outcomeDetail(t: TFunction, data: Data): string {
  const outcome = text(data.outcome) ?? '';
  const parts = [t(`case.outcome.${outcome}`, { defaultValue: outcome })];
  if (typeof data.step === 'number') parts.push(t('queue.step', { step: data.step }));
  const grade = text(data.grade);
  if (grade !== undefined) parts.push(t(`case.grade.${grade}`, { defaultValue: grade }));
  const note = text(data.note);
  if (note !== undefined) parts.push(`“${note}”`);
  return parts.join(' · ');
}

function refundDetail(t: TFunction, data: Data, marketplace: string): string {
  const currency = text(data.currency);
  const amount = typeof data.totalMinor === 'number' && currency !== undefined ? formatMoney(data.totalMinor, currency, marketplace) : '';
  const by = text(data.recordedBy);
  return by === undefined ? amount : t('case.timeline.refundBy', { amount, by });
}

function kindDetail(t: TFunction, event: CaseEvent, marketplace: string): string | undefined {
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Data;
  if (event.kind === 'outcome') return outcomeDetail(t, data);
  if (event.kind === 'refund') return refundDetail(t, data, marketplace);
  if (event.kind === 'created') return [text(data.reason), text(data.amazonRmaId) && `RMA ${text(data.amazonRmaId)}`].filter(Boolean).join(' · ') || undefined;
  if (event.kind === 'received') return text(data.receivedBy) && t('case.timeline.receivedBy', { by: text(data.receivedBy) });
  if (event.kind === 'inspected' || event.kind === 'graded') return text(data.grade) && t(`case.grade.${text(data.grade)}`, { defaultValue: text(data.grade) });
  if (event.kind === 'disposition') return text(data.route);
  if (event.kind === 'status') return text(data.note) && `“${text(data.note)}”`;
  return undefined;
}

/** The event's title in the page's language, and its details (what changed, by how much, by whom). */
export function summarizeEvent(t: TFunction, event: CaseEvent, marketplace: string): { title: string; details: string[] } {
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Data;
  const title = t(`case.event.${event.kind}`, { defaultValue: event.kind });
  const details = [kindDetail(t, event, marketplace), statusChange(t, data)].filter((d): d is string => d !== undefined && d !== '');
  return { title, details };
}

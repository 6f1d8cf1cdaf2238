import type { TFunction } from 'i18next';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../api/queue.js';
import { AppLink } from '../../components/app-link.js';
import { countdownTo, formatDateTime, formatMoney } from '../../format.js';
import type { Countdown } from '../../format.js';
import { apiTextKey } from '../../i18n/languages.js';

interface RowProps {
  item: QueueItem;
  nowMs: number;
  selected: boolean;
  onFocus: () => void;
  ref?: Ref<HTMLAnchorElement>;
}

/** The two largest units of a countdown ("2 d 4 h", "3 h 20 min", "12 min"). */
function durationText(t: TFunction, c: Countdown): string {
  if (c.days > 0) return `${t('duration.days', { count: c.days })} ${t('duration.hours', { count: c.hours })}`;
  if (c.hours > 0) return `${t('duration.hours', { count: c.hours })} ${t('duration.minutes', { count: c.minutes })}`;
  return t('duration.minutes', { count: c.minutes });
}

function DeadlineCell({ item, nowMs }: { item: QueueItem; nowMs: number }) {
  const { t, i18n } = useTranslation();
  if (item.deadline === null) return <span className="deadline">{t('queue.noDeadline')}</span>;
  const countdown = countdownTo(item.deadline.dueAt, nowMs);
  const text = durationText(t, countdown);
  return (
    <span className="deadline">
      <span className={countdown.overdue ? 'countdown countdown-overdue' : 'countdown'}>
        {countdown.overdue ? t('queue.overdueBy', { duration: text }) : t('queue.dueIn', { duration: text })}
      </span>
      <span className="deadline-detail">{item.deadline.label[apiTextKey(i18n.language)]} · {formatDateTime(item.deadline.dueAt, item.marketplace)}</span>
    </span>
  );
}

function ActionCell({ item }: { item: QueueItem }) {
  const { t, i18n } = useTranslation();
  if (item.problem !== null) return <span className="action"><strong>{t('queue.cannotPrice')}</strong><span className="action-detail">{item.problem}</span></span>;
  if (item.recommendation === null) return <span className="action"><strong>{t(`task.${item.task}`)}</strong></span>;
  const { action, step, explanation } = item.recommendation;
  return (
    <span className="action">
      <strong>{t(`action.${action}`)}{step === undefined ? '' : ` · ${t('queue.step', { step })}`}</strong>
      <span className="action-detail">{explanation[apiTextKey(i18n.language)]}</span>
    </span>
  );
}

/** One case of the queue: a link to the case, with what is due, what to do and what is at stake. */
export function QueueRow({ item, nowMs, selected, onFocus, ref }: RowProps) {
  const { t } = useTranslation();
  return (
    <AppLink ref={ref} href={`/cases/${item.caseId}`} className={selected ? 'queue-row is-selected' : 'queue-row'} aria-current={selected ? 'true' : undefined} onFocus={onFocus} data-case-id={item.caseId}>
      <span className={`urgency-badge urgency-${item.urgency}`}>{t(`urgency.${item.urgency}`)}</span>
      <DeadlineCell item={item} nowMs={nowMs} />
      <span className="case-id">
        <span className="sku">{item.sku}</span>
        <span className="case-detail">{t('queue.order', { id: item.orderId })} · {item.marketplace} · {t(`status.${item.status}`)}</span>
        <span className="case-detail">{item.reasonCategory === null ? t('reason.unmapped') : t(`reason.${item.reasonCategory}`)}</span>
      </span>
      <ActionCell item={item} />
      <span className="at-stake">
        <span className="at-stake-label">{t('queue.atStake')}</span>
        <span className="at-stake-amount">{item.atStakeMinor === null ? t('queue.unknownAmount') : formatMoney(item.atStakeMinor, item.currency, item.marketplace)}</span>
      </span>
    </AppLink>
  );
}

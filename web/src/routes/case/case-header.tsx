import { useTranslation } from 'react-i18next';
import type { ReturnDetailResponse } from '../../api/cases.js';
import { countdownTo, formatDateTime, formatMoney } from '../../format.js';
import { apiTextKey } from '../../i18n/languages.js';
import { durationText } from './duration-text.js';

export interface CaseDeadline {
  ruleId: string;
  dueAt: string;
  label: { en: string; zh: string };
}

export interface AtStake {
  amountMinor: number;
  currency: string;
}

interface HeaderProps {
  returnCase: ReturnDetailResponse;
  deadlines: readonly CaseDeadline[];
  atStake: AtStake | null;
  nowMs: number;
}

function Deadline({ deadline, marketplace, nowMs }: { deadline: CaseDeadline; marketplace: string; nowMs: number }) {
  const { t, i18n } = useTranslation();
  const countdown = countdownTo(deadline.dueAt, nowMs);
  const text = durationText(t, countdown);
  return (
    <li>
      <span className={countdown.overdue ? 'countdown countdown-overdue' : 'countdown'}>
        {countdown.overdue ? t('queue.overdueBy', { duration: text }) : t('queue.dueIn', { duration: text })}
      </span>{' '}
      <span className="deadline-detail">{deadline.label[apiTextKey(i18n.language)]} · {formatDateTime(deadline.dueAt, marketplace)}</span>
    </li>
  );
}

/** What the case is: order, SKU, marketplace, status, reason and fault, what is due and what is at stake. */
export function CaseHeader({ returnCase: c, deadlines, atStake, nowMs }: HeaderProps) {
  const { t } = useTranslation();
  const when = (iso: string | null) => (iso === null ? '—' : formatDateTime(iso, c.marketplace));
  const facts: [string, string][] = [
    [t('case.header.order'), c.orderId],
    [t('case.header.sku'), c.asin === null ? c.sku : `${c.sku} (${c.asin})`],
    [t('case.header.marketplace'), `${c.marketplace} · ${c.channel}`],
    [t('case.header.status'), t(`case.status.${c.status}`)],
    [t('case.header.reason'), c.reason.category === null ? t('reason.unmapped') : t(`reason.${c.reason.category}`)],
    [t('case.header.fault'), t(`fault.${c.reason.fault}`, { defaultValue: c.reason.fault })],
    [t('case.header.requested'), when(c.requestedAt)],
    [t('case.header.received'), when(c.receivedAt)],
    [t('case.header.atStake'), atStake === null ? t('queue.unknownAmount') : formatMoney(atStake.amountMinor, atStake.currency, c.marketplace)],
  ];
  if (c.refunded !== null) facts.push([t('case.header.refunded'), formatMoney(c.refunded.amountMinor, c.refunded.currency, c.marketplace)]);
  return (
    <section className="case-header" aria-labelledby="case-facts-title">
      <h2 id="case-facts-title" className="visually-hidden">{t('case.header.title')}</h2>
      <dl className="case-facts">
        {facts.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}
      </dl>
      <h3 className="case-subtitle">{t('case.header.deadlines')}</h3>
      {deadlines.length === 0
        ? <p>{t('queue.noDeadline')}</p>
        : <ul className="case-deadlines">{deadlines.map((d) => <Deadline key={d.ruleId} deadline={d} marketplace={c.marketplace} nowMs={nowMs} />)}</ul>}
      <p className="case-version">{t('case.header.version', { version: c.version })}</p>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { QueueResponse } from '../../api/queue.js';
import { urgencyOrder } from './filter-options.js';

/** How many cases of the filtered queue fall in each urgency (the whole queue, not just this page). */
export function UrgencyCounts({ counts }: { counts: QueueResponse['counts'] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  return (
    <ul className="urgency-counts" aria-label={t('queue.countsLabel')}>
      {urgencyOrder.map((urgency) => (
        <li key={urgency} className={`urgency-chip urgency-${urgency}`}>
          <span className="urgency-chip-label">{t(`urgency.${urgency}`)}</span>
          <span className="urgency-chip-count">{number.format(counts[urgency])}</span>
        </li>
      ))}
    </ul>
  );
}

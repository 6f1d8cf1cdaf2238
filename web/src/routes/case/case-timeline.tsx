import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '../../api/cases.js';
import { formatDateTime } from '../../format.js';
import { summarizeEvent } from './event-summary.js';

/** Everything that happened to the case, oldest first, as the server answers it. */
export function CaseTimeline({ events, marketplace }: { events: readonly CaseEvent[]; marketplace: string }) {
  const { t } = useTranslation();
  return (
    <section className="case-section" aria-labelledby="case-timeline-title">
      <h2 id="case-timeline-title">{t('case.timeline.title')}</h2>
      {events.length === 0 ? <p>{t('case.timeline.empty')}</p> : (
        <ol className="case-timeline" aria-label={t('case.timeline.label', { count: events.length })}>
          {events.map((event, index) => {
            const { title, details } = summarizeEvent(t, event, marketplace);
            return (
              <li key={`${event.occurredAt}-${event.kind}-${index}`} className={`timeline-event event-${event.kind}`} data-kind={event.kind}>
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, marketplace)}</time>
                <strong className="event-title">{title}</strong>
                {details.map((detail) => <span key={detail} className="event-detail">{detail}</span>)}
                <span className="event-source">{t('case.timeline.source', { source: event.source })}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

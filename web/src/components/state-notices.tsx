import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';

// The loading, empty and error states every page shows the same way.

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <p className="notice notice-loading" role="status" aria-live="polite">{label ?? t('app.loading')}</p>;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A failed request: what went wrong in the reader's language, the server's own words, and a retry. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = isApiError(error) ? error.code : 'unexpected';
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="notice notice-error" role="alert">
      <p><strong>{t(`errors.${code}`, { defaultValue: t('errors.unexpected') })}</strong></p>
      <p className="notice-detail">{t('errors.serverSaid', { message: detail })}</p>
      {onRetry && <button type="button" onClick={onRetry}>{t('errors.retry')}</button>}
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusFilter } from './claims-address.js';
import { claimStatusOptions } from './claim-options.js';

/** The one filter the list route offers: the claim's status (docs/api/claims.md). */
export function ClaimsFilter({ status, onChange }: { status: StatusFilter; onChange: (status: StatusFilter) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="claims-filter field" role="search" aria-label={t('claims.filter.label')}>
      <label htmlFor={id}>{t('claims.filter.status')}</label>
      <select id={id} value={status} onChange={(event) => onChange(event.target.value as StatusFilter)}>
        {claimStatusOptions.map((option) => <option key={option} value={option}>{t(`claims.status.${option}`)}</option>)}
        <option value="all">{t('claims.filter.all')}</option>
      </select>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { navigate, useAddress } from '../../navigation.js';
import type { Role } from '../../permissions.js';
import { canWorkCases } from '../../permissions.js';
import { analyticsAddress, readAnalyticsAddress } from './analytics-address.js';
import { CausesSection } from './causes-section.js';
import { CostsSection } from './costs-section.js';
import { FixForm } from './fix-form.js';
import { FixLog } from './fix-log.js';
import { MonthRangeFilter } from './month-range-filter.js';
import { RatesSection } from './rates-section.js';
import { ReportPanel } from './report-panel.js';
import { SpikesSection } from './spikes-section.js';
import './analytics.css';

/** Return rates and costs, causes, spikes and the fix log of one seller account (docs/api/analytics.md). */
export function AnalyticsPage({ accountId, role }: { accountId: number; role: Role | undefined }) {
  const { t } = useTranslation();
  const { query } = useAddress();
  const range = readAnalyticsAddress(query);
  // Recording a listing fix needs work_cases, as changing a case does (docs/api/analytics.md).
  const mayWork = canWorkCases(role);
  return (
    <div className="page analytics-page">
      <h1>{t('analytics.title')}</h1>
      <p>{t('analytics.intro')}</p>
      <MonthRangeFilter key={analyticsAddress(range)} range={range} onChange={(next) => navigate(analyticsAddress(next))} />
      <RatesSection accountId={accountId} range={range} />
      <CostsSection accountId={accountId} range={range} />
      <CausesSection accountId={accountId} range={range} />
      <SpikesSection accountId={accountId} />
      <ReportPanel id="analytics-fixes" title={t('analytics.fixes.title')}>
        <p className="table-note">{t('analytics.fixes.intro')}</p>
        {mayWork ? <FixForm accountId={accountId} /> : <p className="notice">{t('analytics.fixes.readOnly')}</p>}
        <FixLog accountId={accountId} mayWork={mayWork} />
      </ReportPanel>
    </div>
  );
}

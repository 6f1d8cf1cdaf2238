import { useTranslation } from 'react-i18next';
import { useCauses } from '../../api/analytics.js';
import type { CausesResponse, MonthRange } from '../../api/analytics.js';
import { EmptyState } from '../../components/state-notices.js';
import { formatCount, formatShare } from './analytics-format.js';
import { ParetoTable } from './pareto-table.js';
import { ProblemSkuCard } from './problem-sku.js';
import { ReportPanel, ReportState } from './report-panel.js';

/** The causes report: each marketplace's reason Pareto, then the problem SKUs with their root cause, buyers' words and fixes. */
export function CausesSection({ accountId, range }: { accountId: number; range: MonthRange }) {
  const { t } = useTranslation();
  const causes = useCauses(accountId, range);
  return (
    <>
      <ReportPanel id="analytics-pareto" title={t('analytics.pareto.title')}>
        <ReportState query={causes} loading={t('analytics.causes.loading')}>
          {(data) => <MarketplacePareto causes={data} />}
        </ReportState>
      </ReportPanel>
      <ReportPanel id="analytics-problems" title={t('analytics.problems.title')} download={{ accountId, report: 'causes', range }}>
        <p className="table-note">{t('analytics.problems.intro')}</p>
        <ReportState query={causes} loading={t('analytics.causes.loading')}>
          {(data) => <ProblemSkus causes={data} />}
        </ReportState>
      </ReportPanel>
    </>
  );
}

function MarketplacePareto({ causes }: { causes: CausesResponse }) {
  const { t, i18n } = useTranslation();
  const shown = causes.marketplaces.filter((marketplace) => marketplace.pareto.length > 0);
  if (shown.length === 0) return <EmptyState title={t('analytics.pareto.empty')}><p>{t('analytics.emptyBody')}</p></EmptyState>;
  return (
    <div className="pareto-grid">
      {shown.map((marketplace) => (
        <div key={marketplace.marketplaceCode} className="pareto-marketplace" data-marketplace={marketplace.marketplaceCode}>
          <ParetoTable bars={marketplace.pareto} caption={t('analytics.pareto.caption', {
            marketplace: marketplace.marketplaceCode,
            returned: formatCount(marketplace.returned, i18n.language),
            shipped: formatCount(marketplace.shipped, i18n.language),
            rate: formatShare(marketplace.rate, i18n.language),
          })} />
        </div>
      ))}
    </div>
  );
}

function ProblemSkus({ causes }: { causes: CausesResponse }) {
  const { t } = useTranslation();
  if (causes.problems.length === 0) return <EmptyState title={t('analytics.problems.empty')}><p>{t('analytics.problems.emptyBody')}</p></EmptyState>;
  return (
    <>
      <ol className="problem-skus">
        {causes.problems.map((problem) => <ProblemSkuCard key={`${problem.marketplaceCode}-${problem.sku}`} problem={problem} />)}
      </ol>
      {causes.moreProblems > 0 && <p className="table-note">{t('analytics.problems.more', { count: causes.moreProblems })}</p>}
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fixPageSize, useFixes } from '../../api/analytics.js';
import type { FixResult } from '../../api/analytics.js';
import { EmptyState } from '../../components/state-notices.js';
import { QueuePaging } from '../queue/queue-paging.js';
import { formatDay } from './analytics-format.js';
import { FixRates, FixVerdictBadge } from './fix-verdict.js';
import { ReportState } from './report-panel.js';
import { TableBox } from './table-box.js';
import { TableHead } from './table-head.js';

/** The fix log, oldest change first (GET …/fixes): each listing change with its rate before and after and its verdict. */
export function FixLog({ accountId, mayWork }: { accountId: number; mayWork: boolean }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const fixes = useFixes(accountId, offset);
  return (
    <ReportState query={fixes} loading={t('analytics.fixes.loading')}>
      {(data) => (data.total === 0
        ? <EmptyState title={t('analytics.fixes.empty')}><p>{mayWork ? t('analytics.fixes.emptyBodyMay') : t('analytics.fixes.emptyBody')}</p></EmptyState>
        : (
          <>
            <FixTable items={data.items} />
            <QueuePaging offset={data.offset} shown={data.items.length} total={data.total} pageSize={fixPageSize} onOffset={setOffset} />
          </>
        ))}
    </ReportState>
  );
}

function FixTable({ items }: { items: readonly FixResult[] }) {
  const { t, i18n } = useTranslation();
  return (
    <TableBox label={t('analytics.fixes.caption')}>
      <table className="analytics-table fix-log">
        <caption className="visually-hidden">{t('analytics.fixes.caption')}</caption>
        <TableHead columns={[
          ['analytics.fixes.changedOn'], ['analytics.sku'], ['analytics.marketplace'], ['analytics.fixes.what'], ['analytics.fixes.by'], ['analytics.fixes.rates'], ['analytics.fixes.verdict'],
        ]} />
        <tbody>
          {items.map((result) => (
            <tr key={result.fix.id} data-fix-id={result.fix.id}>
              <th scope="row">{formatDay(result.fix.changedOn, i18n.language)}</th>
              <td className="sku">{result.fix.sku}</td>
              <td>{result.fix.marketplaceCode ?? t('analytics.fixes.everyMarketplace')}</td>
              <td className="fix-what">{result.fix.what}</td>
              <td>{result.fix.recordedBy}</td>
              <td><FixRates result={result} /></td>
              <td><FixVerdictBadge result={result} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

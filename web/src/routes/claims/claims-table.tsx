import { useTranslation } from 'react-i18next';
import type { ClaimResponse } from '../../api/claims.js';
import { AppLink } from '../../components/app-link.js';
import { formatMoney } from '../../format.js';
import { WindowCountdown } from './window-countdown.js';
import { TableScroll } from '../../components/table-scroll.js';

/** A page of claims in the API's order (the soonest closing window first), each row linking to its claim. */
export function ClaimsTable({ claims, nowMs }: { claims: readonly ClaimResponse[]; nowMs: number }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t('claims.table.caption')}>
      <table className="claims-table">
        <caption className="visually-hidden">{t('claims.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('claims.table.claim')}</th>
            <th scope="col">{t('claims.table.window')}</th>
            <th scope="col">{t('claims.table.kind')}</th>
            <th scope="col">{t('claims.table.status')}</th>
            <th scope="col" className="number">{t('claims.table.owed')}</th>
            <th scope="col" className="number">{t('claims.table.recovered')}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr key={claim.id} data-claim-id={claim.id}>
              <th scope="row" className="claim-name">
                <AppLink href={`/claims/${claim.id}`}>{t('claims.claimNumber', { id: claim.id })}</AppLink>
                <span className="case-detail">{claim.sku} · {claim.marketplace} · {t('queue.order', { id: claim.orderId })}</span>
              </th>
              <td><WindowCountdown claim={claim} nowMs={nowMs} /></td>
              <td>{t(`claims.kind.${claim.kind}`)}</td>
              <td><span className={`claim-status claim-status-${claim.status}`}>{t(`claims.status.${claim.status}`)}</span></td>
              <td className="number claim-owed">{formatMoney(claim.owedMinor, claim.currency, claim.marketplace)}</td>
              <td className="number">{claim.recoveredMinor === null ? '—' : formatMoney(claim.recoveredMinor, claim.currency, claim.marketplace)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

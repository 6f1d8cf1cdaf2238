import { useTranslation } from 'react-i18next';
import type { ClaimDetailResponse } from '../../api/claims.js';
import { formatDateTime, formatMoney } from '../../format.js';
import { formatBytes } from '../../format-bytes.js';
import { TableScroll } from '../../components/table-scroll.js';

// The parts of a claim's detail, each exactly as GET …/claims/:id answers it.

type Claim = ClaimDetailResponse;

/** How the amount owed was reached: the server's sentence and its parts, which add up to it. */
export function ClaimAmount({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const money = (minor: number) => formatMoney(minor, claim.currency, claim.marketplace);
  return (
    <section className="panel" aria-labelledby="claim-amount-title">
      <h2 id="claim-amount-title">{t('claims.detail.amountTitle')}</h2>
      <p>{claim.computation}</p>
      <TableScroll label={t('claims.detail.componentsCaption')}>
        <table className="claim-components">
          <caption className="visually-hidden">{t('claims.detail.componentsCaption')}</caption>
          <thead><tr><th scope="col">{t('claims.detail.component')}</th><th scope="col" className="number">{t('claims.detail.amount')}</th></tr></thead>
          <tbody>
            {claim.components.map((part, index) => <tr key={index}><td>{part.label}</td><td className="number">{money(part.amountMinor)}</td></tr>)}
          </tbody>
          <tfoot><tr><th scope="row">{t('claims.detail.owed')}</th><td className="number">{money(claim.owedMinor)}</td></tr></tfoot>
        </table>
      </TableScroll>
    </section>
  );
}

/** The report rows that prove the claim, with the file and line to point Seller Support to. */
export function ClaimProof({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="claim-proof-title">
      <h2 id="claim-proof-title">{t('claims.detail.proofTitle')}</h2>
      <TableScroll label={t('claims.detail.proofTitle')}>
        <table className="claim-proof">
          <caption className="visually-hidden">{t('claims.detail.proofTitle')}</caption>
          <thead><tr><th scope="col">{t('claims.detail.source')}</th><th scope="col">{t('claims.detail.fileLine')}</th><th scope="col">{t('claims.detail.fact')}</th></tr></thead>
          <tbody>
            {claim.proof.map((row) => (
              <tr key={`${row.source}-${row.rowId}`}>
                <td>{t(`claims.source.${row.source}`)}</td>
                <td className="file-name">{row.file === null ? '—' : `${row.file}${row.line === null ? '' : `:${row.line}`}`}</td>
                <td>{row.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>{t('claims.detail.idsTitle')}</h3>
      <dl className="claim-ids">
        {Object.entries(claim.ids).map(([name, value]) => <div key={name}><dt>{name}</dt><dd>{value}</dd></div>)}
      </dl>
    </section>
  );
}

/** The photos and videos of the claim's case's inspections, which the packet carries. */
export function ClaimEvidence({ claim }: { claim: Claim }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="claim-evidence-title">
      <h2 id="claim-evidence-title">{t('claims.detail.evidenceTitle')}</h2>
      {claim.evidence.length === 0
        ? <p>{t('claims.detail.noEvidence')}</p>
        : (
          <ul className="claim-evidence">
            {claim.evidence.map((file) => (
              <li key={file.sha256}>
                <span className="file-name">{file.fileName ?? file.sha256.slice(0, 12)}</span> · {file.mediaType} · {formatBytes(file.sizeBytes, i18n.language)} · {formatDateTime(file.uploadedAt, claim.marketplace)}
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}

/** What was recorded on the claim, oldest first. */
export function ClaimHistory({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="claim-history-title">
      <h2 id="claim-history-title">{t('claims.detail.historyTitle')}</h2>
      {claim.events.length === 0
        ? <p>{t('claims.detail.noHistory')}</p>
        : (
          <ol className="claim-history">
            {claim.events.map((event, index) => (
              <li key={index} data-kind={event.kind}>
                <strong>{t(`claims.event.${event.kind}`, { defaultValue: event.kind })}</strong>
                {event.amountMinor !== null && ` · ${formatMoney(event.amountMinor, claim.currency, claim.marketplace)}`}
                {' · '}{formatDateTime(event.recordedAt, claim.marketplace)}
                {event.recordedBy !== null && ` · ${event.recordedBy}`}
                {event.note !== null && <p className="case-detail">{event.note}</p>}
              </li>
            ))}
          </ol>
        )}
    </section>
  );
}

/** The claim text to paste into Seller Central; the server writes it in English, as Amazon reads it. */
export function ClaimText({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="claim-text-title">
      <h2 id="claim-text-title">{t('claims.detail.textTitle')}</h2>
      <p><strong>{t('claims.detail.subject')}</strong> {claim.text.subject}</p>
      <pre className="claim-text" lang="en">{claim.text.body}</pre>
    </section>
  );
}

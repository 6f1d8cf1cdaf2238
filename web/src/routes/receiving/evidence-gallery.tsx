import { useTranslation } from 'react-i18next';
import { evidenceUrl, useCaseEvidence } from '../../api/warehouse.js';
import { ErrorNotice } from '../../components/state-notices.js';
import { formatBytes } from '../../format-bytes.js';

/** The photos and videos stored with the case: photos shown, each a link that downloads the original. */
export function EvidenceGallery({ accountId, caseId }: { accountId: number; caseId: number }) {
  const { t, i18n } = useTranslation();
  const evidence = useCaseEvidence(accountId, caseId);
  if (evidence.isError) return <ErrorNotice error={evidence.error} onRetry={() => void evidence.refetch()} />;
  if (!evidence.data || evidence.data.items.length === 0) return null;
  return (
    <figure className="evidence-gallery">
      <figcaption>{t('receiving.evidence.stored')}</figcaption>
      <ul className="evidence-list">
        {evidence.data.items.map((item) => {
          const name = item.fileName ?? item.sha256.slice(0, 12);
          return (
            <li key={item.sha256}>
              <a href={evidenceUrl(accountId, item.sha256)} download={name}>
                {item.kind === 'photo' ? <img src={evidenceUrl(accountId, item.sha256)} alt={name} className="evidence-thumb" /> : <span className="evidence-video" aria-hidden="true">▶</span>}
                <span className="evidence-name">{name} · {formatBytes(item.sizeBytes, i18n.language)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

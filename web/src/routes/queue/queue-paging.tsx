import { useTranslation } from 'react-i18next';

interface Props {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  onOffset: (offset: number) => void;
}

export function QueuePaging({ offset, shown, total, pageSize, onOffset }: Props) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  return (
    <nav className="paging" aria-label={t('queue.paging.label')}>
      <p aria-live="polite">{t('queue.paging.showing', { from: number.format(offset + 1), to: number.format(offset + shown), total: number.format(total) })}</p>
      <div className="paging-buttons">
        <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>{t('queue.paging.previous')}</button>
        <button type="button" disabled={offset + shown >= total} onClick={() => onOffset(offset + pageSize)}>{t('queue.paging.next')}</button>
      </div>
    </nav>
  );
}

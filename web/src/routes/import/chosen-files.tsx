import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../format-bytes.js';

/** The files picked or dropped, before they are sent; each can be taken out again. */
export function ChosenFiles({ files, onRemove }: { files: readonly File[]; onRemove: (index: number) => void }) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="chosen-files" aria-label={t('import.chosen.label')}>
      {files.map((file, index) => (
        <li key={`${file.name}-${index}`}>
          <span className="file-name">{file.name}</span>
          <span className="file-size">{formatBytes(file.size, i18n.language)}</span>
          <button type="button" className="button-quiet" onClick={() => onRemove(index)}>
            {t('import.chosen.remove')}<span className="visually-hidden"> {file.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

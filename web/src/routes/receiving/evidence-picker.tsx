import { useEffect, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionSheetResponse } from '../../api/warehouse.js';
import { formatBytes } from '../../format-bytes.js';
import { evidenceKindOf, evidenceProblem } from './evidence-files.js';

interface PickerProps {
  files: readonly File[];
  limits: InspectionSheetResponse['evidenceLimits'];
  onChange: (files: File[]) => void;
}

/**
 * Photos and videos for the inspection: straight from the phone's camera (`capture`), or chosen from
 * its gallery or a computer. Each photo is previewed; a file that is not one, or too large, is left out
 * with a sentence saying why, before anything is uploaded.
 */
export function EvidencePicker({ files, limits, onChange }: PickerProps) {
  const { t, i18n } = useTranslation();
  const [leftOut, setLeftOut] = useState<string[]>([]);
  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(event.target.files ?? [])];
    event.target.value = '';
    const refused = picked.map((file) => ({ file, problem: evidenceProblem(file, limits) })).filter((p) => p.problem !== null);
    setLeftOut(refused.map(({ file, problem }) => (problem!.kind === 'not_media'
      ? t('receiving.evidence.notMedia', { name: file.name })
      : t('receiving.evidence.tooLarge', { name: file.name, limit: formatBytes(problem!.limitBytes, i18n.language) }))));
    onChange([...files, ...picked.filter((file) => evidenceProblem(file, limits) === null)]);
  };
  return (
    <fieldset className="evidence-picker">
      <legend>{t('receiving.evidence.legend')}</legend>
      <div className="evidence-buttons">
        <label className="button-like">
          <input className="visually-hidden" type="file" accept="image/*,video/*" capture="environment" onChange={add} data-testid="evidence-camera" />
          {t('receiving.evidence.camera')}
        </label>
        <label className="button-like">
          <input className="visually-hidden" type="file" accept="image/*,video/*,.heic,.heif,.mov" multiple onChange={add} data-testid="evidence-files" />
          {t('receiving.evidence.choose')}
        </label>
      </div>
      {leftOut.map((sentence) => <p key={sentence} className="notice notice-error" role="alert">{sentence}</p>)}
      {files.length === 0
        ? <p className="hint">{t('receiving.evidence.none')}</p>
        : <EvidenceList files={files} onRemove={(gone) => onChange(files.filter((file) => file !== gone))} />}
    </fieldset>
  );
}

function EvidenceList({ files, onRemove }: { files: readonly File[]; onRemove: (file: File) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="hint" aria-live="polite">{t('receiving.evidence.count', { count: files.length })}</p>
      <ul className="evidence-list">
        {files.map((file, index) => (
          <li key={`${file.name}-${index}`}>
            <Preview file={file} />
            <span className="evidence-name">{file.name} · {formatBytes(file.size, i18n.language)}</span>
            <button type="button" onClick={() => onRemove(file)}>{t('receiving.evidence.remove', { name: file.name })}</button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A photo's thumbnail from its bytes in the browser (a blob: address, released when it goes). */
function Preview({ file }: { file: File }) {
  const [url, setUrl] = useState<string | null>(null);
  // Made and released by the same effect: an address released while still shown fails to load.
  useEffect(() => {
    if (evidenceKindOf(file) !== 'photo') return undefined;
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url === null ? <span className="evidence-video" aria-hidden="true">▶</span> : <img src={url} alt="" className="evidence-thumb" />;
}

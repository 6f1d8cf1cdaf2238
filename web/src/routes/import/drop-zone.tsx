import { useEffect, useId, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where report files are dropped, with a button that opens the file picker: the same thing for
 * keyboard and screen-reader users, who cannot drag.
 */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  useMissedDropGuard();
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length > 0) onFiles([...event.dataTransfer.files]);
  };
  return (
    <div className={over ? 'drop-zone is-over' : 'drop-zone'} data-testid="drop-zone"
      onDragOver={(event) => { event.preventDefault(); setOver(!disabled); }} onDragLeave={() => setOver(false)} onDrop={drop}>
      <p id={hintId}>{t('import.drop.hint')}</p>
      <button type="button" onClick={() => input.current?.click()} aria-describedby={hintId} disabled={disabled}>{t('import.drop.choose')}</button>
      <input ref={input} type="file" multiple hidden tabIndex={-1} aria-label={t('import.drop.choose')}
        onChange={(event) => { onFiles([...(event.target.files ?? [])]); event.target.value = ''; }} />
    </div>
  );
}

/** A file dropped beside the zone would make the browser open it in place of the app, losing the page. */
function useMissedDropGuard(): void {
  useEffect(() => {
    const stop = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

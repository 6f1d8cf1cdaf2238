import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type CopyState = 'idle' | 'copied' | 'refused';

/** Copies `text` to the clipboard and says so in a live region; a refused clipboard says what to do instead. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');
  const copy = async () => {
    try {
      // Missing outside a secure context (plain http on another host): treated like a refusal.
      if (navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('refused');
    }
  };
  return (
    <div className="copy-button">
      <button type="button" onClick={() => void copy()}>{label}</button>
      <span role="status" aria-live="polite" className={state === 'refused' ? 'copy-state copy-refused' : 'copy-state'}>
        {state === 'idle' ? '' : t(`case.message.${state}`)}
      </span>
    </div>
  );
}

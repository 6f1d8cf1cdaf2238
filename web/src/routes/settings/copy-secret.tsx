import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a new token's secret and says whether the browser allowed it; the secret goes nowhere else. */
export function CopySecret({ secret }: { secret: string }) {
  const { t } = useTranslation();
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      // Missing outside a secure context (plain http on another host): said like a refusal.
      if (navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      setSaid(t('settings.tokens.copied'));
    } catch {
      setSaid(t('settings.tokens.copyRefused'));
    }
  };
  return (
    <div className="copy-button">
      <button type="button" onClick={() => void copy()}>{t('settings.tokens.copy')}</button>
      <span role="status" aria-live="polite">{said}</span>
    </div>
  );
}

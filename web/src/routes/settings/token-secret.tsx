import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopySecret } from './copy-secret.js';

/** A new token's secret, shown this once with a copy button and the warning that it will not be shown again. */
export function TokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} tabIndex={-1} className="panel panel-warning token-secret" aria-labelledby="token-secret-title">
      <h3 id="token-secret-title">{t('settings.tokens.secretTitle', { name })}</h3>
      <p role="alert"><strong>{t('settings.tokens.secretWarning')}</strong></p>
      <p><code className="secret" data-testid="token-secret" aria-label={t('settings.tokens.secretLabel')}>{secret}</code></p>
      <CopySecret secret={secret} />
      <p className="field-hint">{t('settings.tokens.secretUse')}</p>
      <button type="button" className="button-primary" onClick={onDone}>{t('settings.tokens.done')}</button>
    </section>
  );
}

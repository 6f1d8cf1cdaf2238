import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The button's text, such as "Remove". */
  label: string;
  /** Names what it acts on for screen readers, such as "Remove mei". */
  accessibleLabel: string;
  /** The question asked before acting. */
  question: string;
  pending: boolean;
  onConfirm: () => void;
}

/** A button that asks once more in place before something that cannot be undone (removing a user, revoking a token). */
export function ConfirmButton({ label, accessibleLabel, question, pending, onConfirm }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (asking) confirm.current?.focus(); }, [asking]);
  if (!asking) return <button type="button" className="button-quiet" aria-label={accessibleLabel} onClick={() => setAsking(true)}>{label}</button>;
  return (
    <span className="confirm-ask" role="group" aria-label={question}>
      <span>{question}</span>
      <button ref={confirm} type="button" className="button-danger" disabled={pending} onClick={() => { setAsking(false); onConfirm(); }}>{t('settings.confirm.yes')}</button>
      <button type="button" className="button-quiet" onClick={() => setAsking(false)}>{t('settings.confirm.no')}</button>
    </span>
  );
}

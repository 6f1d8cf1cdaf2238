import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimDetailResponse, ClaimStatusBody } from '../../api/claims.js';
import { parseAmountMinor } from './claim-amount.js';
import { mayDecide, mayFile } from './claim-options.js';

type Decision = ClaimStatusBody['status'];

interface Props {
  claim: ClaimDetailResponse;
  pending: boolean;
  onRecord: (body: ClaimStatusBody) => void;
}

/**
 * Records the claim filed, won or lost, offering only the moves its status allows (docs/api/claims.md).
 * Won needs what Amazon paid; the note keeps anything worth keeping, such as Seller Central's case id
 * (the API has no field of its own for it).
 */
export function ClaimStatusForm({ claim, pending, onRecord }: Props) {
  const { t } = useTranslation();
  const decisions: Decision[] = [...(mayFile(claim.status) ? ['filed' as const] : []), ...(mayDecide(claim.status) ? ['won' as const, 'lost' as const] : [])];
  const [decision, setDecision] = useState<Decision>(decisions[0] ?? 'filed');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [amountWrong, setAmountWrong] = useState(false);
  const ids = { decision: useId(), amount: useId(), amountHelp: useId(), note: useId() };
  if (decisions.length === 0) return <p>{t('claims.form.closed', { status: t(`claims.status.${claim.status}`) })}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim() === '' ? undefined : note.trim();
    if (decision !== 'won') return onRecord({ status: decision, note: trimmed });
    const amountMinor = parseAmountMinor(amount, claim.currency);
    setAmountWrong(amountMinor === null);
    if (amountMinor !== null) onRecord({ status: 'won', amountMinor, note: trimmed });
  };
  return (
    <form className="claim-status-form" onSubmit={submit} aria-labelledby="claim-form-title">
      <h2 id="claim-form-title">{t('claims.form.title')}</h2>
      <div className="field">
        <label htmlFor={ids.decision}>{t('claims.form.decision')}</label>
        <select id={ids.decision} value={decision} onChange={(event) => setDecision(event.target.value as Decision)}>
          {decisions.map((d) => <option key={d} value={d}>{t(`claims.form.as.${d}`)}</option>)}
        </select>
      </div>
      {decision === 'won' && (
        <div className="field">
          <label htmlFor={ids.amount}>{t('claims.form.amount', { currency: claim.currency })}</label>
          <input id={ids.amount} inputMode="decimal" required value={amount} onChange={(event) => setAmount(event.target.value)}
            aria-describedby={ids.amountHelp} aria-invalid={amountWrong || undefined} />
          <p id={ids.amountHelp} className={amountWrong ? 'field-error' : 'field-help'}>{amountWrong ? t('claims.form.amountWrong') : t('claims.form.amountHelp')}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.note}>{t('claims.form.note')}</label>
        <textarea id={ids.note} value={note} maxLength={2000} rows={2} onChange={(event) => setNote(event.target.value)} placeholder={t('claims.form.notePlaceholder')} />
      </div>
      <button type="submit" className="button-primary" disabled={pending}>{t('claims.form.submit')}</button>
    </form>
  );
}

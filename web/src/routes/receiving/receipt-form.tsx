import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordReceipt } from '../../api/warehouse.js';
import type { InspectionSheetResponse } from '../../api/warehouse.js';
import { formatDateTime } from '../../format.js';
import { choiceValues } from './checklist-model.js';
import { ChoiceField } from './choice-field.js';
import { noticeOfFailure } from '../case/case-notice.js';
import type { StepProps } from './step-props.js';

type OuterBox = (typeof choiceValues.outerBox)[number];

/** Step 1: the parcel arrived; its outer box is recorded as carrier evidence. The server names who received it. */
export function ReceiptForm({ accountId, caseId, version, onNotice }: StepProps) {
  const { t } = useTranslation();
  const noteId = useId();
  const [outerBox, setOuterBox] = useState<OuterBox | undefined>(undefined);
  const [note, setNote] = useState('');
  const record = useRecordReceipt(accountId, caseId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (outerBox === undefined) return;
    record.mutate({ body: { outerBox, ...(note.trim() === '' ? {} : { note: note.trim() }) }, version }, {
      onSuccess: (done) => onNotice({ kind: 'done', text: t('receiving.receipt.recorded', { version: done.version }) }),
      onError: (error) => onNotice(noticeOfFailure(error, t('case.actions.conflict'))),
    });
  };
  return (
    <form className="unit-step" aria-labelledby="receipt-title" onSubmit={submit}>
      <h3 id="receipt-title">{t('receiving.receipt.title')}</h3>
      <ChoiceField name="receipt-outer-box" legend={t('receiving.receipt.outerBox')} values={choiceValues.outerBox} value={outerBox}
        label={(value) => t(`receiving.answer.outerBox.${value}`)} onChange={setOuterBox} required />
      <label htmlFor={noteId}>{t('receiving.receipt.note')}</label>
      <textarea id={noteId} value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} rows={2} />
      <button type="submit" disabled={record.isPending || outerBox === undefined}>{record.isPending ? t('receiving.receipt.saving') : t('receiving.receipt.submit')}</button>
    </form>
  );
}

/** Step 1 done: when, by whom, and the outer box. */
export function ReceiptDone({ receipt, marketplace }: { receipt: NonNullable<InspectionSheetResponse['receipt']>; marketplace: string }) {
  const { t } = useTranslation();
  return (
    <section className="unit-step is-done" aria-labelledby="receipt-done-title">
      <h3 id="receipt-done-title">{t('receiving.receipt.title')}</h3>
      <p>{t('receiving.receipt.done', { at: formatDateTime(receipt.receivedAt, marketplace), by: receipt.receivedBy, box: t(`receiving.answer.outerBox.${receipt.outerBox}`) })}</p>
      {receipt.note !== null && <p className="hint">{receipt.note}</p>}
    </section>
  );
}

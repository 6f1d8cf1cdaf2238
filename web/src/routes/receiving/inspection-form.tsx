import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordInspection } from '../../api/warehouse.js';
import { answersToSend, blankAnswers, itemsToAsk, unansweredItems } from './checklist-model.js';
import type { Answers } from './checklist-model.js';
import { ChecklistQuestion } from './checklist-question.js';
import { EvidencePicker } from './evidence-picker.js';
import { noticeOfFailure } from '../case/case-notice.js';
import type { StepProps } from './step-props.js';

/**
 * Step 2: the checklist this product's category asks, narrowed as it is answered (an empty box asks
 * nothing more), with photos and videos; sent as one form, graded by the server.
 */
export function InspectionForm({ accountId, caseId, version, sheet, onNotice }: StepProps) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(() => blankAnswers(sheet));
  const [files, setFiles] = useState<File[]>([]);
  // Once sent incomplete, the items still unanswered are named, and the list shrinks as they are answered.
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const record = useRecordInspection(accountId, caseId);
  const { required, optional } = itemsToAsk(sheet, answers);
  const unanswered = unansweredItems(required, answers);
  const answer = (change: Answers) => setAnswers((current) => ({ ...current, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (unanswered.length > 0) {
      formRef.current?.querySelector<HTMLElement>(`[data-item="inspection-${unanswered[0]}"] input`)?.focus();
      return;
    }
    record.mutate({ answers: answersToSend(sheet, answers), files, version }, {
      onSuccess: (done) => onNotice({ kind: 'done', text: t('receiving.inspection.recorded', { grade: t(`receiving.grade.${done.grade}`), version: done.version }) }),
      onError: (error) => onNotice(noticeOfFailure(error, t('case.actions.conflict'))),
    });
  };
  const question = (item: (typeof required)[number], isRequired: boolean) => (
    <ChecklistQuestion key={item} item={item} required={isRequired} answers={answers} accessories={sheet.expectedAccessories} onAnswer={answer} />
  );
  return (
    <form ref={formRef} className="unit-step" aria-labelledby="inspection-title" onSubmit={submit} noValidate>
      <h3 id="inspection-title">{t('receiving.inspection.title')}</h3>
      <p className="hint">{t('receiving.inspection.intro')}</p>
      {required.map((item) => question(item, true))}
      {optional.length > 0 && (
        <details className="optional-checks">
          <summary>{t('receiving.inspection.optional')}</summary>
          {optional.map((item) => question(item, false))}
        </details>
      )}
      <EvidencePicker files={files} limits={sheet.evidenceLimits} onChange={setFiles} />
      {tried && unanswered.length > 0 && (
        <p className="notice notice-error" role="alert">{t('receiving.inspection.missing', { items: unanswered.map((item) => t(`receiving.item.${item}`)).join(', ') })}</p>
      )}
      <button type="submit" disabled={record.isPending}>{record.isPending ? t('receiving.inspection.saving') : t('receiving.inspection.submit')}</button>
    </form>
  );
}

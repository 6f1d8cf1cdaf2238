import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordOutcome } from '../../api/cases.js';
import type { OutcomeBody, ReturnDetailResponse } from '../../api/cases.js';
import { noticeOfFailure } from './case-notice.js';
import type { CaseNoticeValue } from './case-notice.js';
import { canBeGraded, conditionGrades, isOpenRequest } from './case-stage.js';

interface FormProps {
  accountId: number;
  returnCase: ReturnDetailResponse;
  /** How many save offers the policy's ladder has (the recommendation's `save_offer` options). */
  ladderLength: number;
  onNotice: (notice: CaseNoticeValue) => void;
}

type Kind = 'offer-accepted' | 'offer-declined' | 'graded';

/** The outcomes that fit the case now (src/domain/decisions/outcomes.ts `requireOutcomeFits`). */
export function outcomeKindsFor(returnCase: ReturnDetailResponse, ladderLength: number): Kind[] {
  const offers: Kind[] = isOpenRequest(returnCase) && ladderLength > 0 ? ['offer-accepted', 'offer-declined'] : [];
  return canBeGraded(returnCase) ? [...offers, 'graded'] : offers;
}

/** Records what the buyer did with a save offer, or the grade found, on the version of the case shown. */
export function OutcomeForm({ accountId, returnCase, ladderLength, onNotice }: FormProps) {
  const { t } = useTranslation();
  const kinds = outcomeKindsFor(returnCase, ladderLength);
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'graded');
  const [step, setStep] = useState('1');
  const [grade, setGrade] = useState<string>(conditionGrades[0]);
  const [note, setNote] = useState('');
  const record = useRecordOutcome(accountId, returnCase.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: OutcomeBody = { outcome: kind, ...(kind === 'graded' ? { grade } : { step: Number(step) }), ...(note.trim() ? { note } : {}) };
    record.mutate({ body, version: returnCase.version }, {
      onSuccess: (done) => { setNote(''); onNotice({ kind: 'done', text: t('case.actions.outcomeRecorded', { outcome: t(`case.outcome.${done.outcome.kind}`), version: done.version }) }); },
      onError: (error) => onNotice(noticeOfFailure(error, t('case.actions.conflict'))),
    });
  };
  return (
    <form className="outcome-form" onSubmit={submit} aria-labelledby="outcome-title">
      <h3 id="outcome-title" className="case-subtitle">{t('case.actions.outcomeTitle')}</h3>
      <label htmlFor="outcome-kind">{t('case.actions.outcome')}</label>
      <select id="outcome-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {kinds.map((k) => <option key={k} value={k}>{t(`case.outcome.${k}`)}</option>)}
      </select>
      {kind === 'graded' ? (<>
        <label htmlFor="outcome-grade">{t('case.actions.grade')}</label>
        <select id="outcome-grade" value={grade} onChange={(e) => setGrade(e.target.value)}>
          {conditionGrades.map((g) => <option key={g} value={g}>{t(`case.grade.${g}`)}</option>)}
        </select>
      </>) : (<>
        <label htmlFor="outcome-step">{t('case.actions.step')}</label>
        <select id="outcome-step" value={step} onChange={(e) => setStep(e.target.value)}>
          {Array.from({ length: ladderLength }, (_, i) => String(i + 1)).map((s) => <option key={s} value={s}>{t('queue.step', { step: s })}</option>)}
        </select>
      </>)}
      <label htmlFor="outcome-note">{t('case.actions.note')}</label>
      <input id="outcome-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={record.isPending}>{record.isPending ? t('case.actions.saving') : t('case.actions.recordOutcome')}</button>
    </form>
  );
}

import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordMove } from '../../api/cases.js';
import type { CaseMove, ReturnDetailResponse } from '../../api/cases.js';
import { noticeOfFailure } from './case-notice.js';
import type { CaseNoticeValue } from './case-notice.js';
import { moveOfAction, movesFor } from './case-stage.js';

interface MoveProps {
  accountId: number;
  returnCase: ReturnDetailResponse;
  /** The recommended action, to choose its move first. */
  recommended: string | undefined;
  onNotice: (notice: CaseNoticeValue) => void;
}

/** Records what the agent did in Manage Returns (no Amazon API can do it), on the version of the case shown. */
export function MoveForm({ accountId, returnCase, recommended, onNotice }: MoveProps) {
  const { t } = useTranslation();
  const noteId = useId();
  const moves = movesFor(returnCase);
  const first = moves.find((m) => m === moveOfAction[recommended ?? '']) ?? moves[0];
  const [move, setMove] = useState<CaseMove | undefined>(first);
  const [note, setNote] = useState('');
  const record = useRecordMove(accountId, returnCase.id);
  if (moves.length === 0 || move === undefined) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ body: { status: move, ...(note.trim() ? { note: note.trim() } : {}) }, version: returnCase.version }, {
      onSuccess: (done) => { setNote(''); onNotice({ kind: 'done', text: t('case.move.recorded', { status: t(`case.move.${move}`), version: done.version }) }); },
      onError: (error) => onNotice(noticeOfFailure(error, t('case.actions.conflict'))),
    });
  };
  return (
    <form className="outcome-form move-form" onSubmit={submit} aria-labelledby="case-move-title">
      <h3 id="case-move-title">{t('case.move.title')}</h3>
      <p className="table-note">{t('case.move.intro')}</p>
      <fieldset>
        <legend>{t('case.move.legend')}</legend>
        {moves.map((m) => (
          <label key={m} className="radio-line">
            <input type="radio" name="case-move" value={m} checked={move === m} onChange={() => setMove(m)} /> {t(`case.move.${m}`)}
          </label>
        ))}
      </fieldset>
      {move === 'closed' && returnCase.status === 'requested' && <p className="table-note">{t('case.move.closeWarning')}</p>}
      <label htmlFor={noteId}>{t('case.move.note')}</label>
      <input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} />
      <button type="submit" className="button-primary" disabled={record.isPending}>{t('case.move.submit')}</button>
    </form>
  );
}

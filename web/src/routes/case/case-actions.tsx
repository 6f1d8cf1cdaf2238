import { useTranslation } from 'react-i18next';
import type { ReturnDetailResponse } from '../../api/cases.js';
import type { Role } from '../../permissions.js';
import type { CaseNoticeValue } from './case-notice.js';
import { canRefund, canWorkCases } from '../../permissions.js';
import { MoveForm } from './move-form.js';
import { OutcomeForm, outcomeKindsFor } from './outcome-form.js';
import { RefundPanel } from './refund-panel.js';
import type { CaseAdvice } from './use-case-advice.js';

interface ActionsProps {
  accountId: number;
  returnCase: ReturnDetailResponse;
  role: Role | undefined;
  advice: CaseAdvice;
  onNotice: (notice: CaseNoticeValue) => void;
}

/** The changes the API allows for the case at its stage and the user's role; the rest is not offered. */
export function CaseActions({ accountId, returnCase, role, advice, onNotice }: ActionsProps) {
  const { t } = useTranslation();
  const ladderLength = advice.decision?.options.filter((o) => o.action === 'save_offer').length ?? 0;
  const mayWork = canWorkCases(role);
  const kinds = outcomeKindsFor(returnCase, ladderLength);
  return (
    <>
      {advice.quote && <RefundPanel accountId={accountId} quote={advice.quote} mayRefund={canRefund(role)} onNotice={onNotice} />}
      <section className="case-section" aria-labelledby="case-actions-title">
        <h2 id="case-actions-title">{t('case.actions.title')}</h2>
        {!mayWork ? <p className="table-note">{t('case.actions.roleCannot')}</p>
          : kinds.length === 0 ? <p className="table-note">{t('case.actions.noneAtStage')}</p>
            : <OutcomeForm key={`${returnCase.id}-${kinds.join()}`} accountId={accountId} returnCase={returnCase} ladderLength={ladderLength} onNotice={onNotice} />}
        {mayWork && <MoveForm key={`${returnCase.id}-${returnCase.version}`} accountId={accountId} returnCase={returnCase} recommended={advice.decision?.recommended.action} onNotice={onNotice} />}
      </section>
    </>
  );
}

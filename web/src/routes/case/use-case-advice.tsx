import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnDetailResponse } from '../../api/cases.js';
import { useRecommendation } from '../../api/decisions.js';
import type { RecommendationResponse } from '../../api/decisions.js';
import { useRefundQuote } from '../../api/refunds.js';
import type { RefundQuoteResponse } from '../../api/refunds.js';
import { ErrorNotice, Loading } from '../../components/state-notices.js';
import { useNow } from '../../use-now.js';
import { ActionSheet } from './action-sheet.js';
import type { AtStake, CaseDeadline } from './case-header.js';
import { isAwaitingRefund, isOpenRequest } from './case-stage.js';
import { MessageDraft } from './message-draft.js';
import { RecommendationPanel } from './recommendation-panel.js';

export interface CaseAdvice {
  decision: RecommendationResponse | undefined;
  quote: RefundQuoteResponse | undefined;
  deadlines: readonly CaseDeadline[];
  atStake: AtStake | null;
  nowMs: number;
  /** The recommendation or the refund quote, the message and the action sheet, as far as they loaded. */
  sections: ReactNode;
}

/**
 * What the server advises for the case at its stage: the recommendation of an open request, the
 * refund quote of a unit back. Other stages have neither (the server would answer 409).
 */
export function useCaseAdvice(accountId: number, c: ReturnDetailResponse): CaseAdvice {
  const { t } = useTranslation();
  const decision = useRecommendation(accountId, c.id, c.version, isOpenRequest(c));
  const quote = useRefundQuote(accountId, c.id, c.version, isAwaitingRefund(c));
  // Countdowns run on the server's clock (the one its deadlines were decided at), ticking here.
  const skew = decision.data ? Date.parse(decision.data.decidedAt) - decision.dataUpdatedAt : 0;
  const nowMs = useNow(30_000) + skew;
  const asked = decision.fetchStatus !== 'idle' || decision.data !== undefined || decision.isError ? decision : quote;
  const sections = (
    <>
      {asked.isPending && asked.fetchStatus !== 'idle' && <Loading label={t('case.adviceLoading')} />}
      {asked.isError && <ErrorNotice error={asked.error} onRetry={() => void asked.refetch()} />}
      {decision.data && <RecommendationPanel decision={decision.data} />}
      {decision.data && <ActionSheet steps={decision.data.actionSheet} />}
      {decision.data?.message && <MessageDraft key={`${c.id}-${decision.data.message.action}`} accountId={accountId} marketplace={c.marketplace} message={decision.data.message} />}
      {quote.data && <MessageDraft key={`${c.id}-refund`} accountId={accountId} marketplace={c.marketplace} message={quote.data.message} />}
      {quote.data && <ActionSheet steps={quote.data.actionSheet} />}
    </>
  );
  const atStake = decision.data ? { amountMinor: decision.data.atStakeMinor, currency: decision.data.currency }
    : quote.data ? { amountMinor: quote.data.quote.paidMinor, currency: quote.data.quote.currency } : null;
  return { decision: decision.data, quote: quote.data, deadlines: decision.data?.deadlines ?? quote.data?.deadlines ?? [], atStake, nowMs, sections };
}

import type { ReturnDetailResponse } from '../../api/cases.js';
import { useRefundQuote } from '../../api/refunds.js';
import { ErrorNotice, Loading } from '../../components/state-notices.js';
import { canRefund } from '../../permissions.js';
import type { Role } from '../../permissions.js';
import { isAwaitingRefund } from '../case/case-stage.js';
import type { CaseNoticeValue } from '../case/case-notice.js';
import { RefundPanel } from '../case/refund-panel.js';

/**
 * Step 4: the refund the unit allows now, with Amazon's caps, as the case page quotes it; recorded by a
 * role that may refund (an inspector sees the quote, an agent issues it). Only a seller-fulfilled unit
 * back and not yet refunded has one.
 */
export function UnitRefund({ accountId, returnCase, role, onNotice }: { accountId: number; returnCase: ReturnDetailResponse; role: Role | undefined; onNotice: (n: CaseNoticeValue) => void }) {
  const awaiting = isAwaitingRefund(returnCase);
  const quote = useRefundQuote(accountId, returnCase.id, returnCase.version, awaiting);
  if (!awaiting) return null;
  if (quote.isError) return <ErrorNotice error={quote.error} onRetry={() => void quote.refetch()} />;
  if (!quote.data) return <Loading />;
  return (
    <div className="unit-step">
      <RefundPanel accountId={accountId} quote={quote.data} mayRefund={canRefund(role)} onNotice={onNotice} />
    </div>
  );
}

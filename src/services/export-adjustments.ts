import { isDomainError } from '../domain/errors.js';
import { adjustmentFeedColumns, adjustmentFeedRow } from '../domain/refunds/adjustment-feed.js';
import type { RefundQuote } from '../domain/refunds/refund-quote.js';
import { findReturnCase } from '../storage/return-case-repository.js';
import { listUnexportedRefunds, markRefundsExported } from '../storage/refund-repository.js';
import { lockChain } from '../storage/audit-repository.js';
import { accountChain, recordChange } from './audit.js';
import type { Database } from './open-database.js';

export interface AdjustmentExport {
  /** The flat file (header and one row per refund), or null when no refund could go in. */
  readonly text: string | null;
  readonly refundIds: readonly number[];
  /** Refunds left out, with why (e.g. no order item id): they stay waiting for the next export. */
  readonly skipped: readonly { readonly refundId: number; readonly caseId: number; readonly problem: string }[];
}

/**
 * The order adjustment feed (`POST_FLAT_FILE_PAYMENT_ADJUSTMENT_DATA`) for every recorded refund not yet
 * exported, handed to `deliver` (which writes the file). A refund that cannot be written (no order item
 * id: import the MFN returns report) is reported and waits; the others are marked exported only once
 * `deliver` succeeded, so the next export never repeats them and a failed write changes nothing. An
 * export that marks refunds writes the audit entry `adjustments.export` (by `actor`) in the same transaction.
 */
export async function exportAdjustments(database: Database, accountId: number, nowIso: string, deliver: (text: string) => Promise<void>, actor = 'cli'): Promise<AdjustmentExport> {
  return database.transaction(async (tx) => {
    // Two exports at once must not both list the same refunds (Amazon would refund twice): on PostgreSQL
    // the account's audit chain lock, which the export's entry takes anyway, makes the second wait and
    // then see the first one's marks. SQLite's write transactions already run one at a time.
    await lockChain(tx, accountChain(accountId));
    const rows: string[] = [];
    const refundIds: number[] = [];
    const skipped: { refundId: number; caseId: number; problem: string }[] = [];
    for (const refund of await listUnexportedRefunds(tx.db, accountId)) {
      const quote = refund.quote as RefundQuote & { orderItemId: string | null };
      const returnCase = (await findReturnCase(tx.db, accountId, refund.caseId))!;
      try {
        rows.push(adjustmentFeedRow({ orderId: returnCase.orderId, orderItemId: quote.orderItemId, currency: refund.currency, quote }));
        refundIds.push(refund.id);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        skipped.push({ refundId: refund.id, caseId: refund.caseId, problem: error.message });
      }
    }
    const text = rows.length === 0 ? null : [adjustmentFeedColumns.join('\t'), ...rows].map((line) => `${line}\n`).join('');
    if (text !== null) await deliver(text);
    await markRefundsExported(tx, accountId, refundIds, nowIso);
    if (refundIds.length > 0) {
      await recordChange(tx, {
        chain: accountChain(accountId), actor, action: 'adjustments.export', subject: `account:${accountId}`, at: nowIso,
        after: { refundIds, exportedAt: nowIso, skipped: skipped.map((s) => s.refundId) },
      });
    }
    return { text, refundIds, skipped };
  });
}

import { parseAmount } from '../domain/amount-text.js';
import type { DispositionOption } from '../domain/disposition/disposition-types.js';
import { DomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import { findDisposition, insertDisposition, updateRealized } from '../storage/disposition-repository.js';
import { takeCaseOffCostRollup } from './prevention-rollups.js';
import { insertCaseEvents } from '../storage/return-case-repository.js';
import { dispositionForCase, parseRoute } from './case-disposition.js';
import type { Database } from './open-database.js';

export interface DispositionRecordRequest {
  readonly identifier: string;
  readonly route: string;
  readonly decidedBy: string;
  /** What the route brought (or cost, negative), as the seller types it: `12.50`, `12,50 €`; later if not known yet. */
  readonly realized?: string;
  readonly note?: string;
}

export interface RecordedDisposition {
  readonly caseId: number;
  readonly dispositionId: number;
  readonly route: string;
  readonly recommendedRoute: string | null;
  readonly expectedNetMinor: number;
  readonly realizedMinor: number | null;
  readonly currency: string;
  /** False when only the realized value was added to a route recorded before. */
  readonly created: boolean;
}

function requireAllowed(option: DispositionOption | undefined, route: string): DispositionOption {
  if (!option) throw new DomainError('invalid_input', `"${route}" is not a route.`, { route });
  if (!option.allowed) {
    throw new DomainError('conflict', `The route ${route} is not open for this unit (${option.blockedBy.join(', ')}): choose an allowed route.`, { route, blockedBy: option.blockedBy });
  }
  return option;
}

/**
 * Records the route chosen for an inspected unit, with every route as priced then, and what it
 * brought once known: a route recorded without a value can get its value later by recording the same
 * route again with `realized`. A blocked route is `conflict` naming its rules; another route after one
 * was recorded is `conflict`; nothing changes then.
 */
export async function recordDisposition(database: Database, accountId: number, request: DispositionRecordRequest, nowIso: string, source = 'cli'): Promise<RecordedDisposition> {
  const decidedBy = request.decidedBy.trim();
  if (decidedBy === '') throw new DomainError('invalid_input', 'Say who chose the route.', {});
  const route = parseRoute(request.route);
  const found = await dispositionForCase(database, accountId, request.identifier, nowIso);
  if (found.kind !== 'inspected') {
    throw new DomainError('conflict', `Case ${found.caseId} is an FBA unit Amazon holds: order its removal, liquidation or disposal in Seller Central; ReturnDesk records the route of units it inspected.`, { caseId: found.caseId });
  }
  const { caseId, inspectionId, result } = found;
  const option = requireAllowed(result.options.find((o) => o.route === route), route);
  const marketplace = requireMarketplace(found.marketplaceCode);
  const realizedMinor = request.realized === undefined ? null : parseAmount(request.realized, result.currency, marketplace.decimalSeparator);
  return database.transaction(async (tx) => {
    const earlier = await findDisposition(tx.db, accountId, inspectionId);
    const base = { caseId, route, recommendedRoute: result.recommended?.route ?? null, expectedNetMinor: option.netRecoveryMinor, currency: result.currency };
    if (earlier) {
      if (earlier.route !== route || earlier.realizedMinor !== null || realizedMinor === null) {
        throw new DomainError('conflict', `Case ${caseId} already has its route recorded (${earlier.route}${earlier.realizedMinor === null ? '' : `, realized ${earlier.realizedMinor}`}).`, { caseId, route: earlier.route });
      }
      await updateRealized(tx, accountId, earlier.id, realizedMinor);
    } else {
      await takeCaseOffCostRollup(tx, accountId, caseId, 'dispositions');
    }
    const dispositionId = earlier?.id ?? await insertDisposition(tx, {
      accountId, caseId, inspectionId, route, recommendedRoute: base.recommendedRoute ?? route, expectedNetMinor: option.netRecoveryMinor,
      realizedMinor, currency: result.currency, options: result.options, note: request.note ?? null, decidedBy, recordedAt: nowIso,
    });
    await insertCaseEvents(tx, [{
      caseId, kind: 'disposition', source, importRunId: null, line: null, occurredAt: nowIso, recordedAt: nowIso,
      data: { dispositionId, route, recommendedRoute: base.recommendedRoute, expectedNetMinor: option.netRecoveryMinor, realizedMinor, decidedBy, note: request.note ?? null },
    }]);
    return { ...base, dispositionId, realizedMinor, created: earlier === undefined };
  });
}

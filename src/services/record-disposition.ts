import { parseAmount } from '../domain/amount-text.js';
import type { DispositionOption, DispositionRoute } from '../domain/disposition/disposition-types.js';
import { DomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import { findDisposition, insertDisposition, updateRealized } from '../storage/disposition-repository.js';
import { insertCaseEvents, updateCase } from '../storage/return-case-repository.js';
import type { Transaction } from '../storage/database.js';
import { accountChain, recordChange } from './audit.js';
import { dispositionForCase, parseRoute } from './case-disposition.js';
import { findReferencedCase } from './case-reference.js';
import type { CaseReference } from './case-reference.js';
import { requireVersion } from './case-versions.js';
import type { CaseWriteGuard } from './case-versions.js';
import type { Database } from './open-database.js';
import { takeCaseOffCostRollup } from './prevention-rollups.js';

export interface DispositionRecordRequest {
  /** Case id, RMA id, tracking number, order id or license plate; or exactly one case id. */
  readonly identifier: CaseReference;
  readonly route: string;
  readonly decidedBy: string;
  /** What the route brought (or cost, negative), as the seller types it: `12.50`, `12,50 €`; later if not known yet. */
  readonly realized?: string;
  /** The same in minor units of the unit's currency (the HTTP API); used when `realized` is not given. */
  readonly realizedMinor?: number;
  readonly note?: string;
}

export interface RecordedDisposition {
  readonly caseId: number;
  readonly dispositionId: number;
  readonly route: DispositionRoute;
  readonly recommendedRoute: DispositionRoute | null;
  readonly expectedNetMinor: number;
  readonly realizedMinor: number | null;
  readonly currency: string;
  /** False when only the realized value was added to a route recorded before. */
  readonly created: boolean;
  /** The case's version after the change (an HTTP client's next If-Match). */
  readonly version: number;
}

function requireAllowed(option: DispositionOption | undefined, route: string): DispositionOption {
  if (!option) throw new DomainError('invalid_input', `"${route}" is not a route.`, { route });
  if (!option.allowed) {
    throw new DomainError('conflict', `The route ${route} is not open for this unit (${option.blockedBy.join(', ')}): choose an allowed route.`, { route, blockedBy: option.blockedBy });
  }
  return option;
}

/** The route chosen and priced, ready to be written. */
interface Choice {
  readonly caseId: number;
  readonly inspectionId: number;
  readonly route: DispositionRoute;
  readonly recommendedRoute: DispositionRoute | null;
  readonly option: DispositionOption;
  readonly options: readonly DispositionOption[];
  readonly currency: string;
  readonly realizedMinor: number | null;
  readonly decidedBy: string;
  readonly note: string | null;
}

/**
 * Records the route chosen for an inspected unit, with every route as priced then, and what it
 * brought once known: a route recorded without a value can get its value later by recording the same
 * route again with `realized`. Each call moves the case's version on and writes `case.disposition` to
 * the audit log (actor: `guard.actor`, else the name of who chose). A blocked route is `conflict`
 * naming its rules; another route after one was recorded, or a case changed since
 * `guard.expectedVersion`, is `conflict`; nothing changes then.
 */
export async function recordDisposition(
  database: Database, accountId: number, request: DispositionRecordRequest, nowIso: string, source = 'cli', guard: CaseWriteGuard = {},
): Promise<RecordedDisposition> {
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
  const realizedMinor = request.realized === undefined ? request.realizedMinor ?? null : parseAmount(request.realized, result.currency, marketplace.decimalSeparator);
  const choice: Choice = {
    caseId, inspectionId, route, recommendedRoute: result.recommended?.route ?? null, option, options: result.options, currency: result.currency,
    realizedMinor, decidedBy, note: request.note ?? null,
  };
  return database.transaction((tx) => writeDisposition(tx, accountId, choice, { nowIso, source, guard }));
}

async function writeDisposition(tx: Transaction, accountId: number, choice: Choice, at: { nowIso: string; source: string; guard: CaseWriteGuard }): Promise<RecordedDisposition> {
  const { caseId, route, realizedMinor, option, decidedBy, note } = choice;
  const { nowIso, guard } = at;
  const { returnCase } = await findReferencedCase(tx, accountId, { caseId });
  requireVersion(returnCase, guard.expectedVersion);
  const earlier = await findDisposition(tx.db, accountId, choice.inspectionId);
  if (earlier) {
    if (earlier.route !== route || earlier.realizedMinor !== null || realizedMinor === null) {
      throw new DomainError('conflict', `Case ${caseId} already has its route recorded (${earlier.route}${earlier.realizedMinor === null ? '' : `, realized ${earlier.realizedMinor}`}).`, { caseId, route: earlier.route });
    }
    await updateRealized(tx, accountId, earlier.id, realizedMinor);
  } else {
    await takeCaseOffCostRollup(tx, accountId, caseId, 'dispositions');
  }
  const dispositionId = earlier?.id ?? await insertDisposition(tx, {
    accountId, caseId, inspectionId: choice.inspectionId, route, recommendedRoute: choice.recommendedRoute ?? route, expectedNetMinor: option.netRecoveryMinor,
    realizedMinor, currency: choice.currency, options: choice.options, note, decidedBy, recordedAt: nowIso,
  });
  // The case itself does not change state, but its version moves on: a client holding the old one learns it changed.
  const version = returnCase.version + 1;
  await updateCase(tx, { ...returnCase, version, updatedAt: nowIso }, returnCase.version);
  await insertCaseEvents(tx, [{
    caseId, kind: 'disposition', source: at.source, importRunId: null, line: null, occurredAt: nowIso, recordedAt: nowIso,
    data: { dispositionId, route, recommendedRoute: choice.recommendedRoute, expectedNetMinor: option.netRecoveryMinor, realizedMinor, decidedBy, note },
  }]);
  await recordChange(tx, {
    chain: accountChain(accountId), actor: guard.actor ?? decidedBy, action: 'case.disposition', subject: `case:${caseId}`, at: nowIso,
    before: { route: earlier?.route ?? null, realizedMinor: earlier?.realizedMinor ?? null, version: returnCase.version },
    after: { route, realizedMinor, dispositionId, decidedBy, note, version },
  });
  const base = { caseId, route, recommendedRoute: choice.recommendedRoute, expectedNetMinor: option.netRecoveryMinor, currency: choice.currency };
  return { ...base, dispositionId, realizedMinor, created: earlier === undefined, version };
}

import { DomainError } from '../errors.js';
import type { ReturnStatus } from '../lifecycle.js';
import { conditionGrades } from '../policy/policy.js';
import type { ConditionGrade } from '../policy/policy.js';
import type { Channel } from '../return-case.js';

/** What an agent can record about a return: the buyer's answer to a save offer, or the grade found at inspection. */
export const outcomeKinds = ['offer-accepted', 'offer-declined', 'graded'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

export interface Outcome {
  readonly kind: OutcomeKind;
  /** Save-offer ladder step, 0-based (the CLI and API count from 1); offers only. */
  readonly step?: number;
  /** Condition grade; `graded` only. */
  readonly grade?: ConditionGrade;
  readonly note?: string;
}

/** An outcome as typed by an agent: the CLI's `--outcome`, `--step` (1-based), `--grade`, `--note`. */
export interface OutcomeText {
  readonly outcome: string;
  readonly step?: string | number;
  readonly grade?: string;
  readonly note?: string;
}

function parseStep(step: string | number | undefined, ladderLength: number): number {
  const text = String(step ?? '').trim();
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= ladderLength)) {
    throw new DomainError('invalid_input', `A save-offer outcome needs --step between 1 and ${ladderLength} (the policy's ladder), not "${text}".`, { step: text, ladderLength });
  }
  return value - 1;
}

function parseGrade(grade: string | undefined): ConditionGrade {
  const text = (grade ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!(conditionGrades as readonly string[]).includes(text)) {
    throw new DomainError('invalid_input', `A graded outcome needs --grade, one of ${conditionGrades.join(', ')}; got "${grade ?? ''}".`, { grade: grade ?? null, allowed: conditionGrades });
  }
  return text as ConditionGrade;
}

/**
 * Reads an outcome an agent typed. An unknown outcome, a missing or out-of-ladder step, a missing or
 * unknown grade, or a field that does not belong to the outcome is `invalid_input` naming the values allowed.
 */
export function parseOutcome(text: OutcomeText, ladderLength: number): Outcome {
  const kind = text.outcome.trim().toLowerCase().replace(/_/g, '-');
  if (!(outcomeKinds as readonly string[]).includes(kind)) {
    throw new DomainError('invalid_input', `Unknown outcome "${text.outcome}"; use one of ${outcomeKinds.join(', ')}.`, { outcome: text.outcome, allowed: outcomeKinds });
  }
  const note = text.note?.trim() ? { note: text.note.trim() } : {};
  if (kind === 'graded') {
    if (text.step !== undefined) throw new DomainError('invalid_input', 'A graded outcome takes --grade, not --step.', { outcome: kind });
    return { kind, grade: parseGrade(text.grade), ...note };
  }
  if (text.grade !== undefined) throw new DomainError('invalid_input', `An ${kind} outcome takes --step, not --grade.`, { outcome: kind });
  return { kind: kind as OutcomeKind, step: parseStep(text.step, ladderLength), ...note };
}

const offerStatuses: readonly ReturnStatus[] = ['requested'];
const gradedStatuses: readonly ReturnStatus[] = ['received', 'inspected', 'refunded', 'closed', 'fba_received'];

/**
 * Refuses an outcome that cannot have happened to a case in its state: a save offer is answered only
 * while a seller-fulfilled request is open; a unit is graded only once it came back. `conflict`.
 */
export function requireOutcomeFits(outcome: Outcome, returnCase: { id: number; status: ReturnStatus; channel: Channel }): void {
  const offer = outcome.kind !== 'graded';
  const fits = offer ? returnCase.channel === 'MFN' && offerStatuses.includes(returnCase.status) : gradedStatuses.includes(returnCase.status);
  if (fits) return;
  const needs = offer ? 'an open seller-fulfilled request (status requested)' : `a returned unit (status ${gradedStatuses.join(', ')})`;
  throw new DomainError('conflict', `Case ${returnCase.id} is ${returnCase.channel} and ${returnCase.status}; "${outcome.kind}" needs ${needs}.`, { caseId: returnCase.id, status: returnCase.status, outcome: outcome.kind });
}

/** The state an outcome moves the case to: an accepted offer ends the request (the buyer keeps the item). */
export function statusAfterOutcome(outcome: Outcome, status: ReturnStatus): ReturnStatus {
  return outcome.kind === 'offer-accepted' ? 'closed' : status;
}

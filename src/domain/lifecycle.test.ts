import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canTransition, reconcileReportedStatus, returnStatuses, transition } from './lifecycle.js';
import type { ReturnStatus } from './lifecycle.js';
import { DomainError } from './errors.js';

describe('return case lifecycle', () => {
  it.each<[ReturnStatus, ReturnStatus]>([
    ['requested', 'authorized'],
    ['authorized', 'in_transit'],
    ['in_transit', 'received'],
    ['received', 'inspected'],
    ['inspected', 'refunded'],
    ['refunded', 'closed'],
    ['requested', 'returnless_refunded'],
    ['authorized', 'refunded'],
    ['refunded', 'received'],
    ['fba_refunded', 'fba_received'],
    ['fba_received', 'fba_reimbursed'],
  ])('allows %s -> %s', (from, to) => {
    expect(transition(from, to)).toBe(to);
  });

  it.each<[ReturnStatus, ReturnStatus]>([
    ['closed', 'requested'],
    ['refunded', 'requested'],
    ['received', 'authorized'],
    ['returnless_refunded', 'received'],
    ['requested', 'fba_received'],
    ['fba_received', 'authorized'],
  ])('refuses %s -> %s with an illegal_transition error', (from, to) => {
    expect(() => transition(from, to)).toThrow(DomainError);
    try {
      transition(from, to);
    } catch (error) {
      expect((error as DomainError).code).toBe('illegal_transition');
    }
  });

  it('keeps the current state when a report is older than what is known', () => {
    expect(reconcileReportedStatus('inspected', 'received')).toEqual({ status: 'inspected', moved: false });
    expect(reconcileReportedStatus('requested', 'refunded')).toEqual({ status: 'refunded', moved: true });
  });

  it('never leaves a closed case and never reaches a state outside the table', () => {
    const status = fc.constantFrom(...returnStatuses);
    fc.assert(fc.property(status, fc.array(status, { maxLength: 20 }), (start, reports) => {
      let current: ReturnStatus = start;
      for (const reported of reports) {
        const before = current;
        current = reconcileReportedStatus(current, reported).status;
        if (before !== current) expect(canTransition(before, current)).toBe(true);
        if (before === 'closed') expect(current).toBe('closed');
      }
    }));
  });
});

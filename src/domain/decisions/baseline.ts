import type { Decision } from './decision.js';
import { restockingFeeIds } from './options.js';

/**
 * The naive policy a backtest compares against: authorize every return with a label and refund in
 * full, so the engine's authorize option without any restocking fee.
 */
export function naiveBaselineLossMinor(decision: Decision): number {
  const authorize = decision.options.find((option) => option.action === 'authorize_return')!;
  return authorize.components.reduce((sum, c) => (restockingFeeIds.includes(c.id) ? sum : sum + c.amountMinor), 0);
}

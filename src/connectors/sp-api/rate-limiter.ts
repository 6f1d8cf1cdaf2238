import type { UsagePlan } from './operation-limits.js';

/**
 * A token bucket per operation: `burst` requests at once, then one per 1/rate seconds. `wait` says how
 * long to wait before the next request may go (0: now) and takes its token; a 429's advice can slow
 * an operation down further (`pause`).
 */
export class RateLimiter<Operation extends string> {
  private readonly buckets = new Map<Operation, { tokens: number; atMs: number; pausedUntilMs: number }>();

  constructor(private readonly plans: Readonly<Record<Operation, UsagePlan>>, private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before sending one `operation` request; the request's token is taken. */
  wait(operation: Operation): number {
    const plan = this.plans[operation];
    const now = this.now();
    const bucket = this.buckets.get(operation) ?? { tokens: plan.burst, atMs: now, pausedUntilMs: 0 };
    // Tokens refilled since last time, up to the burst; the request then takes one (possibly going below 0: a debt to wait off).
    bucket.tokens = Math.min(plan.burst, bucket.tokens + ((now - bucket.atMs) / 1000) * plan.ratePerSecond) - 1;
    bucket.atMs = now;
    this.buckets.set(operation, bucket);
    const debtMs = bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / plan.ratePerSecond) * 1000);
    return Math.max(debtMs, bucket.pausedUntilMs - now);
  }

  /** Holds `operation` back for `ms` (Amazon throttled it) and empties its bucket. */
  pause(operation: Operation, ms: number): void {
    const now = this.now();
    const bucket = this.buckets.get(operation) ?? { tokens: 0, atMs: now, pausedUntilMs: 0 };
    this.buckets.set(operation, { tokens: Math.min(bucket.tokens, 0), atMs: now, pausedUntilMs: Math.max(bucket.pausedUntilMs, now + ms) });
  }
}

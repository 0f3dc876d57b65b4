/**
 * The one backoff: how long to wait before retrying something that failed (a socket reconnect, an outbox
 * send, a camera ingest restart): doubling from `baseMs` to at most `maxMs`, spread by `jitter`.
 */
export interface BackoffRules {
  baseMs: number;
  maxMs: number;
  /** 0..1: the delay is spread by ± this fraction so many screens do not retry in lock-step. */
  jitter: number;
}

/** Same numbers as the Socket.IO manager's own reconnection, used for retries it does not cover. */
export const RECONNECT_BACKOFF: BackoffRules = { baseMs: 1_000, maxMs: 30_000, jitter: 0.5 };

/** The wait before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, rules: BackoffRules = RECONNECT_BACKOFF, random: () => number = Math.random): number {
  const exp = Math.min(rules.maxMs, rules.baseMs * 2 ** Math.max(0, attempt));
  const spread = exp * rules.jitter * (random() * 2 - 1);
  return Math.round(Math.min(rules.maxMs, Math.max(rules.baseMs / 2, exp + spread)));
}

export interface RetryRules extends BackoffRules {
  /** An attempt that stayed up at least this long counts as recovered: the next failure waits `baseMs` again. */
  stableMs: number;
}

/** Counts the failures of something that reconnects and keeps running (a camera stream), resetting once it held. */
export class RetryBackoff {
  private failures = 0;

  constructor(
    private readonly rules: RetryRules,
    private readonly random: () => number = Math.random,
  ) {}

  /** The wait after an attempt that ended, given how long it had been up (0 if never). */
  next(upForMs: number): number {
    if (upForMs >= this.rules.stableMs) this.failures = 0;
    const delay = backoffDelay(this.failures, this.rules, this.random);
    // Stop counting at the cap, so the count cannot grow without bound over days of failures.
    if (this.rules.baseMs * 2 ** this.failures < this.rules.maxMs) this.failures += 1;
    return delay;
  }
}

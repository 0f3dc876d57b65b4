export interface BackoffRules {
  baseMs: number;
  maxMs: number;
  /** 0..1: the delay is spread by ± this fraction so many walls do not reconnect in lock-step. */
  jitter: number;
}

/** Same numbers as the Socket.IO manager's own reconnection, used for retries it does not cover. */
export const RECONNECT_BACKOFF: BackoffRules = { baseMs: 1_000, maxMs: 30_000, jitter: 0.5 };

export function backoffDelay(attempt: number, rules: BackoffRules = RECONNECT_BACKOFF, random: () => number = Math.random): number {
  const exp = Math.min(rules.maxMs, rules.baseMs * 2 ** Math.max(0, attempt));
  const spread = exp * rules.jitter * (random() * 2 - 1);
  return Math.round(Math.min(rules.maxMs, Math.max(rules.baseMs / 2, exp + spread)));
}

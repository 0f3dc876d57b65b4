import { FixSchema, type Fix } from '../../shared/schemas/position';

export const MAX_FUTURE_MS = 5 * 60_000;
export const MAX_AGE_MS = 7 * 24 * 3_600_000;
export const MAX_ACCURACY_M = 5_000;

export type RejectReason = 'out_of_range' | 'future_timestamp' | 'too_old' | 'null_island' | 'inaccurate';

export type FixCheck = { fix: Fix; reason: null } | { fix: null; reason: RejectReason };

/**
 * Validates a fix candidate against the schema and against what a real tracker can send.
 * A known device's rejected fix is answered 200 and dropped (see ingest), so the reason is for the admin.
 */
export function checkFix(candidate: unknown, nowMs: number): FixCheck {
  const parsed = FixSchema.safeParse(candidate);
  if (!parsed.success) return { fix: null, reason: 'out_of_range' };
  const reason = implausibility(parsed.data, nowMs);
  return reason ? { fix: null, reason } : { fix: parsed.data, reason: null };
}

export function rejectReason(candidate: unknown, nowMs: number): RejectReason | null {
  return checkFix(candidate, nowMs).reason;
}

function implausibility(fix: Fix, nowMs: number): RejectReason | null {
  if (fix.t > nowMs + MAX_FUTURE_MS) return 'future_timestamp';
  if (fix.t < nowMs - MAX_AGE_MS) return 'too_old';
  // A GPS chip without a fix reports 0/0; nobody in Xiangshan is in the Gulf of Guinea.
  if (fix.lat === 0 && fix.lon === 0) return 'null_island';
  if (fix.accuracy !== null && fix.accuracy > MAX_ACCURACY_M) return 'inaccurate';
  return null;
}

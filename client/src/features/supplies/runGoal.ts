import type { SupplyRun } from '@shared/schemas/supply-run';

/** Less than this left before the 12-hour goal and a run still on its way is at risk. */
export const AT_RISK_MS = 2 * 3_600_000;

/**
 * on_track / at_risk / overdue while a run is allocated or in transit; met / missed once it arrived;
 * cancelled runs are out of the count.
 */
export type RunGoalState = 'on_track' | 'at_risk' | 'overdue' | 'met' | 'missed' | 'cancelled';

export interface RunGoal {
  state: RunGoalState;
  /** From the request to arrival (or cancellation, or now). */
  elapsedMs: number;
  /** Time left to the goal at that moment; negative once past it. */
  leftMs: number;
  /** The ETA given at departure is after the goal. */
  etaLate: boolean;
  /** Share of the goal used, for a progress bar (may exceed 1). */
  fraction: number;
}

/** Where a supply run stands against the county goal of relief arriving within 12 hours of the request. */
export function runGoal(run: Pick<SupplyRun, 'status' | 'requestedAt' | 'goalAt' | 'eta' | 'arrivedAt' | 'cancelledAt'>, nowMs: number): RunGoal {
  const requested = Date.parse(run.requestedAt);
  const goal = Date.parse(run.goalAt);
  // A desk clock a little behind the server's must not show more than 12 hours left.
  const end = Math.max(requested, run.arrivedAt ? Date.parse(run.arrivedAt) : run.cancelledAt ? Date.parse(run.cancelledAt) : nowMs);
  const elapsedMs = end - requested;
  const leftMs = goal - end;
  const etaLate = run.eta !== null && Date.parse(run.eta) > goal;
  let state: RunGoalState;
  if (run.status === 'cancelled') state = 'cancelled';
  else if (run.status === 'arrived') state = leftMs >= 0 ? 'met' : 'missed';
  else if (leftMs < 0) state = 'overdue';
  else if (etaLate || leftMs < AT_RISK_MS) state = 'at_risk';
  else state = 'on_track';
  return { state, elapsedMs, leftMs, etaLate, fraction: goal > requested ? elapsedMs / (goal - requested) : 1 };
}

/** Whole hours and minutes of a duration, ignoring its sign: "3 小时 05 分". */
export function hoursMinutes(ms: number): { h: number; m: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The value of a datetime-local input showing `ms` in Beijing time (the board's zone, whatever the PC's). */
export const toBeijingInput = (ms: number): string => new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16);

/** An ISO instant from a datetime-local value read as Beijing time, or null when incomplete. */
export function fromBeijingInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

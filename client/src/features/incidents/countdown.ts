import type { ReportKind } from '@shared/schemas/incident';

export interface Countdown {
  kind: ReportKind;
  dueAt: string;
  overdue: boolean;
  /** Time left (or past due) as m:ss / h:mm:ss. */
  text: string;
}

/** h:mm:ss or m:ss of a duration, ignoring its sign. */
export function clockText(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The soonest owed report of an incident, counted live against `nowMs`. */
export function nextCountdown(deadlines: ReadonlyArray<{ kind: ReportKind; dueAt: string; state?: string }>, nowMs: number): Countdown | null {
  const owed = deadlines.filter((d) => d.state === undefined || d.state === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const next = owed[0];
  if (!next) return null;
  const left = Date.parse(next.dueAt) - nowMs;
  return { kind: next.kind, dueAt: next.dueAt, overdue: left <= 0, text: clockText(left) };
}

import type { Role } from '@shared/enums';
import { LATE_HANDOVER_HOURS, type DutyShift, type Handover } from '@shared/schemas/duty';
import { shiftAt } from './store';

/** Who keeps the roster, and who writes handovers and the duty log: as the server's duty routes allow. */
export const ROSTER_ROLES: readonly Role[] = ['admin', 'commander'];
export const WATCH_DESK_ROLES: readonly Role[] = ['commander', 'duty_officer'];

const HOUR = 3_600_000;
/** China keeps no daylight saving time: Beijing time is always UTC+8. */
const BEIJING_OFFSET_MS = 8 * HOUR;
const DEFAULT_SHIFT_HOURS = 12;

/** An instant as a `datetime-local` value in Beijing time, whatever zone the browser is in. */
export function toBeijingInput(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Beijing time; null while incomplete. */
export function fromBeijingInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The next shift's times: from the end of the roster when that is ahead, else from the next full hour. */
export function nextShiftSpan(shifts: readonly DutyShift[], nowMs: number): { startsAt: string; endsAt: string } {
  const lastEnd = shifts.reduce((max, s) => Math.max(max, Date.parse(s.endsAt)), 0);
  const start = lastEnd > nowMs ? lastEnd : Math.ceil(nowMs / HOUR) * HOUR;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + DEFAULT_SHIFT_HOURS * HOUR).toISOString() };
}

/** The shift the user hands over, as the server decides it: the one they lead on watch now, or led until lately. */
export function outgoingShiftOf(shifts: readonly DutyShift[], userId: string, nowMs: number): DutyShift | null {
  const current = shiftAt(shifts, nowMs);
  if (current?.leader.userId === userId) return current;
  let recent: DutyShift | null = null;
  for (const s of shifts) {
    const end = Date.parse(s.endsAt);
    if (s.leader.userId === userId && end <= nowMs && end > nowMs - LATE_HANDOVER_HOURS * HOUR && (!recent || s.endsAt > recent.endsAt)) recent = s;
  }
  return recent;
}

/** The shift that takes over from `shift`: the first one starting at or after its end. */
export function shiftAfter(shifts: readonly DutyShift[], shift: DutyShift): DutyShift | null {
  let next: DutyShift | null = null;
  for (const s of shifts) if (s.startsAt >= shift.endsAt && (!next || s.startsAt < next.startsAt)) next = s;
  return next;
}

export type HandoverDuty =
  | { kind: 'none' }
  | { kind: 'write'; from: DutyShift; to: DutyShift }
  | { kind: 'no_next_shift'; from: DutyShift }
  | { kind: 'written'; handover: Handover };

/** What the user has to do about handing over their own shift. */
export function handoverDutyOf(shifts: readonly DutyShift[], handovers: readonly Handover[], userId: string, nowMs: number): HandoverDuty {
  const from = outgoingShiftOf(shifts, userId, nowMs);
  if (!from) return { kind: 'none' };
  const written = handovers.find((h) => h.fromShiftId === from.id);
  if (written) return { kind: 'written', handover: written };
  const to = shiftAfter(shifts, from);
  return to ? { kind: 'write', from, to } : { kind: 'no_next_shift', from };
}

/** Only the incoming shift's leader acknowledges a handover, once. */
export function mayAcknowledge(handover: Handover, shiftsById: Readonly<Record<string, DutyShift>>, userId: string): boolean {
  return handover.acknowledgedAt === null && shiftsById[handover.toShiftId]?.leader.userId === userId;
}

import type { Alarm } from '@shared/schemas/alarm';
import { minutesSince } from '../positions/staleness';

export interface AlarmMessage {
  key: `alarm.kind.${Alarm['kind']}`;
  params: Record<string, string | number>;
}

const asTime = (v: unknown): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
};

/**
 * The i18n key and parameters of an alarm's message. For unit_silent the minute count grows live
 * from `lastSeenAt` when the server sent it, otherwise it uses the server's `minutes`; overdue dispatches
 * count from the dispatch's `createdAt`.
 */
export function alarmMessage(alarm: Alarm, now: number, teamName?: string): AlarmMessage {
  const p = alarm.params;
  const name = typeof p.teamName === 'string' ? p.teamName : (teamName ?? alarm.sourceId);
  // Overdue dispatches count from when the dispatch was created.
  const lastSeen = asTime(p.lastSeenAt) ?? (alarm.kind.startsWith('dispatch_') ? asTime(p.createdAt) : null);
  const minutes =
    lastSeen !== null
      ? minutesSince(lastSeen, now)
      : typeof p.minutes === 'number'
        ? p.minutes
        : minutesSince(asTime(alarm.raisedAt) ?? now, now);
  return { key: `alarm.kind.${alarm.kind}`, params: { ...stringParams(p), teamName: name, minutes } };
}

function stringParams(p: Alarm['params']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (v !== null) out[k] = v;
  return out;
}

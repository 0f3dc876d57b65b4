import type { Alarm } from '@shared/schemas/alarm';

/** Alarms that must reach the room at once: an SOS or anything critical, not yet acknowledged. */
export const urgentAlarmIds = (alarms: ReadonlyArray<Pick<Alarm, 'id' | 'kind' | 'severity' | 'state'>>): string[] =>
  alarms.filter((a) => a.state === 'raised' && (a.kind === 'sos' || a.severity === 'critical')).map((a) => a.id);

/** Whether an urgent alarm arrived that was not there when the replay began: the wall then leaves the replay. */
export const breaksThrough = (urgentNow: readonly string[], urgentAtStart: ReadonlySet<string>): boolean => urgentNow.some((id) => !urgentAtStart.has(id));

import { ALARM_SEVERITIES } from '@shared/enums';
import type { Alarm } from '@shared/schemas/alarm';

/** SOS before every other alarm, then by severity: critical, warning, info. */
export const alarmRank = (alarm: Alarm): number => (alarm.kind === 'sos' ? 0 : 1 + ALARM_SEVERITIES.indexOf(alarm.severity));

/** The order of the alarm panels: by rank, unacknowledged before acknowledged, newest first. */
export function compareAlarms(a: Alarm, b: Alarm): number {
  return (
    alarmRank(a) - alarmRank(b) ||
    Number(a.state === 'acknowledged') - Number(b.state === 'acknowledged') ||
    b.raisedAt.localeCompare(a.raisedAt)
  );
}

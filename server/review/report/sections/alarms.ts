import type { Alarm } from '../../../../shared/schemas/alarm';
import { inReport, withinWindow, type ReportSection } from '../section';
import { durationStats, secondsBetween } from '../stats';

/** Alarms raised in the window and how long each took to be acknowledged, overall and per kind. */
export const alarmsSection: ReportSection<'alarms'> = {
  key: 'alarms',
  types: ['alarm.raised', 'alarm.acknowledged', 'alarm.cleared'],
  start(context) {
    const alarms = new Map<string, Alarm>();
    return {
      add(event) {
        const { alarm } = event.payload as { alarm: Alarm };
        if (event.type === 'alarm.raised' ? withinWindow(alarm.raisedAt, context) && inReport(alarm, context) : alarms.has(alarm.id)) alarms.set(alarm.id, alarm);
      },
      finish() {
        const all = [...alarms.values()];
        const ackSeconds = (list: Alarm[]) => list.flatMap((a) => (a.acknowledgedAt ? [Math.max(0, secondsBetween(a.raisedAt, a.acknowledgedAt))] : []));
        const kinds = [...new Set(all.map((a) => a.kind))].sort();
        const byKind = kinds.map((kind) => {
          const list = all.filter((a) => a.kind === kind);
          return { kind, raised: list.length, unacknowledged: list.filter((a) => !a.acknowledgedAt).length, ack: durationStats(ackSeconds(list)) };
        });
        return {
          raised: all.length,
          unacknowledged: all.filter((a) => !a.acknowledgedAt).length,
          ack: durationStats(ackSeconds(all)),
          critical: all.filter((a) => a.severity === 'critical').length,
          byKind,
        };
      },
    };
  },
};

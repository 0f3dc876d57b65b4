import type { Alarm } from '@shared/schemas/alarm';
import type { DomainEvent } from '@shared/schemas/event';

/** Alarms and their events for tests. */

const at = '2025-08-01T00:00:00.000Z';
const actor = { type: 'system', id: 'system', name: 'Tidewatch' } as const;

export const alarm = (id: string, over: Partial<Alarm> = {}): Alarm => ({
  id,
  kind: 'unit_silent',
  severity: 'warning',
  sound: 'once',
  sourceType: 'team',
  sourceId: 't1',
  params: { teamName: '队伍t1', lastSeenAt: at },
  state: 'raised',
  raisedAt: at,
  acknowledgedBy: null,
  acknowledgedAt: null,
  clearedAt: null,
  exercise: false,
  ...over,
});

export const alarmEvent = (seq: number, type: 'alarm.raised' | 'alarm.acknowledged' | 'alarm.cleared', a: Alarm): DomainEvent =>
  ({ seq, at, actor, type, payload: { alarm: a } }) as DomainEvent;

import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DutyLogEntry, Handover } from '@shared/schemas/duty';
import { shift } from './testFixtures';
import { createEventRouter } from '../../shell/realtime/eventRouter';
import { SyncSession } from '../../shell/realtime/syncSession';
import { ev, snapshot } from '../../shell/realtime/testFixtures';
import { useDutyStore } from './store';

const at = (min: number) => new Date(Date.parse('2025-08-01T00:00:00.000Z') + min * 60_000).toISOString();
const logEntry = (id: string, min: number): DutyLogEntry => ({ id, at: at(min), kind: 'call_in', summary: `来电${id}`, counterpart: '', phone: '', incidentId: null, shiftId: null, actorName: '值班员' });
const handover = (acknowledgedAt: string | null): Handover => ({
  id: 'h1',
  fromShiftId: 'sh1',
  toShiftId: 'sh2',
  note: '交班',
  openIncidents: [],
  writtenBy: '李带班',
  writtenAt: at(0),
  acknowledgedBy: acknowledgedAt ? '赵带班' : null,
  acknowledgedAt,
});

describe('duty store: events from other desks', () => {
  beforeEach(() => setActivePinia(createPinia()));

  function start() {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(10, { dutyShifts: [shift('sh1', at(-60), at(60)), shift('sh2', at(60), at(180), '赵带班')], handovers: [] }), positions: [] });
    return sync;
  }

  it('adds duty log entries as they are written, newest first', () => {
    const sync = start();
    sync.receiveEvent(ev(11, 'duty.log_added', { entry: logEntry('a', 5) }));
    sync.receiveEvent(ev(12, 'duty.log_added', { entry: logEntry('b', 1) }));
    sync.receiveEvent(ev(13, 'duty.log_added', { entry: logEntry('c', 9) }));
    expect(useDutyStore().log.map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });

  it('shows a handover as written, then acknowledged, and never back to pending', () => {
    const sync = start();
    const duty = useDutyStore();
    sync.receiveEvent(ev(11, 'duty.handover_written', { handover: handover(null) }));
    expect(duty.handovers.map((h) => h.acknowledgedBy)).toEqual([null]);
    sync.receiveEvent(ev(12, 'duty.handover_acknowledged', { handover: handover(at(3)) }));
    sync.receiveEvent(ev(13, 'duty.handover_written', { handover: handover(null) }));
    expect(duty.handovers.map((h) => h.acknowledgedBy)).toEqual(['赵带班']);
  });

  it('tells who is on watch from the roster, and follows roster changes', () => {
    const sync = start();
    const duty = useDutyStore();
    expect(duty.onWatch(Date.parse(at(0)))?.leader.name).toBe('李带班');
    expect(duty.onWatch(Date.parse(at(90)))?.leader.name).toBe('赵带班');
    sync.receiveEvent(ev(11, 'duty.shift_updated', { shift: shift('sh1', at(-60), at(60), '钱带班') }));
    expect(duty.onWatch(Date.parse(at(0)))?.leader.name).toBe('钱带班');
    sync.receiveEvent(ev(12, 'duty.shift_deleted', { shiftId: 'sh1' }));
    expect(duty.onWatch(Date.parse(at(0)))).toBeNull();
  });
});

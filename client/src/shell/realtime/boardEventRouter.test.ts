import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { summarizeSituation } from '@shared/overview';
import { useDutyStore } from '../../features/duty/store';
import { useIncidentsStore } from '../../features/incidents/store';
import { useSheltersStore } from '../../features/shelters/store';
import { useSuppliesStore } from '../../features/supplies/store';
import { depot, entry, ev, incident, item, level, run, shelter, shift } from './boardFixtures';
import { createEventRouter } from './eventRouter';
import { SyncSession } from './syncSession';
import { snapshot } from './testFixtures';

const later = (min: number) => new Date(Date.parse('2025-08-01T00:00:00.000Z') + min * 60_000).toISOString();

describe('incident board events into stores', () => {
  beforeEach(() => setActivePinia(createPinia()));

  function start() {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    sync.completeHello({
      mode: 'snapshot',
      snapshot: snapshot(10, {
        incidents: [incident('i1')],
        shelters: [shelter('s1', { occupancy: 20 })],
        townshipEvacuations: [{ township: '丹东街道', withRelatives: 30, reportedAt: later(0), reportedBy: '乡镇' }],
        depots: [depot('d1')],
        supplyItems: [item('tent'), item('rope', false)],
        stockLevels: [level('d1', 'tent', { onHand: 8, available: 8, minLevel: 5 })],
        supplyRuns: [run('r1')],
        dutyShifts: [shift('sh1', later(-60), later(60)), shift('sh2', later(60), later(180), '赵带班')],
        handovers: [],
      }),
      positions: [],
    });
    return sync;
  }

  it('fills every store from the snapshot', () => {
    start();
    expect(useIncidentsStore().open.map((i) => i.id)).toEqual(['i1']);
    expect(useSheltersStore().list.map((s) => s.occupancy)).toEqual([20]);
    expect(useSuppliesStore().levels).toHaveLength(1);
    expect(useSuppliesStore().activeRuns.map((r) => r.id)).toEqual(['r1']);
    expect(useDutyStore().onWatch(Date.parse(later(0)))?.leader.name).toBe('李带班');
    expect(useDutyStore().onWatch(Date.parse(later(90)))?.leader.name).toBe('赵带班');
  });

  it('keeps incidents live: new, raised, closed, and timelines once loaded', () => {
    const sync = start();
    const incidents = useIncidentsStore();
    incidents.trackTimeline('i1');
    sync.receiveEvent(ev(11, 'incident.reported', { incident: incident('i2', { severity: 'serious', reportedAt: later(1), updatedAt: later(1) }), entry: entry('e1', 'i2', { kind: 'reported' }) }));
    sync.receiveEvent(ev(12, 'incident.note_added', { incidentId: 'i1', entry: entry('e2', 'i1', { text: '已派队', at: later(2) }) }));
    sync.receiveEvent(ev(13, 'incident.status_changed', { incident: incident('i1', { status: 'closed', updatedAt: later(3) }), from: 'reported', entry: entry('e3', 'i1', { kind: 'status', at: later(3) }) }));
    // A stale copy (older updatedAt) never overwrites a newer one.
    sync.receiveEvent(ev(14, 'incident.updated', { incident: incident('i1', { status: 'reported', updatedAt: later(0) }), entry: entry('e4', 'i1') }));
    expect(incidents.open.map((i) => i.id)).toEqual(['i2']);
    expect(incidents.get('i1')?.status).toBe('closed');
    expect(incidents.timelineOf('i1')?.map((e) => e.id)).toEqual(['e4', 'e2', 'e3']);
    expect(incidents.timelineOf('i2')).toBeUndefined();
  });

  it('tracks shelter occupancy and township reports, and the summary adds them up', () => {
    const sync = start();
    const shelters = useSheltersStore();
    const movement = { id: 'm1', shelterId: 's1', kind: 'check_in', people: 75, at: later(1), note: '', actorName: '值班员' };
    sync.receiveEvent(ev(11, 'shelter.occupancy_changed', { shelter: shelter('s1', { occupancy: 95, updatedAt: later(1) }), movement }));
    sync.receiveEvent(ev(12, 'evacuation.township_reported', { report: { township: '丹东街道', withRelatives: 40, reportedAt: later(2), reportedBy: '乡镇' } }));
    sync.receiveEvent(ev(13, 'shelter.created', { shelter: shelter('s2', { status: 'closed' }) }));
    const supplies = useSuppliesStore();
    const summary = summarizeSituation({ incidents: [], shelters: shelters.list, townshipEvacuations: shelters.townshipEvacuations, depots: supplies.depots, supplyItems: supplies.items, stockLevels: supplies.levels, supplyRuns: supplies.activeRuns }, Date.parse(later(3)));
    expect(summary.evacuation.county).toMatchObject({ sheltered: 95, withRelatives: 40, evacuated: 135 });
    expect(summary.shelters).toMatchObject({ total: 2, open: 1 });
  });

  it('applies stock levels from ledger events and drops finished runs', () => {
    const sync = start();
    const supplies = useSuppliesStore();
    sync.receiveEvent(ev(11, 'stock.changed', { entries: [], levels: [level('d1', 'tent', { onHand: 3, available: 3, updatedAt: later(1) })] }));
    sync.receiveEvent(ev(12, 'supply_run.arrived', { run: run('r1', { status: 'arrived', updatedAt: later(2) }), levels: [], shelter: shelter('s1', { supplies: [{ itemId: 'tent', quantity: 2 }], updatedAt: later(2) }) }));
    sync.receiveEvent(ev(13, 'supply_item.created', { item: item('boat') }));
    expect(supplies.levelsByKey['d1|tent']?.available).toBe(3);
    expect(supplies.activeRuns).toEqual([]);
    expect(supplies.items.map((i) => i.id)).toContain('boat');
    expect(useSheltersStore().get('s1')?.supplies).toEqual([{ itemId: 'tent', quantity: 2 }]);
  });

  it('follows roster changes', () => {
    const sync = start();
    const duty = useDutyStore();
    const s = shift('sh1', later(-60), later(60), '钱带班');
    sync.receiveEvent(ev(11, 'duty.shift_updated', { shift: s }));
    expect(duty.onWatch(Date.parse(later(0)))?.leader.name).toBe('钱带班');
    sync.receiveEvent(ev(12, 'duty.shift_deleted', { shiftId: 'sh1' }));
    expect(duty.onWatch(Date.parse(later(0)))).toBeNull();
  });
});

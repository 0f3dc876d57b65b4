import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEventRouter } from '../../shell/realtime/eventRouter';
import { SyncSession } from '../../shell/realtime/syncSession';
import { ev, snapshot } from '../../shell/realtime/testFixtures';
import { useIncidentsStore } from './store';
import { entry, incident } from './testFixtures';

const later = (min: number) => new Date(Date.parse('2025-08-01T00:00:00.000Z') + min * 60_000).toISOString();

describe('incidents store: events from other desks', () => {
  beforeEach(() => setActivePinia(createPinia()));

  function start() {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(10, { incidents: [incident('i1')] }), positions: [] });
    return sync;
  }

  it('lists the open incidents of the snapshot', () => {
    start();
    expect(useIncidentsStore().open.map((i) => i.id)).toEqual(['i1']);
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

  it('raises a notice for each new field report (灾情上报), not for the desk\'s own intake, until it is dismissed', () => {
    const sync = start();
    const incidents = useIncidentsStore();
    sync.receiveEvent(ev(11, 'incident.reported', { incident: incident('phoned', { source: 'phone' }), entry: entry('e1', 'phoned', { kind: 'reported' }) }));
    sync.receiveEvent(ev(12, 'incident.reported', { incident: incident('f1', { source: 'field_report', teamId: 't1' }), entry: entry('e2', 'f1', { kind: 'reported' }) }));
    sync.receiveEvent(ev(13, 'incident.reported', { incident: incident('f2', { source: 'field_report', teamId: 't2' }), entry: entry('e3', 'f2', { kind: 'reported' }) }));
    // A later change to the same report does not raise it again.
    sync.receiveEvent(ev(14, 'incident.updated', { incident: incident('f1', { source: 'field_report', updatedAt: later(5) }), entry: entry('e4', 'f1') }));
    expect(incidents.fieldReportNotices).toEqual(['f2', 'f1']);
    incidents.dismissNotice('f2');
    expect(incidents.fieldReportNotices).toEqual(['f1']);
  });
});

import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShelterMovement } from '@shared/schemas/shelter';
import { sheltersApi } from './api';
import { shelter } from './testFixtures';
import { createEventRouter } from '../../shell/realtime/eventRouter';
import { SyncSession } from '../../shell/realtime/syncSession';
import { ev, snapshot } from '../../shell/realtime/testFixtures';
import { summarizeSituation } from '@shared/overview';
import { useSheltersStore } from './store';

vi.mock('./api', () => ({ sheltersApi: { movements: vi.fn() } }));
const movementsApi = vi.mocked(sheltersApi.movements);

const movement = (id: string, shelterId: string, minute: number, over: Partial<ShelterMovement> = {}): ShelterMovement => ({
  id,
  shelterId,
  kind: 'check_in',
  people: 10,
  at: `2025-08-01T02:${String(minute).padStart(2, '0')}:00.000Z`,
  note: '',
  actorName: '林值班',
  exercise: false,
  ...over,
});
const checkedIn = (seq: number, m: ShelterMovement, occupancy: number) =>
  ev(seq, 'shelter.occupancy_changed', { shelter: shelter(m.shelterId, { occupancy, updatedAt: m.at }), movement: m });

describe('shelters store: movement history', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    movementsApi.mockReset();
  });

  function start() {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(10, { shelters: [shelter('s1'), shelter('s2')] }), positions: [] });
    return sync;
  }

  it('loads a shelter\'s history on first view and adds later check-ins there live, newest first', async () => {
    const sync = start();
    const shelters = useSheltersStore();
    movementsApi.mockResolvedValue([movement('m2', 's1', 20), movement('m1', 's1', 10)]);
    await shelters.trackMovements('s1');
    expect(movementsApi).toHaveBeenCalledWith('s1');
    // Opened again: the store holds it (kept live), so no second fetch.
    await shelters.trackMovements('s1');
    expect(movementsApi).toHaveBeenCalledTimes(1);

    sync.receiveEvent(checkedIn(11, movement('m3', 's1', 30, { people: 4, note: '鹤浦渔村转移' }), 24));
    // Another shelter's movement, whose history nobody has opened, is not kept.
    sync.receiveEvent(checkedIn(12, movement('x1', 's2', 31), 10));

    expect(shelters.historyOf('s1')?.movements.map((m) => [m.id, m.people])).toEqual([['m3', 4], ['m2', 10], ['m1', 10]]);
    expect(shelters.get('s1')?.occupancy).toBe(24);
    expect(shelters.historyOf('s2')).toBeUndefined();
  });

  it('keeps a movement that arrives while the history is loading, once', async () => {
    const sync = start();
    const shelters = useSheltersStore();
    let answer: (list: ShelterMovement[]) => void = () => {};
    movementsApi.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const loading = shelters.trackMovements('s1');
    expect(shelters.historyOf('s1')?.loading).toBe(true);
    sync.receiveEvent(checkedIn(11, movement('m2', 's1', 20), 20));
    answer([movement('m2', 's1', 20), movement('m1', 's1', 10)]);
    await loading;
    expect(shelters.historyOf('s1')).toMatchObject({ loading: false, error: null });
    expect(shelters.historyOf('s1')?.movements.map((m) => m.id)).toEqual(['m2', 'm1']);
  });

  it('fetches the history on screen again after a new snapshot (movements missed while away), and says when loading failed', async () => {
    const sync = start();
    const shelters = useSheltersStore();
    movementsApi.mockRejectedValueOnce(new Error('offline'));
    await shelters.trackMovements('s1');
    expect(shelters.historyOf('s1')?.error).toBeInstanceOf(Error);

    movementsApi.mockResolvedValue([movement('m9', 's1', 50)]);
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(20, { shelters: [shelter('s1', { occupancy: 10 })] }), positions: [] });
    await vi.waitFor(() => expect(shelters.historyOf('s1')?.movements.map((m) => m.id)).toEqual(['m9']));
    expect(shelters.historyOf('s1')?.error).toBeNull();
  });
});

describe('shelters store: occupancy and township reports', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('tracks occupancy and township reports, and the wall summary adds them up', () => {
    const later = (min: number) => new Date(Date.parse('2025-08-01T00:00:00.000Z') + min * 60_000).toISOString();
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    const townshipEvacuations = [{ township: '丹东街道', withRelatives: 30, reportedAt: later(0), reportedBy: '乡镇', exercise: false }];
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(10, { shelters: [shelter('s1', { occupancy: 20 })], townshipEvacuations }), positions: [] });
    const shelters = useSheltersStore();
    expect(shelters.list.map((s) => s.occupancy)).toEqual([20]);
    const movement = { id: 'm1', shelterId: 's1', kind: 'check_in', people: 75, at: later(1), note: '', actorName: '值班员' };
    sync.receiveEvent(ev(11, 'shelter.occupancy_changed', { shelter: shelter('s1', { occupancy: 95, updatedAt: later(1) }), movement }));
    sync.receiveEvent(ev(12, 'evacuation.township_reported', { report: { township: '丹东街道', withRelatives: 40, reportedAt: later(2), reportedBy: '乡镇' } }));
    sync.receiveEvent(ev(13, 'shelter.created', { shelter: shelter('s2', { status: 'closed' }) }));
    const summary = summarizeSituation({ incidents: [], shelters: shelters.list, townshipEvacuations: shelters.townshipEvacuations, depots: [], supplyItems: [], stockLevels: [], supplyRuns: [] }, Date.parse(later(3)));
    expect(summary.evacuation.county).toMatchObject({ sheltered: 95, withRelatives: 40, evacuated: 135 });
    expect(summary.shelters).toMatchObject({ total: 2, open: 1 });
  });
});

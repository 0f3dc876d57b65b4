import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventRouter } from '../../shell/realtime/eventRouter';
import { SyncSession } from '../../shell/realtime/syncSession';
import { ev, snapshot } from '../../shell/realtime/testFixtures';
import { gaugesApi } from './api';
import { useGaugesStore } from './store';
import { makeReservoir, makeState, makeStation } from './testFixtures';

vi.mock('./api', () => ({ gaugesApi: { list: vi.fn(), states: vi.fn() } }));
const listApi = vi.mocked(gaugesApi.list);
const statesApi = vi.mocked(gaugesApi.states);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('gauges store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    listApi.mockReset();
    statesApi.mockReset();
  });

  function synced() {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(10), positions: [] });
    return sync;
  }

  it('loads stations and states, then follows station events and pushed states', async () => {
    const sync = synced();
    const store = useGaugesStore();
    listApi.mockResolvedValue([makeStation()]);
    statesApi.mockResolvedValue([makeState('st-rain')]);
    await store.load();
    expect(store.list.map((s) => s.id)).toEqual(['st-rain']);

    sync.receiveEvent(ev(11, 'station.created', { station: makeReservoir() }));
    sync.receiveEvent(ev(12, 'station.updated', { station: makeStation({ maintenance: true, updatedAt: '2026-08-09T01:00:00.000Z' }) }));
    store.applyStates([makeState('st-res', { condition: 'danger', levelStage: 'guaranteed' })]);
    expect(store.get('st-rain')?.maintenance).toBe(true);
    expect(store.stateOf('st-res')?.condition).toBe('danger');

    sync.receiveEvent(ev(13, 'station.deleted', { stationId: 'st-res' }));
    expect(store.get('st-res')).toBeUndefined();
    expect(store.stateOf('st-res')).toBeUndefined();
  });

  it('keeps what arrived while its load was in flight over the older answer', async () => {
    const sync = synced();
    const store = useGaugesStore();
    const list = deferred<ReturnType<typeof makeStation>[]>();
    listApi.mockReturnValue(list.promise);
    statesApi.mockResolvedValue([makeState('st-rain', { condition: 'normal', rain: { '1h': 1, '3h': 1, '6h': 1, '12h': 1, '24h': 1 } })]);
    const loading = store.load();
    sync.receiveEvent(ev(11, 'station.updated', { station: makeStation({ name: '改名', updatedAt: '2026-08-09T02:00:00.000Z' }) }));
    store.applyStates([makeState('st-rain', { condition: 'warning', rainSignal: 'blue' })]);
    list.resolve([makeStation()]);
    await loading;
    expect(store.get('st-rain')?.name).toBe('改名');
    expect(store.stateOf('st-rain')?.condition).toBe('warning');
    expect(store.loaded).toBe(true);
  });

  it('forgets everything on logout', async () => {
    const store = useGaugesStore();
    listApi.mockResolvedValue([makeStation()]);
    statesApi.mockResolvedValue([makeState('st-rain')]);
    await store.load();
    store.clear();
    expect(store.list).toEqual([]);
    expect(store.stateOf('st-rain')).toBeUndefined();
  });
});

import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventRouter } from '../../shell/realtime/eventRouter';
import { SyncSession } from '../../shell/realtime/syncSession';
import { ev, snapshot } from '../../shell/realtime/testFixtures';
import { typhoonApi } from './api';
import { useTyphoonStore } from './store';
import { makeExposure, makeStorm, townshipRow } from './testFixtures';

vi.mock('./api', () => ({ typhoonApi: { exposure: vi.fn() } }));
const exposureApi = vi.mocked(typhoonApi.exposure);

describe('typhoon store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    exposureApi.mockReset();
  });

  function start() {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(10, { typhoons: [makeStorm({ id: 'ty-1909', number: '1909', historical: true, updatedAt: '2019-08-13T00:00:00.000Z' })] }), positions: [] });
    return sync;
  }

  it('takes storms from the snapshot and events; the wall follows a live storm before the historical one', () => {
    const sync = start();
    const store = useTyphoonStore();
    expect(store.focus?.id).toBe('ty-1909');
    sync.receiveEvent(ev(11, 'typhoon.imported', { storm: makeStorm() }));
    expect(store.list.map((s) => s.id)).toEqual(['ty-2609', 'ty-1909']);
    expect(store.focus?.id).toBe('ty-2609');
  });

  it('ignores a late older version of a storm and drops an archived one from the board', () => {
    const sync = start();
    const store = useTyphoonStore();
    sync.receiveEvent(ev(11, 'typhoon.updated', { storm: makeStorm() }));
    sync.receiveEvent(ev(12, 'typhoon.updated', { storm: makeStorm({ updatedAt: '2026-08-09T06:00:00.000Z', nameEn: 'OLDER' }) }));
    expect(store.get('ty-2609')?.nameEn).toBe('TESTER');
    sync.receiveEvent(ev(13, 'typhoon.archived', { storm: makeStorm({ archived: true }) }));
    expect(store.list.map((s) => s.id)).toEqual(['ty-1909']);
    expect(store.archived.map((s) => s.id)).toEqual(['ty-2609']);
  });

  it('fetches an exposure once per storm version and again when the storm is updated', async () => {
    const sync = start();
    const store = useTyphoonStore();
    sync.receiveEvent(ev(11, 'typhoon.imported', { storm: makeStorm() }));
    exposureApi.mockResolvedValue(makeExposure([townshipRow('石浦镇')]));
    await store.trackExposure('ty-2609');
    await store.trackExposure('ty-2609');
    expect(exposureApi).toHaveBeenCalledTimes(1);
    sync.receiveEvent(ev(12, 'typhoon.updated', { storm: makeStorm({ updatedAt: '2026-08-09T18:00:00.000Z' }) }));
    await vi.waitFor(() => expect(store.exposureOf('ty-2609')?.version).toBe('2026-08-09T18:00:00.000Z'));
    expect(exposureApi).toHaveBeenCalledTimes(2);
  });
});

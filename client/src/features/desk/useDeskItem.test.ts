import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { computed, nextTick, ref, type Ref } from 'vue';
import { ApiError } from '../../shell/api/apiError';
import { incidentsApi } from '../incidents/api';
import { capApi } from '../warnings/api';
import { makeCapAlert } from '../warnings/testFixtures';
import { incident } from '../incidents/testFixtures';
import { team } from '../teams/testFixtures';
import { useConnectionStore } from '../../shell/connectionStore';
import { useTeamsStore } from '../teams/store';
import { DESK_HOME, type DeskItem } from './deskState';
import { useDeskItem } from './useDeskItem';

vi.mock('../incidents/api', () => ({ incidentsApi: { detail: vi.fn() } }));
const detailApi = vi.mocked(incidentsApi.detail);
vi.mock('../warnings/api', () => ({ warningsApi: { get: vi.fn() }, capApi: { get: vi.fn() } }));
const capGetApi = vi.mocked(capApi.get);

/** The desk's state around an item, as the view hands it in. */
const around = (item: Ref<DeskItem | null>) => computed(() => ({ ...DESK_HOME, item: item.value }));
const on = (item: DeskItem) => around(ref(item));

/** Lets the fetch's promise chain settle. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await nextTick();
};

describe('what a desk link names', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    detailApi.mockReset();
    capGetApi.mockReset();
  });

  it('waits for the first sync before calling a team missing, and notices when the team is deleted', async () => {
    const item = ref<DeskItem | null>({ kind: 'team', id: 't1' });
    const { status } = useDeskItem(around(item));
    expect(status.value).toBe('loading');
    useTeamsStore().reset([team('t1')]);
    useConnectionStore().noteSynced(1);
    expect(status.value).toBe('found');
    useTeamsStore().reset([]);
    expect(status.value).toBe('missing');
    item.value = null;
    expect(status.value).toBe('none');
  });

  it('fetches an incident that is not in the stores (closed earlier), and calls it missing when the server does not know it', async () => {
    useConnectionStore().noteSynced(1);
    detailApi.mockImplementation(async (id) => {
      if (id !== 'old') throw new ApiError('NOT_FOUND', 'Not found.', 404);
      return { incident: incident('old', { status: 'closed' }), timeline: [], attachments: [] };
    });
    const item = ref<DeskItem | null>({ kind: 'incident', id: 'old' });
    const { status } = useDeskItem(around(item));
    expect(status.value).toBe('loading');
    await settle();
    expect(status.value).toBe('found');

    item.value = { kind: 'incident', id: 'INC-NOPE' };
    await settle();
    expect(status.value).toBe('missing');
    expect(detailApi).toHaveBeenCalledTimes(2);
  });

  it('fetches a received alert that is not in the stores (ended long ago, opened from a link), and calls it missing when the server does not know it', async () => {
    useConnectionStore().noteSynced(1);
    capGetApi.mockImplementation(async (id) => {
      if (id !== 'cap-old') throw new ApiError('NOT_FOUND', 'Not found.', 404);
      return makeCapAlert({ id: 'cap-old', state: 'cancelled' });
    });
    const item = ref<DeskItem | null>({ kind: 'alert', id: 'cap-old' });
    const { status } = useDeskItem(around(item));
    expect(status.value).toBe('loading');
    await settle();
    expect(status.value).toBe('found');

    item.value = { kind: 'alert', id: 'cap-nope' };
    await settle();
    expect(status.value).toBe('missing');
    expect(capGetApi).toHaveBeenCalledTimes(2);
  });

  it('keeps waiting, and asks again after the next sync, when the fetch fails for want of a connection', async () => {
    const connection = useConnectionStore();
    connection.noteSynced(1);
    detailApi.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', 'offline'));
    detailApi.mockResolvedValueOnce({ incident: incident('i9'), timeline: [], attachments: [] });
    const { status } = useDeskItem(on({ kind: 'incident', id: 'i9' }));
    await settle();
    expect(status.value).toBe('loading');
    // A later sync: the clock must move for the store to see a new sync time.
    vi.useFakeTimers({ now: Date.now() + 1000 });
    connection.noteSynced(2);
    vi.useRealTimers();
    await settle();
    expect(status.value).toBe('found');
  });

  it('knows townships by name, without waiting for the first sync', () => {
    expect(useDeskItem(on({ kind: 'township', id: '石浦镇' })).status.value).toBe('found');
    expect(useDeskItem(on({ kind: 'township', id: '火星镇' })).status.value).toBe('missing');
  });

  it('calls a depot in the 物资 filter missing once the first sync has arrived without it', () => {
    const desk = computed(() => ({ ...DESK_HOME, tab: 'supplies' as const, supplies: { view: 'stock' as const, depot: 'gone' } }));
    const { depotStatus } = useDeskItem(desk);
    expect(depotStatus.value).toBe('loading');
    useConnectionStore().noteSynced(1);
    expect(depotStatus.value).toBe('missing');
  });
});

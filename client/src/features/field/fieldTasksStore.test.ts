import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import type { User } from '@shared/schemas/user';
import { assignment, dispatch } from '../dispatches/testFixtures';
import { useDispatchesStore } from '../dispatches/store';
import { useFieldTasksStore } from './fieldTasksStore';
import { useOutboxStore } from './outbox/store';
import { useSessionStore } from '../auth/sessionStore';

const user: User = { id: 'u-tab', username: 'tab', displayName: '平板', role: 'field', teamId: 't1', disabled: false, createdAt: '2025-08-01T00:00:00.000Z' };

// No socket here: every send answers OFFLINE, so items stay queued, as on a tablet without signal.
describe('field tasks store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useSessionStore().user = user;
  });
  afterEach(() => useOutboxStore().close());

  async function start(dispatches = [dispatch('d1', [assignment('t1', 'created')])]) {
    useDispatchesStore().reset(dispatches);
    const tasks = useFieldTasksStore();
    await tasks.start();
    await nextTick();
    return { tasks, outbox: useOutboxStore() };
  }

  it('confirms receipt of an undelivered dispatch once, and rings until it is opened', async () => {
    const { tasks, outbox } = await start();
    await nextTick();
    expect(outbox.pending.map((i) => [i.kind, (i.payload as { dispatchId: string }).dispatchId])).toEqual([['dispatch:received', 'd1']]);
    expect(tasks.alerts.map((t) => t.dispatch.id)).toEqual(['d1']);
    tasks.markOpened('d1');
    expect(tasks.alerts).toEqual([]);
    // Another snapshot with the same dispatch does not queue a second receipt.
    useDispatchesStore().reset([dispatch('d1', [assignment('t1', 'created')])]);
    await nextTick();
    expect(outbox.pending.filter((i) => i.kind === 'dispatch:received')).toHaveLength(1);
  });

  it('shows queued steps as the task state and moves to the next task once the current one is done locally', async () => {
    const { tasks, outbox } = await start([
      dispatch('d1', [assignment('t1', 'on_scene')], { createdAt: '2025-08-01T00:00:00.000Z' }),
      dispatch('d2', [assignment('t1', 'accepted', { queued: true })], { createdAt: '2025-08-01T00:01:00.000Z' }),
    ]);
    expect(tasks.current?.dispatch.id).toBe('d1');
    expect(tasks.queued.map((t) => t.dispatch.id)).toEqual(['d2']);
    await tasks.step('d1', 'completed');
    expect(outbox.unsentActions.map((i) => (i.payload as { to: string }).to)).toEqual(['completed']);
    expect(tasks.current?.dispatch.id).toBe('d2');
    await tasks.step('d2', 'en_route');
    expect(tasks.current).toMatchObject({ state: 'en_route', unsent: 1 });
    expect(tasks.finished.map((t) => [t.dispatch.id, t.state, t.unsent])).toEqual([['d1', 'completed', 1]]);
  });

  it('queues an SOS ahead of everything else', async () => {
    const { tasks, outbox } = await start([dispatch('d1', [assignment('t1', 'delivered')])]);
    await tasks.step('d1', 'accepted');
    await tasks.sos({ lat: 29.4, lon: 121.9, t: Date.now() }, '');
    expect(outbox.pending.map((i) => i.kind)).toEqual(['field:sos', 'dispatch:step']);
    expect(tasks.lastSos?.sentAt).toBeNull();
  });
});

import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEventRouter } from '../../shell/realtime/eventRouter';
import { assigned, assignment, dispatch, stepped } from './testFixtures';
import { SyncSession } from '../../shell/realtime/syncSession';
import { snapshot } from '../../shell/realtime/testFixtures';
import { useDispatchesStore } from './store';

describe('dispatches store: event handling', () => {
  beforeEach(() => setActivePinia(createPinia()));

  function start(dispatches = [dispatch('d1', [assignment('t1', 'accepted')])]) {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(10, { dispatches }), positions: [] });
    return sync;
  }

  it('a snapshot sets dispatches, queues and the feed', () => {
    start();
    const store = useDispatchesStore();
    expect(store.list.map((d) => d.id)).toEqual(['d1']);
    expect(store.queueOf('t1')).toEqual(['d1']);
    expect(store.feed.map((e) => e.state)).toEqual(['accepted']);
    expect(store.targets.map((t) => t.teamId)).toEqual(['t1']);
  });

  it('assigned adds a team to a dispatch and queues it; stepped moves it, updates flags and the feed', () => {
    const sync = start();
    const store = useDispatchesStore();
    const heard: string[] = [];
    store.onStep((e) => heard.push(`${e.dispatchId}/${e.teamId}/${e.state}`));
    const d2 = dispatch('d2', [assignment('t1', 'created', { queued: true }), assignment('t2')]);
    sync.receiveEvent(assigned(11, d2, 't1', ['d1', 'd2']));
    sync.receiveEvent(assigned(12, d2, 't2', ['d2']));
    expect(store.get('d2')?.assignments.map((a) => [a.teamId, a.queued])).toEqual([
      ['t1', true],
      ['t2', false],
    ]);
    sync.receiveEvent(stepped(13, 'd1', 't1', 'accepted', 'en_route', ['d1', 'd2']));
    sync.receiveEvent(stepped(14, 'd1', 't1', 'en_route', 'on_scene', ['d1', 'd2']));
    sync.receiveEvent(stepped(15, 'd1', 't1', 'on_scene', 'completed', ['d2']));
    sync.receiveEvent(stepped(14, 'd1', 't1', 'en_route', 'on_scene', ['d1', 'd2'])); // replayed: dropped by seq
    expect(store.get('d1')?.assignments[0]?.state).toBe('completed');
    // d2 became t1's current dispatch although no event named it.
    expect(store.get('d2')?.assignments.find((a) => a.teamId === 't1')?.queued).toBe(false);
    expect(store.queueOf('t1')).toEqual(['d2']);
    expect(heard).toEqual(['d2/t1/created', 'd2/t2/created', 'd1/t1/en_route', 'd1/t1/on_scene', 'd1/t1/completed']);
    expect(store.feed[0]).toMatchObject({ dispatchId: 'd1', state: 'completed', from: 'on_scene', channel: 'tablet' });
    expect(store.targets.map((t) => `${t.dispatchId}/${t.teamId}`).sort()).toEqual(['d2/t1', 'd2/t2']);
  });

  it('appends live steps to a loaded timeline', () => {
    const sync = start();
    const store = useDispatchesStore();
    store.state.timelines.d1 = [];
    sync.receiveEvent(stepped(11, 'd1', 't1', 'accepted', 'declined', ['d1'], { channel: 'phone', reason: '车辆故障' }));
    expect(store.timelineOf('d1')).toEqual([expect.objectContaining({ seq: 11, state: 'declined', channel: 'phone', reason: '车辆故障' })]);
  });

  it('a re-push older than the events does not move a dispatch back', () => {
    const sync = start();
    const store = useDispatchesStore();
    sync.receiveEvent(stepped(11, 'd1', 't1', 'accepted', 'en_route', ['d1']));
    store.mergePending([dispatch('d1', [assignment('t1', 'accepted')])]);
    expect(store.get('d1')?.assignments[0]?.state).toBe('en_route');
  });
});

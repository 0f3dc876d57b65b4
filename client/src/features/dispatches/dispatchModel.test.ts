import { describe, expect, it } from 'vitest';
import type { AssignmentState } from '@shared/schemas/dispatch';
import { assignment, dispatch } from './testFixtures';
import { EMPTY_BOARD_FILTER, boardRows, deriveQueues, emptyState, feedFromDispatches, groupByState, mapTargets, mergeFeedSteps, mergeTimeline, resetState, upsertDispatch } from './dispatchModel';
import { canDecline, effectiveState, nextStep } from './nextStep';

describe('next step', () => {
  it('walks accept → en route → on scene → complete', () => {
    expect(['created', 'delivered', 'accepted', 'en_route', 'on_scene'].map((s) => nextStep(s as never))).toEqual(['accepted', 'accepted', 'en_route', 'on_scene', 'completed']);
    expect(['completed', 'declined', 'cancelled'].map((s) => nextStep(s as never))).toEqual([null, null, null]);
  });
  it('lets a queued dispatch be accepted but not moved on', () => {
    expect(nextStep('delivered', false)).toBe('accepted');
    expect(nextStep('accepted', false)).toBeNull();
  });
  it('declines only before accepting', () => {
    expect([canDecline('created'), canDecline('delivered'), canDecline('accepted')]).toEqual([true, true, false]);
  });
  it('shows the state moved on by the steps still waiting to be sent', () => {
    expect(effectiveState('delivered', ['accepted', 'en_route'])).toBe('en_route');
    expect(effectiveState('en_route', ['accepted'])).toBe('en_route');
    expect(effectiveState('created', ['declined'])).toBe('declined');
    expect(effectiveState('accepted', ['declined'])).toBe('accepted');
    expect(effectiveState('cancelled', ['accepted', 'en_route'])).toBe('cancelled');
  });
});

describe('dispatch model', () => {
  it('merges assignments per team; an older answer does not undo a newer event', () => {
    const s = emptyState();
    upsertDispatch(s, dispatch('d1', [assignment('t1', 'en_route', { updatedAt: '2025-08-01T00:05:00.000Z' })]), true);
    upsertDispatch(s, dispatch('d1', [assignment('t1', 'accepted', { updatedAt: '2025-08-01T00:03:00.000Z' }), assignment('t2')]), false);
    expect(s.byId.d1?.assignments.map((a) => [a.teamId, a.state])).toEqual([
      ['t1', 'en_route'],
      ['t2', 'created'],
    ]);
  });

  it('derives queues from a snapshot: current first, then by creation', () => {
    const queues = deriveQueues([
      dispatch('d2', [assignment('t1', 'created', { queued: true, createdAt: '2025-08-01T00:02:00.000Z' })]),
      dispatch('d3', [assignment('t1', 'created', { queued: true, createdAt: '2025-08-01T00:01:00.000Z' })]),
      dispatch('d1', [assignment('t1', 'accepted', { createdAt: '2025-08-01T00:03:00.000Z' })]),
      dispatch('d0', [assignment('t1', 'completed')]),
    ]);
    expect(queues).toEqual({ t1: ['d1', 'd3', 'd2'] });
  });

  it('board rows filter by team, state and incident, flash first', () => {
    const list = [
      dispatch('d1', [assignment('t1', 'en_route'), assignment('t2', 'declined')], { incidentId: 'INC-7' }),
      dispatch('d2', [assignment('t2', 'created')], { priority: 'flash' }),
    ];
    expect(boardRows(list, EMPTY_BOARD_FILTER).map((r) => `${r.dispatch.id}/${r.assignment.teamId}`)).toEqual(['d2/t2', 'd1/t1', 'd1/t2']);
    expect(boardRows(list, { ...EMPTY_BOARD_FILTER, teamId: 't2' })).toHaveLength(2);
    expect(boardRows(list, { ...EMPTY_BOARD_FILTER, state: 'en_route' })).toHaveLength(1);
    expect(boardRows(list, { ...EMPTY_BOARD_FILTER, incidentId: 'inc-7' })).toHaveLength(2);
    // The officer types the incident's number or a word of its title, not its id.
    const names = (id: string) => (id === 'INC-7' ? '20250915-003 渔船遇险' : '');
    expect(boardRows(list, { ...EMPTY_BOARD_FILTER, incidentId: '渔船' }, names)).toHaveLength(2);
    expect(boardRows(list, { ...EMPTY_BOARD_FILTER, incidentId: '20250915-003' }, names)).toHaveLength(2);
    expect(boardRows(list, { ...EMPTY_BOARD_FILTER, incidentId: '塌方' }, names)).toHaveLength(0);
    expect(groupByState(boardRows(list, EMPTY_BOARD_FILTER)).map((g) => g.state)).toEqual(['created', 'en_route', 'declined']);
  });

  it('draws a line only for each team’s current active dispatch', () => {
    const targets = mapTargets([
      dispatch('d1', [assignment('t1', 'en_route'), assignment('t2', 'completed')]),
      dispatch('d2', [assignment('t1', 'accepted', { queued: true })]),
    ]);
    expect(targets.map((t) => [t.dispatchId, t.teamId, t.state])).toEqual([['d1', 't1', 'en_route']]);
  });

  it('rebuilds the feed from the log after a reload: every step, and live steps that came meanwhile', () => {
    const state = emptyState();
    resetState(state, [dispatch('d1', [assignment('t1', 'en_route', { updatedAt: '2025-08-01T00:09:00.000Z' })])]);
    // The snapshot alone implies one line: the assignment's latest state.
    expect(state.feed.map((e) => e.state)).toEqual(['en_route']);
    const step = (seq: number, from: AssignmentState | null, to: AssignmentState) => ({ seq, dispatchId: 'd1', teamId: 't1', from, state: to, at: `2025-08-01T00:0${seq}:00.000Z`, actor: { type: 'system' as const, id: 's', name: 's' }, channel: null, reason: null });
    state.feed = [{ ...state.feed[0]!, key: '9', seq: 9, state: 'on_scene', from: 'en_route' }, ...state.feed]; // a live step during the fetch
    mergeFeedSteps(state, [step(4, 'accepted', 'en_route'), step(3, 'delivered', 'accepted'), step(2, 'created', 'delivered'), step(1, null, 'created')]);
    expect(state.feed.map((e) => e.state)).toEqual(['on_scene', 'en_route', 'accepted', 'delivered', 'created']);
  });

  it('starts the feed from each assignment’s latest step and merges timelines by seq', () => {
    const feed = feedFromDispatches([dispatch('d1', [assignment('t1', 'accepted', { updatedAt: '2025-08-01T00:09:00.000Z' }), assignment('t2')])]);
    expect(feed.map((e) => [e.teamId, e.state])).toEqual([
      ['t1', 'accepted'],
      ['t2', 'created'],
    ]);
    const step = (seq: number) => ({ seq, dispatchId: 'd1', teamId: 't1', from: null, state: 'created' as const, at: '', actor: { type: 'system' as const, id: 's', name: 's' }, channel: null, reason: null });
    expect(mergeTimeline([step(1), step(3)], [step(3), step(2)]).map((s) => s.seq)).toEqual([1, 2, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import { countdown, nextDeadline, orderBanners, preparedTasks, progressByOwner, stillUnderWay, taskStatus, totals } from './responseModel';
import { makeResponse, makeTask } from './testFixtures';
import { assignment, dispatch } from '../dispatches/testFixtures';

const NOW = Date.parse('2025-09-15T02:00:00.000Z');

describe('response model', () => {
  it('calls a task overdue past its deadline, due soon within the hour, and leaves done and closed as they are', () => {
    expect(taskStatus(makeTask({ dueAt: '2025-09-15T01:59:00.000Z' }), NOW)).toBe('overdue');
    expect(taskStatus(makeTask({ dueAt: '2025-09-15T02:59:00.000Z' }), NOW)).toBe('dueSoon');
    expect(taskStatus(makeTask({ dueAt: '2025-09-15T03:01:00.000Z' }), NOW)).toBe('open');
    expect(taskStatus(makeTask({ dueAt: '2025-09-15T01:00:00.000Z', state: 'done' }), NOW)).toBe('done');
  });

  it('counts per owner, the owners with overdue tasks first, without closed tasks', () => {
    const tasks = [
      makeTask({ id: 'a', ownerName: '指挥长', state: 'done' }),
      makeTask({ id: 'b', ownerName: '石浦镇', dueAt: '2025-09-15T01:00:00.000Z' }),
      makeTask({ id: 'c', ownerName: '石浦镇', dueAt: '2025-09-15T02:30:00.000Z' }),
      makeTask({ id: 'd', ownerName: '鹤浦镇', dueAt: '2025-09-15T08:00:00.000Z' }),
      makeTask({ id: 'e', ownerName: '鹤浦镇', state: 'closed' }),
    ];
    const rows = progressByOwner(tasks, NOW);
    expect(rows).toEqual([
      { owner: '石浦镇', done: 0, dueSoon: 1, overdue: 1, open: 0 },
      { owner: '鹤浦镇', done: 0, dueSoon: 0, overdue: 0, open: 1 },
      { owner: '指挥长', done: 1, dueSoon: 0, overdue: 0, open: 0 },
    ]);
    expect(totals(rows)).toEqual({ done: 1, dueSoon: 1, overdue: 1, open: 1 });
  });

  it('finds the next deadline still ahead and counts it down', () => {
    const tasks = [makeTask({ id: 'late', dueAt: '2025-09-15T01:00:00.000Z' }), makeTask({ id: 'next', dueAt: '2025-09-15T03:05:09.000Z' }), makeTask({ id: 'later', dueAt: '2025-09-15T09:00:00.000Z' })];
    const next = nextDeadline(tasks, NOW)!;
    expect(next.task.id).toBe('next');
    expect(countdown(next.inMs)).toBe('1:05:09');
    expect(nextDeadline([makeTask({ state: 'done', dueAt: '2025-09-15T03:00:00.000Z' })], NOW)).toBeNull();
  });

  it('shows real responses before drills, the highest level first; lists the prepared actions soonest first', () => {
    const banners = orderBanners([makeResponse({ id: 'drill', exercise: true, level: 'I' }), makeResponse({ id: 'flood', hazard: 'flood', level: 'III' }), makeResponse({ id: 'typhoon', level: 'II' })]);
    expect(banners.map((b) => b.id)).toEqual(['typhoon', 'flood', 'drill']);
    const prepared = preparedTasks([makeTask({ id: 'x', actionState: 'prepared', dueAt: '2025-09-15T05:00:00.000Z' }), makeTask({ id: 'y', actionState: 'prepared', dueAt: '2025-09-15T03:00:00.000Z' }), makeTask({ id: 'z', actionState: 'done' })]);
    expect(prepared.map((t) => t.id)).toEqual(['y', 'x']);
  });

  it('keeps the plan’s dispatches a team is still on, as the live board has them, and drops the finished ones', () => {
    const left = [
      { taskId: 't1', taskTitle: '甲队前置', dispatch: dispatch('d1', [assignment('team-a', 'accepted'), assignment('team-b', 'completed')]) },
      { taskId: 't2', taskTitle: '乙队前置', dispatch: dispatch('d2', [assignment('team-b', 'created')]) },
    ];
    const live = (id: string) => (id === 'd2' ? dispatch('d2', [assignment('team-b', 'completed')]) : undefined);
    expect(stillUnderWay(left, live).map((l) => [l.dispatch.id, l.teamIds])).toEqual([['d1', ['team-a']]]);
  });

  it('keeps a cancellation the server listed even while the live board has not heard of it yet', () => {
    const cancelledAt = '2025-08-01T00:09:00.000Z';
    const left = [{ taskId: 't1', taskTitle: '甲队集结', dispatch: dispatch('d1', [assignment('team-a', 'cancelled', { updatedAt: cancelledAt })]) }];
    const staleLive = () => dispatch('d1', [assignment('team-a', 'accepted')]);
    expect(stillUnderWay(left, staleLive)).toEqual([]);
  });
});

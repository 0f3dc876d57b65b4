import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAlarmsStore } from '../../features/alarms/store';
import { usePositionsStore } from '../../features/positions/store';
import { useTeamsStore } from '../../features/teams/store';
import { useWallLayoutStore } from '../../features/wall/store';
import { createEventRouter } from './eventRouter';
import { SyncSession } from './syncSession';
import { layoutChanged, snapshot } from './testFixtures';
import { alarm, alarmEvent } from '../../features/alarms/testFixtures';
import { fix } from '../../features/positions/testFixtures';
import { team, teamCreated, teamDeleted, teamUpdated } from '../../features/teams/testFixtures';

describe('event dispatch into stores', () => {
  beforeEach(() => setActivePinia(createPinia()));

  function start(seq = 10) {
    const onTrailWindowGrew = vi.fn();
    const sync = new SyncSession(createEventRouter({ onTrailWindowGrew }));
    sync.beginHello();
    sync.completeHello({
      mode: 'snapshot',
      snapshot: snapshot(seq, {
        teams: [team('t1'), team('t2')],
        alarms: [alarm('a1'), alarm('a-old', { state: 'cleared' })],
      }),
      positions: [fix('t1', Date.now() - 1_000)],
    });
    return { sync, onTrailWindowGrew };
  }

  it('a snapshot replaces teams, alarms and latest positions', () => {
    start();
    const teams = useTeamsStore();
    const alarms = useAlarmsStore();
    const positions = usePositionsStore();
    expect(teams.list.map((t) => t.id).sort()).toEqual(['t1', 't2']);
    expect(alarms.open.map((a) => a.id)).toEqual(['a1']);
    expect(positions.latestOf('t1')).toBeDefined();
    expect(positions.latestOf('t2')).toBeUndefined();
  });

  it('routes team events and drops stale ones', () => {
    const { sync } = start(10);
    const teams = useTeamsStore();
    const positions = usePositionsStore();
    sync.receiveEvent(teamUpdated(11, team('t1', { status: 'en_route' })));
    sync.receiveEvent(teamUpdated(9, team('t1', { status: 'off_duty' })));
    sync.receiveEvent(teamCreated(12, team('t3')));
    sync.receiveEvent(teamDeleted(13, 't1'));
    expect(teams.get('t1')).toBeUndefined();
    expect(teams.get('t3')).toBeDefined();
    expect(positions.latestOf('t1')).toBeUndefined();
  });

  it('keeps only open alarms and notifies live raises', () => {
    const { sync } = start(10);
    const alarms = useAlarmsStore();
    const heard: string[] = [];
    alarms.onRaised((a) => heard.push(a.id));
    sync.receiveEvent(alarmEvent(11, 'alarm.raised', alarm('a2', { sound: 'repeat' })));
    sync.receiveEvent(alarmEvent(12, 'alarm.acknowledged', alarm('a2', { state: 'acknowledged', acknowledgedBy: '值班员' })));
    sync.receiveEvent(alarmEvent(13, 'alarm.cleared', alarm('a1', { state: 'cleared' })));
    expect(heard).toEqual(['a2']);
    expect(alarms.open.map((a) => [a.id, a.state])).toEqual([['a2', 'acknowledged']]);
  });

  it('follows the wall layout trail window and asks for a reload when it grows', () => {
    const { sync, onTrailWindowGrew } = start(10);
    const positions = usePositionsStore();
    sync.receiveEvent(layoutChanged(11, 15));
    expect(useWallLayoutStore().layout.trailMinutes).toBe(15);
    expect(positions.trailMinutes).toBe(15);
    expect(onTrailWindowGrew).not.toHaveBeenCalled();
    sync.receiveEvent(layoutChanged(12, 60));
    expect(onTrailWindowGrew).toHaveBeenCalledTimes(1);
  });

  it('position batches update latest and trails, ignoring older fixes', () => {
    const { sync } = start(10);
    const positions = usePositionsStore();
    const now = Date.now();
    sync.receivePositions([fix('t2', now - 3_000), fix('t2', now - 2_000, { lat: 29.5 })]);
    sync.receivePositions([fix('t2', now - 5_000, { lat: 29.1 })]);
    expect(positions.latestOf('t2')?.lat).toBe(29.5);
    expect(positions.trailOf('t2').points().map((p) => p[2])).toEqual([now - 3_000, now - 2_000]);
    expect(positions.isStale('t2', now)).toBe(false);
    expect(positions.isStale('t2', now + 301_000)).toBe(true);
  });

  it('trims trails older than the window', () => {
    const { sync } = start(10);
    const positions = usePositionsStore();
    const now = Date.now();
    sync.receivePositions([fix('t2', now - 20 * 60_000), fix('t2', now - 5 * 60_000)]);
    expect(positions.trailOf('t2')).toHaveLength(2);
    positions.trimAll(now + 15 * 60_000);
    expect(positions.trailOf('t2').points().map((p) => p[2])).toEqual([now - 5 * 60_000]);
  });
});

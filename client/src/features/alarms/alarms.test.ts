import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { Alarm } from '@shared/schemas/alarm';
import { alarm, alarmEvent } from './testFixtures';
import { useAlarmsStore } from './store';
import { alarmMessage } from './alarmMessage';
import { AlarmBell, type BellStage } from './alarmBell';
import { ringsOnRaise } from './bellPolicy';
import { sosBannerEntries } from './sosBanner';

describe('alarm bell policy', () => {
  it('rings on raise unless silent', () => {
    expect(ringsOnRaise(alarm('a', { sound: 'once' }))).toBe(true);
    expect(ringsOnRaise(alarm('a', { sound: 'repeat' }))).toBe(true);
    expect(ringsOnRaise(alarm('a', { sound: 'none' }))).toBe(false);
  });
});

const T0 = Date.parse('2025-08-01T00:00:00.000Z');
const sos = (over: Partial<Alarm> = {}) => alarm('sos1', { kind: 'sos', severity: 'critical', sound: 'repeat', params: { teamName: '石浦队' }, raisedAt: new Date(T0).toISOString(), ...over });

/** A bell on a hand-moved clock: `at(s)` steps to T0 + s seconds, ticking every second on the way. */
function bellOn(open: () => Alarm[]) {
  let now = T0;
  const rings: Array<{ stage: BellStage; s: number }> = [];
  const bell = new AlarmBell({ clock: () => now, open, play: (stage) => rings.push({ stage, s: (now - T0) / 1000 }) });
  const at = (s: number) => {
    while (now < T0 + s * 1000) {
      now += 1000;
      bell.tick();
    }
  };
  return { bell, rings, at };
}

describe('alarm bell', () => {
  it('repeats an unacknowledged SOS every 10 s, then turns loud and faster after 60 s', () => {
    const open = [sos()];
    const { bell, rings, at } = bellOn(() => open);
    bell.raised(open[0]!);
    at(59);
    expect(rings).toEqual([0, 10, 20, 30, 40, 50].map((s) => ({ stage: 'normal', s })));
    expect(bell.stage()).toBe('normal');
    at(70);
    expect(rings.slice(6)).toEqual([60, 64, 68].map((s) => ({ stage: 'loud', s })));
    expect(bell.stage()).toBe('loud');
  });

  it('stops ringing once the SOS is acknowledged, although it stays open', () => {
    let open = [sos()];
    const { bell, rings, at } = bellOn(() => open);
    bell.raised(open[0]!);
    at(65);
    const before = rings.length;
    open = [sos({ state: 'acknowledged', acknowledgedBy: '李值班', acknowledgedAt: new Date(T0 + 65_000).toISOString() })];
    at(200);
    expect(rings.length).toBe(before);
    expect(bell.stage()).toBeNull();
  });

  it('counts the minute from when this screen saw the SOS if its clock runs behind the server', () => {
    const open = [sos({ raisedAt: new Date(T0 + 300_000).toISOString() })];
    const { bell, at } = bellOn(() => open);
    at(1);
    expect(bell.stage()).toBe('normal');
    at(62);
    expect(bell.stage()).toBe('loud');
  });

  it('keeps a critical non-SOS alarm at the normal stage however long it waits', () => {
    const open = [alarm('d', { kind: 'dispatch_undelivered', severity: 'critical', sound: 'repeat' })];
    const { bell, rings, at } = bellOn(() => open);
    at(300);
    expect(bell.stage()).toBe('normal');
    expect(rings.every((r) => r.stage === 'normal')).toBe(true);
  });
});

describe('alarm order', () => {
  it('puts SOS first, then critical, then warnings, acknowledged or not', () => {
    setActivePinia(createPinia());
    const store = useAlarmsStore();
    const raised = [
      alarm('warn', { severity: 'warning', raisedAt: '2025-08-01T00:05:00.000Z' }),
      alarm('crit-acked', { kind: 'dispatch_undelivered', severity: 'critical', state: 'acknowledged' }),
      alarm('sos-acked', { kind: 'sos', severity: 'critical', state: 'acknowledged' }),
      alarm('crit', { kind: 'dispatch_unaccepted', severity: 'critical' }),
      alarm('info', { kind: 'shelter_near_full', severity: 'info', raisedAt: '2025-08-01T00:09:00.000Z' }),
      alarm('sos', { kind: 'sos', severity: 'critical', sourceId: 't2' }),
    ];
    raised.forEach((a, i) => store.applyEvent(alarmEvent(i + 1, 'alarm.raised', a)));
    expect(store.open.map((a) => a.id)).toEqual(['sos', 'sos-acked', 'crit', 'crit-acked', 'warn', 'info']);
  });
});

describe('alarm message', () => {
  it('counts minutes since the last report live', () => {
    const a = alarm('a', { params: { teamName: '石浦救援队', lastSeenAt: '2025-08-01T00:00:00.000Z' } });
    const msg = alarmMessage(a, Date.parse('2025-08-01T00:12:30.000Z'));
    expect(msg).toEqual({ key: 'alarm.kind.unit_silent', params: { teamName: '石浦救援队', lastSeenAt: '2025-08-01T00:00:00.000Z', minutes: 12 } });
  });
  it('falls back to the server minutes and the team name from the store', () => {
    const a = alarm('a', { params: { minutes: 15 } });
    expect(alarmMessage(a, 0, '爵溪队').params).toMatchObject({ teamName: '爵溪队', minutes: 15 });
  });
});

describe('dispatch alarm messages', () => {
  it('count overdue minutes from the dispatch’s creation', () => {
    const a = alarm('a', { kind: 'dispatch_unaccepted', sourceType: 'dispatch_assignment', sourceId: 'd1:t1', params: { teamName: '石浦队', priority: 'flash', destination: '石浦渔港', createdAt: '2025-08-01T00:00:00.000Z' } });
    expect(alarmMessage(a, Date.parse('2025-08-01T00:07:10.000Z'))).toMatchObject({ key: 'alarm.kind.dispatch_unaccepted', params: { teamName: '石浦队', minutes: 7, priority: 'flash' } });
  });
});

describe('SOS banner', () => {
  it('shows which team, when, where and who acknowledged, waiting ones first', () => {
    const open = [
      sos({ id: 'acked', sourceId: 't1', state: 'acknowledged', acknowledgedBy: '李值班', acknowledgedAt: '2025-08-01T00:01:00.000Z', params: { teamName: '石浦队', reportedBy: '石浦平板', lat: 29.2035, lon: 121.9512, note: '船只进水' } }),
      sos({ id: 'waiting', sourceId: 't2', raisedAt: '2025-08-01T00:02:00.000Z', params: {} }),
      alarm('other', { kind: 'unit_silent' }),
    ];
    expect(sosBannerEntries(open, (id) => (id === 't2' ? '爵溪队' : undefined))).toEqual([
      { alarmId: 'waiting', teamId: 't2', teamName: '爵溪队', reportedBy: '', note: '', raisedAt: '2025-08-01T00:02:00.000Z', position: null, acknowledged: false, acknowledgedBy: null, acknowledgedAt: null },
      {
        alarmId: 'acked',
        teamId: 't1',
        teamName: '石浦队',
        reportedBy: '石浦平板',
        note: '船只进水',
        raisedAt: '2025-08-01T00:00:00.000Z',
        position: { lat: 29.2035, lon: 121.9512, township: '石浦镇' },
        acknowledged: true,
        acknowledgedBy: '李值班',
        acknowledgedAt: '2025-08-01T00:01:00.000Z',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { alarm } from '../realtime/testFixtures';
import { alarmMessage } from './alarmMessage';
import { ringsOnRaise, ringsOnRepeat } from './bellPolicy';

describe('alarm bell policy', () => {
  it('rings on raise unless silent', () => {
    expect(ringsOnRaise(alarm('a', { sound: 'once' }))).toBe(true);
    expect(ringsOnRaise(alarm('a', { sound: 'repeat' }))).toBe(true);
    expect(ringsOnRaise(alarm('a', { sound: 'none' }))).toBe(false);
  });
  it('repeats only for unacknowledged repeat alarms', () => {
    expect(ringsOnRepeat([alarm('a', { sound: 'once' })])).toBe(false);
    expect(ringsOnRepeat([alarm('a', { sound: 'repeat', state: 'acknowledged' })])).toBe(false);
    expect(ringsOnRepeat([alarm('a', { sound: 'once' }), alarm('b', { sound: 'repeat' })])).toBe(true);
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

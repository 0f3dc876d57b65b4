import { describe, expect, it } from 'vitest';
import { breaksThrough, urgentAlarmIds } from './breakthrough';

describe('a live alarm breaking through a replay on the wall', () => {
  const alarms = [
    { id: 'a', kind: 'sos', severity: 'critical', state: 'raised' },
    { id: 'b', kind: 'stock_low', severity: 'warning', state: 'raised' },
    { id: 'c', kind: 'unit_silent', severity: 'critical', state: 'acknowledged' },
    { id: 'd', kind: 'gauge_level', severity: 'critical', state: 'raised' },
  ] as const;

  it('counts an unacknowledged SOS or critical alarm as urgent', () => {
    expect(urgentAlarmIds(alarms)).toEqual(['a', 'd']);
  });

  it('breaks through only for one that was not already there when the replay began', () => {
    expect(breaksThrough(['a'], new Set(['a']))).toBe(false);
    expect(breaksThrough(['a', 'd'], new Set(['a']))).toBe(true);
  });
});

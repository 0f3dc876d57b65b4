import { describe, expect, it } from 'vitest';
import { boardRows, groupCounts, levelOf, rowFacts, stationGroup, stationRow } from './stationBoard';
import { makeReservoir, makeState, makeStation } from './testFixtures';

describe('the desk station board', () => {
  const stations = [
    makeStation({ id: 'a', name: '甲雨量站', township: '石浦镇' }),
    makeStation({ id: 'b', name: '乙雨量站', township: '丹东街道' }),
    makeReservoir({ id: 'c', name: '丙水库' }),
    makeStation({ id: 'd', name: '丁雨量站', maintenance: true }),
    makeStation({ id: 'e', name: '戊雨量站' }),
    makeReservoir({ id: 'f', name: '己水库' }),
  ];
  const states = new Map([
    ['a', makeState('a', { condition: 'warning', rainSignal: 'blue', rain: { '1h': 12, '3h': 30, '6h': 45, '12h': 52, '24h': 60 } })],
    ['b', makeState('b', { condition: 'danger', rainSignal: 'red', rain: { '1h': 48, '3h': 110, '6h': 120, '12h': 130, '24h': 140 } })],
    ['c', makeState('c', { condition: 'danger', levelStage: 'guaranteed', latest: { level_upstream: { value: 32.4, observedAt: 0 } } })],
    ['d', makeState('d', { condition: 'maintenance' })],
    ['e', makeState('e', { condition: 'offline' })],
    ['f', makeState('f', { condition: 'warning', levelStage: 'warning', latest: { level_upstream: { value: 30.2, observedAt: 0 } } })],
  ]);
  const stateOf = (id: string) => states.get(id);

  it('puts the worst first: guaranteed level before red rain, then above warning, offline, maintenance', () => {
    expect(boardRows(stations, stateOf, 'state').map((r) => [r.station.id, r.group])).toEqual([
      ['c', 'alarm'],
      ['b', 'alarm'],
      ['f', 'warning'],
      ['a', 'warning'],
      ['e', 'offline'],
      ['d', 'maintenance'],
    ]);
  });

  it('sorts by the last hour of rain, by how far a level is above its warning line, or by name', () => {
    expect(boardRows(stations, stateOf, 'rain').map((r) => r.station.id).slice(0, 2)).toEqual(['b', 'a']);
    expect(boardRows(stations, stateOf, 'level').map((r) => r.station.id).slice(0, 2)).toEqual(['c', 'f']);
    expect(boardRows(stations, stateOf, 'level')[0]!.level).toEqual({ value: 32.4, warning: 30, guaranteed: 32, aboveWarning: 2.4 });
    expect(boardRows(stations, stateOf, 'township')[0]!.station.township).toBe('丹东街道');
  });

  it('filters to one group and counts every group', () => {
    expect(boardRows(stations, stateOf, 'state', 'alarm').map((r) => r.station.id)).toEqual(['c', 'b']);
    expect(groupCounts(boardRows(stations, stateOf, 'state'))).toEqual({ alarm: 2, warning: 2, offline: 1, maintenance: 1, normal: 0 });
  });

  it('shows a never-heard station as offline and one in maintenance as such whatever its readings say', () => {
    expect(stationGroup(makeStation(), undefined)).toBe('offline');
    expect(stationGroup(makeStation({ maintenance: true }), makeState('x', { condition: 'danger' }))).toBe('maintenance');
  });

  it('reads no level for a station that has not reported one, or sent an invalid one', () => {
    expect(levelOf(makeReservoir(), undefined)).toBeNull();
    expect(levelOf(makeReservoir(), makeState('c', { latest: { level_upstream: { value: null, observedAt: 0 } } }))).toBeNull();
  });
});

describe('what a station row says', () => {
  it('gives a rain gauge its last hour and day, and a reservoir its level against the warning line', () => {
    const rain = rowFacts(stationRow(makeStation(), makeState('st-rain', { rain: { '1h': 12.34, '3h': 20, '6h': 20, '12h': 20, '24h': 41 } })));
    expect(rain).toEqual([
      { key: 'rain1h', params: { mm: '12.3' } },
      { key: 'rain24h', params: { mm: '41.0' } },
    ]);
    const below = rowFacts(stationRow(makeReservoir(), makeState('st-res', { latest: { level_upstream: { value: 29.6, observedAt: 0 } } })));
    expect(below).toEqual([
      { key: 'level', params: { m: '29.60' } },
      { key: 'below', params: { m: '0.40' } },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { levelsAboveWarning, rainTop } from './topTen';
import { makeReservoir, makeState, makeStation } from './testFixtures';

const rain = (mm: number) => ({ '1h': mm, '3h': mm, '6h': mm, '12h': mm, '24h': mm });

describe('the wall top-10', () => {
  it('lists the ten wettest stations of the last hour, none that stayed dry, none in maintenance', () => {
    const stations = Array.from({ length: 13 }, (_, i) => makeStation({ id: `s${i}`, name: `站${String(i).padStart(2, '0')}`, maintenance: i === 12 }));
    const states = new Map(stations.map((s, i) => [s.id, makeState(s.id, { rain: rain(i === 0 ? 0 : i * 2) })]));
    const rows = rainTop(stations, (id) => states.get(id));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ id: 's11', mm: 22 });
    expect(rows.map((r) => r.id)).not.toContain('s12');
    expect(rows.map((r) => r.id)).not.toContain('s0');
  });

  it('lists levels at or over their warning line, furthest over first, marking those over the guaranteed line', () => {
    const stations = [makeReservoir({ id: 'a', name: '甲' }), makeReservoir({ id: 'b', name: '乙' }), makeReservoir({ id: 'c', name: '丙' }), makeStation({ id: 'd' })];
    const level = (value: number) => ({ level_upstream: { value, observedAt: 0 } });
    const states = new Map([
      ['a', makeState('a', { latest: level(30.5) })],
      ['b', makeState('b', { latest: level(32.3) })],
      ['c', makeState('c', { latest: level(29.9) })],
    ]);
    expect(levelsAboveWarning(stations, (id) => states.get(id))).toEqual([
      { id: 'b', name: '乙', township: '丹东街道', value: 32.3, above: 2.3, guaranteed: true },
      { id: 'a', name: '甲', township: '丹东街道', value: 30.5, above: 0.5, guaranteed: false },
    ]);
  });
});

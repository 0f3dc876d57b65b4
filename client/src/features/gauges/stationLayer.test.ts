import { describe, expect, it } from 'vitest';
import { stationMarkers, stationMarkersKey, stationSeries } from './stationLayer';
import { CONDITION_COLORS } from './stationColors';
import { makeReservoir, makeState, makeStation } from './testFixtures';

const style = { visible: true, fontSize: 14, showLabels: true, labelStyle: {}, halo: '#fff', tooltip: true };

describe('the station layer', () => {
  const stations = [makeStation({ id: 'quiet' }), makeReservoir({ id: 'over' }), makeStation({ id: 'off', maintenance: true })];
  const states = new Map([
    ['quiet', makeState('quiet')],
    ['over', makeState('over', { condition: 'danger', levelStage: 'guaranteed' })],
    ['off', makeState('off', { condition: 'danger' })],
  ]);

  it('colours each station by its state, draws alarms last (on top) and names only the loud ones', () => {
    const markers = stationMarkers(stations, (id) => states.get(id));
    expect(markers.map((m) => [m.id, m.condition])).toEqual([
      ['off', 'maintenance'],
      ['quiet', 'normal'],
      ['over', 'danger'],
    ]);
    const data = stationSeries(markers, style).data as Array<{ id: string; itemStyle: { color: string }; label: { show: boolean }; symbol: string }>;
    expect(data.map((d) => [d.id, d.itemStyle.color, d.label.show])).toEqual([
      ['station:off', CONDITION_COLORS.maintenance, false],
      ['station:quiet', CONDITION_COLORS.normal, false],
      ['station:over', CONDITION_COLORS.danger, true],
    ]);
    expect(data[2]!.symbol).toBe('diamond');
  });

  it('keeps the series (empty) when the layer is off, and redraws only when a state changes', () => {
    const markers = stationMarkers(stations, (id) => states.get(id));
    expect(stationSeries(markers, { ...style, visible: false }).data).toEqual([]);
    const rainier = new Map(states).set('quiet', makeState('quiet', { rain: { '1h': 3, '3h': 3, '6h': 3, '12h': 3, '24h': 3 } }));
    expect(stationMarkersKey(stationMarkers(stations, (id) => rainier.get(id)))).toBe(stationMarkersKey(markers));
    const worse = new Map(states).set('quiet', makeState('quiet', { condition: 'warning' }));
    expect(stationMarkersKey(stationMarkers(stations, (id) => worse.get(id)))).not.toBe(stationMarkersKey(markers));
  });
});

import { describe, expect, it } from 'vitest';
import type { MapTeamMarker } from '../../env';
import { labelledTeamIds, trailSeries } from './denseLayers';

const marker = (id: string, over: Partial<MapTeamMarker> = {}): MapTeamMarker => ({ id, name: id, lat: 29.4, lon: 121.8, stale: false, heard: true, status: 'standby', source: 'fix', sos: null, ...over });

describe('team layers with thousands of units', () => {
  it('a county-sized map labels every team', () => {
    expect(labelledTeamIds([marker('a'), marker('b', { stale: true })], null, 5)).toBeNull();
  });

  it('past the limit the selected team and teams on a job keep their labels, stale teams lose theirs first', () => {
    const markers = [marker('stale', { stale: true }), marker('idle1'), marker('idle2'), marker('busy', { status: 'on_scene' }), marker('picked', { stale: true })];
    expect([...(labelledTeamIds(markers, 'picked', 3) ?? [])]).toEqual(['picked', 'busy', 'idle1']);
  });

  it('draws each trail in the series of its colour', () => {
    const trails = [
      { teamId: 'a', status: 'en_route' as const, stale: false, coords: [[121.8, 29.4], [121.81, 29.41]] as Array<[number, number]> },
      { teamId: 'b', status: 'en_route' as const, stale: true, coords: [[121.7, 29.3], [121.71, 29.31]] as Array<[number, number]> },
    ];
    const series = trailSeries(trails, { visible: true, width: 2, animation: false });
    const count = (id: string) => (series.find((s) => s.id === id)?.data ?? []).length;
    expect([count('trails:en_route'), count('trails:stale'), count('trails:standby')]).toEqual([1, 1, 0]);
    expect(trailSeries(trails, { visible: false, width: 2, animation: false }).every((s) => (s.data ?? []).length === 0)).toBe(true);
  });
});

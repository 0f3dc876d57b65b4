import { describe, expect, it } from 'vitest';
import type { MapTeamMarker } from '../../env';
import { labelledTeamIds } from './denseLayers';

const marker = (id: string, over: Partial<MapTeamMarker> = {}): MapTeamMarker => ({ id, name: id, lat: 29.4, lon: 121.8, stale: false, heard: true, status: 'standby', source: 'fix', sos: null, ...over });

describe('team layers with thousands of units', () => {
  it('a county-sized map labels every team', () => {
    expect(labelledTeamIds([marker('a'), marker('b', { stale: true })], null, 5)).toBeNull();
  });

  it('past the limit the selected team and teams on a job keep their labels, stale teams lose theirs first', () => {
    const markers = [marker('stale', { stale: true }), marker('idle1'), marker('idle2'), marker('busy', { status: 'on_scene' }), marker('picked', { stale: true })];
    expect([...(labelledTeamIds(markers, 'picked', 3) ?? [])]).toEqual(['picked', 'busy', 'idle1']);
  });
});

import { describe, expect, it } from 'vitest';
import { fix, team } from '../realtime/testFixtures';
import { buildMarkers, markersSignature } from './mapMarkers';
import { teamLabel } from './mapOption';

describe('map markers', () => {
  const now = 1_000_000;
  const teams = [team('a'), team('b', { base: { lat: 29.2, lon: 121.9 } })];
  const latest = new Map([['a', fix('a', now - 10_000, { lat: 29.5, lon: 121.8 })]]);

  it('draws a reporting team at its fix and a silent one at its base, stale', () => {
    const markers = buildMarkers(teams, (id) => latest.get(id), now, 60);
    expect(markers).toEqual([
      { id: 'a', name: '队伍a', lat: 29.5, lon: 121.8, stale: false, heard: true, status: 'standby', source: 'fix' },
      { id: 'b', name: '队伍b', lat: 29.2, lon: 121.9, stale: true, heard: false, status: 'standby', source: 'base' },
    ]);
  });

  it('turns stale after the threshold and changes the signature', () => {
    const fresh = buildMarkers(teams, (id) => latest.get(id), now, 60);
    const later = buildMarkers(teams, (id) => latest.get(id), now + 60_000, 60);
    expect(later[0]!.stale).toBe(true);
    expect(markersSignature(fresh)).not.toBe(markersSignature(later));
  });

  it('labels a team whose device is heard but whose position is old 位置未更新, and a silent one 失联', () => {
    const labels = { stale: '失联', noFix: '无定位', positionOld: '位置未更新' };
    const heardIndoors = new Map([['a', { ...fix('a', now - 600_000, { lat: 29.5, lon: 121.8 }), heardAt: now - 5_000 }]]);
    const [indoors] = buildMarkers(teams, (id) => heardIndoors.get(id), now, 60);
    expect(indoors).toMatchObject({ stale: true, heard: true });
    expect(teamLabel(indoors!, labels)).toBe('队伍a · 位置未更新');
    const [silent] = buildMarkers(teams, (id) => latest.get(id), now + 600_000, 60);
    expect(teamLabel(silent!, labels)).toBe('队伍a · 失联');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_LAYOUT } from '@shared/schemas/wall';
import { buildMapOption, type MapOptionInput } from './mapOption';
import { optionForChanges, silencedInPickMode } from './mapUpdates';

const input: MapOptionInput = {
  markers: [{ id: 't1', name: '一队', lat: 29.4, lon: 121.8, stale: false, heard: true, status: 'standby', source: 'fix', sos: null }],
  trails: [{ teamId: 't1', status: 'standby', stale: false, coords: [[121.8, 29.4], [121.81, 29.41]] }],
  track: null,
  layers: DEFAULT_WALL_LAYOUT.layers,
  dark: true,
  selectedTeamId: null,
  fontSize: 14,
  staleLabels: { stale: '失联', noFix: '未上报', positionOld: '位置未更新' },
  tooltip: false,
  places: { incidents: [{ id: 'i1', label: '内涝', severity: 'major', overdue: false, lat: 29.3, lon: 121.7 }], shelters: [], depots: [] },
};
const ids = (option: ReturnType<typeof buildMapOption>) => (Array.isArray(option.series) ? option.series.map((s) => s.id) : []);

describe('what a map update redraws', () => {
  const option = buildMapOption(input);

  it('a position push redraws the moving points and the dispatch lines starting at them, not the outlines, trails or places', () => {
    const update = optionForChanges(option, new Set(['points']));
    expect(update.geo).toBeUndefined();
    expect(ids(update)).toEqual([
      'dispatch-lines',
      'dispatch-destinations',
      ...['standby', 'dispatched', 'en_route', 'on_scene', 'returning', 'off_duty', 'stale'].map((s) => `teams:${s}`),
      'teams-active',
      'team-labels',
      'team-selected',
      'teams-sos',
      'teams-sos-acknowledged',
    ]);
  });

  it('a position push repaints none of the canvas the outlines, place labels, tiles and trails are on', () => {
    const all = option.series as Array<{ id: string; zlevel?: number }>;
    const pushed = optionForChanges(option, new Set(['points'])).series as Array<{ id: string; zlevel?: number }>;
    const pushedLayers = new Set(pushed.map((s) => s.zlevel ?? 0));
    const still = all.filter((s) => ['place-labels', 'basemap-tiles', 'track'].includes(s.id) || s.id.startsWith('trails:'));
    expect(still).toHaveLength(10);
    for (const s of still) expect(pushedLayers.has(s.zlevel ?? 0)).toBe(false);
    expect(pushedLayers.has(0)).toBe(false); // the geo component (the outlines) is on zlevel 0
    expect(option.geo).not.toHaveProperty('zlevel');
  });

  it('draws an overlay (the storm) once: a series id given twice makes ECharts refuse the whole option, and the map stays blank', () => {
    const withStorm = buildMapOption({ ...input, overlays: [{ id: 'storm-track', type: 'lines', coordinateSystem: 'geo', data: [] }] });
    const all = ids(withStorm);
    expect(all.filter((id) => id === 'storm-track')).toHaveLength(1);
    expect(new Set(all).size).toBe(all.length);
  });

  it('grown trails redraw the trails alone', () => {
    expect(ids(optionForChanges(option, new Set(['trails'])))).toEqual(['trails:standby', 'trails:dispatched', 'trails:en_route', 'trails:on_scene', 'trails:returning', 'trails:off_duty', 'trails:stale']);
  });

  it('a change of layers, places or theme redraws everything', () => {
    const update = optionForChanges(option, new Set(['points', 'scene']));
    expect(update).toBe(option);
    expect(ids(update)).toContain('place-incidents');
  });
});

describe('pick mode', () => {
  const silentOf = (option: ReturnType<typeof buildMapOption>) => new Map((Array.isArray(option.series) ? option.series : []).map((s) => [s.id, s.silent]));

  it('makes every marker ignore clicks, and gives them back when it ends', () => {
    const picking = silentOf(silencedInPickMode(buildMapOption(input), true));
    const markers = ['teams:standby', 'teams:stale', 'teams-active', 'team-selected', 'teams-sos', 'place-incidents', 'cameras'];
    for (const id of markers) expect(picking.get(id), id).toBe(true);
    const normal = silentOf(silencedInPickMode(buildMapOption(input), false));
    for (const id of markers) expect(normal.get(id), id).toBe(false);
    // Layers that never take clicks stay silent.
    expect(normal.get('place-labels')).toBe(true);
    expect(normal.get('team-labels')).toBe(true);
    expect(normal.get('basemap-tiles')).toBe(true);
  });

  it('a zoom past a label level or new tiles redraw the place labels and the tiles alone', () => {
    expect(ids(optionForChanges(buildMapOption(input), new Set(['view'])))).toEqual(['basemap-tiles', 'place-labels']);
  });
});


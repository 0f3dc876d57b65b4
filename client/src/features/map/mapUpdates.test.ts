import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_LAYOUT } from '@shared/schemas/wall';
import { buildMapOption, type MapOptionInput } from './mapOption';
import { splitMapOption } from './mapSplit';
import { optionForChanges, silencedInPickMode } from './mapUpdates';

const input: MapOptionInput = {
  markers: [{ id: 't1', name: '一队', lat: 29.4, lon: 121.8, stale: false, heard: true, status: 'standby', source: 'fix', sos: null }],
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

  it('a position push updates only the chart on top: the outlines, tiles and storm beneath are not touched', () => {
    const split = splitMapOption(optionForChanges(option, new Set(['points'])));
    expect(split.beneath).toBeNull();
    expect(split.top?.geo).toBeUndefined();
    const scene = splitMapOption(option);
    expect(ids(scene.beneath!)).toEqual(['basemap-tiles']);
    expect((scene.top!.geo as { map?: string }).map).toBe('xiangshan-frame');
    expect((scene.beneath!.geo as { map?: string }).map).toBe('xiangshan');
    // The markers' chart is transparent over the outlines, and keeps the tooltips (it takes the pointer).
    expect(scene.top!.backgroundColor).toBe('transparent');
    expect(scene.top!.tooltip).toBeDefined();
  });

  it('draws an overlay (the storm) once: a series id given twice makes ECharts refuse the whole option, and the map stays blank', () => {
    const withStorm = buildMapOption({ ...input, overlays: [{ id: 'storm-track', type: 'lines', coordinateSystem: 'geo', data: [] }] });
    const all = ids(withStorm);
    expect(all.filter((id) => id === 'storm-track')).toHaveLength(1);
    expect(new Set(all).size).toBe(all.length);
  });

  it('grown trails touch neither chart (they are drawn on their own canvas)', () => {
    const split = splitMapOption(optionForChanges(option, new Set(['trails'])));
    expect([split.beneath, split.top]).toEqual([null, null]);
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


import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_LAYOUT } from '@shared/schemas/wall';
import { buildMapOption, type MapOptionInput } from './mapOption';
import { drawSteps, splitMapOption } from './mapSplit';
import { optionForChanges, silencedInPickMode } from './mapUpdates';
import { stationMarkers, stationSeries } from '../gauges/stationLayer';
import { makeState, makeStation } from '../gauges/testFixtures';

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
      ...['standby', 'dispatched', 'en_route', 'on_scene', 'returning', 'off_duty', 'stale', 'stale-hole'].flatMap((s) => [`teams:${s}`, `teams:${s}:second-half`]),
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

  it('leaves a station under the point picked for a draft incident in sight and clickable: the pin stands on its tip and never takes a click', () => {
    // The desk drafting an incident: the officer clicked right on a gauge, and the pin is drawn there.
    const station = makeStation({ id: 'gauge-1', location: { lat: 29.25, lon: 121.85 } });
    const at = [station.location.lon, station.location.lat];
    const option = buildMapOption({ ...input, pick: { lat: station.location.lat, lon: station.location.lon } });
    const series = [...(option.series as Array<Record<string, unknown>>), stationSeries(stationMarkers([station], () => makeState('gauge-1')), { visible: true, fontSize: 14, showLabels: true, labelStyle: {}, halo: '#fff', tooltip: false }) as Record<string, unknown>];
    const withStation = silencedInPickMode({ ...option, series } as ReturnType<typeof buildMapOption>, false);
    type Drawn = { id: string; zlevel?: number; z?: number; silent?: boolean; symbolOffset?: unknown; data: Array<{ value: number[] }> };
    const drawnAt = (withStation.series as Drawn[]).filter((s) => s.data?.some((d) => d.value?.[0] === at[0] && d.value?.[1] === at[1]));
    expect(drawnAt.map((s) => s.id).sort()).toEqual(['dispatch-pick', 'stations']);
    // What a click there reaches: the topmost layer (zlevel, then z) that is not silent.
    const byDrawOrder = [...drawnAt].sort((a, b) => (b.zlevel ?? 0) - (a.zlevel ?? 0) || (b.z ?? 0) - (a.z ?? 0));
    expect(byDrawOrder.find((s) => s.silent !== true)?.id).toBe('stations');
    // The pin is drawn above the point (its tip on it), not centred over the station's symbol.
    expect(drawnAt.find((s) => s.id === 'dispatch-pick')?.symbolOffset).toEqual([0, '-50%']);
  });

  it('a zoom past a label level or new tiles redraw the place labels and the tiles alone', () => {
    expect(ids(optionForChanges(buildMapOption(input), new Set(['view'])))).toEqual(['basemap-tiles', 'place-labels']);
  });
});


describe('a push drawn in steps', () => {
  it('sets the top chart in three tasks: everything but the second half of the markers and the team labels, then each of those', () => {
    const top = splitMapOption(optionForChanges(buildMapOption(input), new Set(['points']))).top!;
    const steps = drawSteps(top);
    const stepIds = steps.map((step) => ids(step as ReturnType<typeof buildMapOption>));
    expect(stepIds).toHaveLength(3);
    expect(stepIds[0]).toContain('teams:standby');
    expect(stepIds[0]).toContain('teams-sos');
    expect(stepIds[0]).not.toContain('team-labels');
    expect(stepIds[1]).toEqual(['standby', 'dispatched', 'en_route', 'on_scene', 'returning', 'off_duty', 'stale', 'stale-hole'].map((s) => `teams:${s}:second-half`));
    expect(stepIds[2]).toEqual(['team-labels']);
    // Every series is set once.
    expect(stepIds.flat().sort()).toEqual(ids(top as ReturnType<typeof buildMapOption>).sort());
  });

  it('keeps the frame and the chart-wide settings of a scene in its first step', () => {
    const top = splitMapOption(buildMapOption(input)).top!;
    const [first, ...later] = drawSteps(top);
    expect(first!.geo).toBeDefined();
    expect(first!.tooltip).toBeDefined();
    for (const step of later) expect(Object.keys(step)).toEqual(['series']);
  });
});

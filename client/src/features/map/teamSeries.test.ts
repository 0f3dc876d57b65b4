import { describe, expect, it } from 'vitest';
import type { MapTeamMarker } from '../../env';
import { LABELLED_MARKERS_LIMIT } from './denseLayers';
import { LARGE_MARKERS_LIMIT, RIPPLE_LIMIT, markerAt, teamSeries } from './teamSeries';

const marker = (i: number, over: Partial<MapTeamMarker> = {}): MapTeamMarker => ({ id: `t${i}`, name: `队${i}`, lat: 29.4 + i * 1e-4, lon: 121.8, stale: false, heard: true, status: 'standby', source: 'fix', sos: null, ...over });
const seriesOf = (markers: MapTeamMarker[], selectedTeamId: string | null = null) =>
  teamSeries({ markers, selectedTeamId, fontSize: 20, showLabels: true, labelOf: (m) => m.name, label: {}, colours: { text: '#fff', halo: '#000' }, tooltip: false }) as Array<{ id: string; type: string; large?: boolean; data: unknown; itemStyle?: unknown }>;
const byId = (series: ReturnType<typeof seriesOf>, id: string) => series.find((s) => s.id === id)!;
const count = (data: unknown) => (data instanceof Float64Array ? data.length / 2 : (data as unknown[]).length);

describe('team markers at 5,000 units', () => {
  const markers = [
    ...Array.from({ length: 4000 }, (_, i) => marker(i)),
    ...Array.from({ length: 500 }, (_, i) => marker(4000 + i, { status: 'en_route' })),
    ...Array.from({ length: 499 }, (_, i) => marker(4500 + i, { stale: true })),
    marker(9999, { sos: 'raised' }),
  ];
  const series = seriesOf(markers, 't7');

  it('draws each status as one series with one style, in large mode, as flat coordinates a click maps back to its team', () => {
    const standby = byId(series, 'teams:standby');
    expect(standby.large).toBe(true);
    expect(count(standby.data)).toBe(3999);
    expect(standby.itemStyle).toMatchObject({ color: expect.any(String) });
    expect(markerAt(standby.data, 0)?.id).toBe('t0');
    expect(markerAt(standby.data, 7)?.id).toBe('t8');
    expect(count(byId(series, 'teams:stale').data)).toBe(499);
  });

  it('labels only the labelled few, the selected team on its own series, SOS above all', () => {
    expect(count(byId(series, 'team-labels').data)).toBe(LABELLED_MARKERS_LIMIT);
    expect((byId(series, 'team-selected').data as Array<{ id: string }>).map((d) => d.id)).toEqual(['t7']);
    expect((byId(series, 'teams-sos').data as Array<{ id: string }>).map((d) => d.id)).toEqual(['t9999']);
  });

  it('ripples active teams only while they are few: past the limit they are plain markers of their status', () => {
    expect(500).toBeGreaterThan(RIPPLE_LIMIT);
    expect(count(byId(series, 'teams-active').data)).toBe(0);
    expect(count(byId(series, 'teams:en_route').data)).toBe(500);
    const few = seriesOf([marker(1, { status: 'on_scene' }), marker(2)]);
    expect(count(byId(few, 'teams-active').data)).toBe(1);
    expect(count(byId(few, 'teams:on_scene').data)).toBe(0);
    expect(count(byId(few, 'team-labels').data)).toBe(2);
    expect(LARGE_MARKERS_LIMIT).toBe(300);
  });
});

import { describe, expect, it } from 'vitest';
import type { MapTeamMarker } from '../../env';
import { LABELLED_MARKERS_LIMIT } from './denseLayers';
import { LARGE_MARKERS_LIMIT, RIPPLE_LIMIT, markerAt, teamSeries } from './teamSeries';

const marker = (i: number, over: Partial<MapTeamMarker> = {}): MapTeamMarker => ({ id: `t${i}`, name: `队${i}`, lat: 29.4 + i * 1e-4, lon: 121.8, stale: false, heard: true, status: 'standby', source: 'fix', sos: null, ...over });
const seriesOf = (markers: MapTeamMarker[], selectedTeamId: string | null = null) =>
  teamSeries({ markers, selectedTeamId, fontSize: 20, showLabels: true, labelOf: (m) => m.name, label: {}, colours: { text: '#fff', halo: '#000' }, tooltip: false }) as Array<{ id: string; type: string; large?: boolean; data: unknown; itemStyle?: unknown }>;
const byId = (series: ReturnType<typeof seriesOf>, id: string) => series.find((s) => s.id === id)!;
const count = (data: unknown) => (data instanceof Float64Array ? data.length / 2 : (data as unknown[]).length);
/** Markers of one kind (a status, or stale) over both halves. */
const countOf = (series: ReturnType<typeof seriesOf>, key: string) => count(byId(series, `teams:${key}`).data) + count(byId(series, `teams:${key}:second-half`).data);

describe('team markers at 5,000 units', () => {
  const markers = [
    ...Array.from({ length: 4000 }, (_, i) => marker(i)),
    ...Array.from({ length: 500 }, (_, i) => marker(4000 + i, { status: 'en_route' })),
    ...Array.from({ length: 499 }, (_, i) => marker(4500 + i, { stale: true })),
    marker(9999, { sos: 'raised' }),
  ];
  const series = seriesOf(markers, 't7');

  it('draws each status as one style in two halves on two canvases, in large mode, as flat coordinates a click maps back to its team', () => {
    const standby = byId(series, 'teams:standby');
    const secondHalf = byId(series, 'teams:standby:second-half');
    expect(standby.large).toBe(true);
    expect(countOf(series, 'standby')).toBe(3999);
    expect(count(standby.data)).toBe(2000);
    expect(standby.itemStyle).toEqual(secondHalf.itemStyle);
    expect(standby.itemStyle).toMatchObject({ color: expect.any(String) });
    expect((standby as { zlevel?: number }).zlevel).not.toBe((secondHalf as { zlevel?: number }).zlevel);
    // t7 is selected (drawn on its own): the rest alternate between the halves.
    expect(markerAt(standby.data, 0)?.id).toBe('t0');
    expect(markerAt(secondHalf.data, 0)?.id).toBe('t1');
    expect(markerAt(secondHalf.data, 3)?.id).toBe('t8');
    expect(markerAt(standby.data, 4)?.id).toBe('t9');
    expect(countOf(series, 'stale')).toBe(499);
  });

  it('draws every marker with fills and at most a 1-px edge (a thicker stroke tripled the raster), stale teams as a ring of two discs', () => {
    const bulk = series.filter((s) => s.id.startsWith('teams:'));
    for (const s of bulk) expect((s.itemStyle as { borderWidth?: number }).borderWidth, s.id).toBeLessThanOrEqual(1);
    const disc = byId(series, 'teams:stale') as unknown as { symbolSize: number; data: unknown };
    const hole = byId(series, 'teams:stale-hole') as unknown as { symbolSize: number; data: unknown };
    expect(disc.symbolSize - hole.symbolSize).toBe(6);
    // A click on the hole finds the same team as one on the disc.
    expect(markerAt(hole.data, 3)?.id).toBe(markerAt(disc.data, 3)?.id);
  });

  it('labels only the labelled few, the selected team on its own series, SOS above all', () => {
    expect(count(byId(series, 'team-labels').data)).toBe(LABELLED_MARKERS_LIMIT);
    expect((byId(series, 'team-selected').data as Array<{ id: string }>).map((d) => d.id)).toEqual(['t7']);
    expect((byId(series, 'teams-sos').data as Array<{ id: string }>).map((d) => d.id)).toEqual(['t9999']);
  });

  it('ripples active teams only while they are few: past the limit they are plain markers of their status', () => {
    expect(500).toBeGreaterThan(RIPPLE_LIMIT);
    expect(count(byId(series, 'teams-active').data)).toBe(0);
    expect(countOf(series, 'en_route')).toBe(500);
    const few = seriesOf([marker(1, { status: 'on_scene' }), marker(2)]);
    expect(count(byId(few, 'teams-active').data)).toBe(1);
    expect(countOf(few, 'on_scene')).toBe(0);
    expect(count(byId(few, 'team-labels').data)).toBe(2);
    expect(LARGE_MARKERS_LIMIT).toBe(300);
  });
});

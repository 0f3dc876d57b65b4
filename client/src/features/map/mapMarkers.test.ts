import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_LAYOUT } from '@shared/schemas/wall';
import { fix } from '../positions/testFixtures';
import { team } from '../teams/testFixtures';
import { buildMarkers, markersSignature } from './mapMarkers';
import { MAP_Z, drawnTeamMarkers, teamMarkerLook } from './markerEmphasis';
import { buildMapOption, teamLabel } from './mapOption';
import { escapeHtml } from './tooltipText';

describe('map markers', () => {
  const now = 1_000_000;
  const teams = [team('a'), team('b', { base: { lat: 29.2, lon: 121.9 } })];
  const latest = new Map([['a', fix('a', now - 10_000, { lat: 29.5, lon: 121.8 })]]);

  it('draws a reporting team at its fix and a silent one at its base, stale', () => {
    const markers = buildMarkers(teams, (id) => latest.get(id), now, 60);
    expect(markers).toEqual([
      { id: 'a', name: '队伍a', lat: 29.5, lon: 121.8, stale: false, heard: true, status: 'standby', source: 'fix', sos: null },
      { id: 'b', name: '队伍b', lat: 29.2, lon: 121.9, stale: true, heard: false, status: 'standby', source: 'base', sos: null },
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

describe('a team in SOS on the map', () => {
  const now = 1_000_000;
  const teams = [team('a', { status: 'en_route' }), team('b'), team('c')];
  const latest = new Map([['a', fix('a', now - 10_000)], ['b', fix('b', now - 10_000)]]);
  const markers = buildMarkers(teams, (id) => latest.get(id), now, 60, new Map([['b', 'raised'], ['c', 'acknowledged']] as const));
  const looks = markers.map((m) => teamMarkerLook(m, m.id === 'a'));

  it('flashes until acknowledged, and is drawn above every other marker either way', () => {
    expect(looks.map(({ teamId, emphasis, flashing }) => ({ teamId, emphasis, flashing }))).toEqual([
      { teamId: 'a', emphasis: 'active', flashing: false },
      { teamId: 'b', emphasis: 'sos', flashing: true },
      { teamId: 'c', emphasis: 'sos-acknowledged', flashing: false },
    ]);
    const others = Object.entries(MAP_Z).filter(([layer]) => layer !== 'sos').map(([, z]) => z);
    for (const look of looks.slice(1)) expect(look.z).toBeGreaterThan(Math.max(...others));
  });

  it('stays on a map whose teams layer is off', () => {
    expect(drawnTeamMarkers(markers, false).map((m) => m.id)).toEqual(['b', 'c']);
    expect(drawnTeamMarkers(markers, true)).toHaveLength(3);
  });

  it('changes the redraw signature when an SOS is raised or acknowledged', () => {
    const plain = buildMarkers(teams, (id) => latest.get(id), now, 60);
    const acked = buildMarkers(teams, (id) => latest.get(id), now, 60, new Map([['b', 'acknowledged'], ['c', 'acknowledged']] as const));
    expect(new Set([markersSignature(plain), markersSignature(markers), markersSignature(acked)]).size).toBe(3);
  });

  it('every drawn series keeps the SOS layer on top', () => {
    const option = buildMapOption({
      markers,
      track: null,
      layers: DEFAULT_WALL_LAYOUT.layers,
      dark: true,
      selectedTeamId: null,
      fontSize: 14,
      staleLabels: { stale: '失联', noFix: '无定位', positionOld: '位置未更新' },
      tooltip: true,
      cameras: [{ id: 'cam', label: '摄像头', kind: 'cctv', state: 'online', lat: 29.4, lon: 121.9 }],
      places: { incidents: [{ id: 'i', label: '事件', severity: 'major', overdue: false, lat: 29.4, lon: 121.9 }], shelters: [], depots: [] },
    });
    const series = option.series as Array<{ id: string; zlevel?: number; z: number; data: Array<{ id?: string }> }>;
    const sosSeries = series.filter((s) => s.data.some((d) => d.id === 'b' || d.id === 'c'));
    expect(sosSeries.map((s) => s.id).sort()).toEqual(['teams-sos', 'teams-sos-acknowledged']);
    // A canvas layer (zlevel) is painted over every lower one whatever the z inside it.
    const drawOrder = (s: { zlevel?: number; z: number }) => (s.zlevel ?? 0) * 1000 + s.z;
    const topOfOthers = Math.max(...series.filter((s) => !sosSeries.includes(s)).map(drawOrder));
    for (const s of sosSeries) expect(drawOrder(s)).toBeGreaterThan(topOfOthers);
  });
});

describe('map tooltips', () => {
  it('escape user-written names, so markup shows as text', () => {
    expect(escapeHtml('<img src=x onerror=window.__pwned=1>')).toBe('&#60;img src=x onerror=window.__pwned=1&#62;');
    expect(escapeHtml(`<b>x</b> & "q" 'a'`)).toBe('&#60;b&#62;x&#60;/b&#62; &#38; &#34;q&#34; &#39;a&#39;');
  });

  const evil = '<img src=x onerror=window.__pwned=1>';
  const optionWith = (tooltip: boolean) =>
    buildMapOption({
      markers: buildMarkers([team('a', { name: evil }), team('b', { name: evil })], () => undefined, 0, 60, new Map([['b', 'raised']] as const)),
      track: null,
      layers: DEFAULT_WALL_LAYOUT.layers,
      dark: false,
      selectedTeamId: null,
      fontSize: 14,
      staleLabels: { stale: '失联', noFix: '无定位', positionOld: '位置未更新' },
      tooltip,
      dispatchLines: [{ dispatchId: 'd', teamId: 'a', state: 'accepted', priority: 'flash', from: [121.9, 29.4], to: [121.8, 29.3], label: evil }],
      cameras: [{ id: 'cam', label: evil, kind: 'cctv', state: 'online', lat: 29.4, lon: 121.9 }],
      places: { incidents: [{ id: 'i', label: evil, severity: 'major', overdue: false, lat: 29.4, lon: 121.9 }], shelters: [{ id: 's', label: evil, status: 'open', lat: 29.4, lon: 121.9 }], depots: [{ id: 'd', label: evil, lat: 29.4, lon: 121.9 }] },
    });
  type Series = { id: string; silent?: boolean; data: unknown[]; tooltip?: { show?: boolean; formatter?: (p: { name?: string }) => string } };
  const markerSeries = (tooltip: boolean) => (optionWith(tooltip).series as Series[]).filter((s) => !s.silent && s.data.length > 0);

  it('are escaped for every marker the map draws', () => {
    const withMarkers = markerSeries(true);
    expect(withMarkers.length).toBeGreaterThanOrEqual(7);
    for (const s of withMarkers) expect({ id: s.id, html: s.tooltip?.formatter?.({ name: evil }) }).toEqual({ id: s.id, html: escapeHtml(evil) });
  });

  // A series on the geo takes the geo's tooltip setting (off, for the townships) unless it sets its own.
  it('show on the desk map and stay off on the wall map', () => {
    for (const s of markerSeries(true)) expect({ id: s.id, show: s.tooltip?.show }).toEqual({ id: s.id, show: true });
    for (const s of markerSeries(false)) expect({ id: s.id, show: s.tooltip?.show }).toEqual({ id: s.id, show: false });
  });
});

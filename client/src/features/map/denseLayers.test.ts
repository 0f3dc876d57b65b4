import { describe, expect, it } from 'vitest';
import type { MapTeamMarker } from '../../env';
import { STALE_COLOR, STATUS_COLORS } from '../teams/statusColors';
import { labelledTeamIds } from './denseLayers';
import { drawTrails } from './trailCanvas';
import { Trail } from '../positions/trails';

const marker = (id: string, over: Partial<MapTeamMarker> = {}): MapTeamMarker => ({ id, name: id, lat: 29.4, lon: 121.8, stale: false, heard: true, status: 'standby', source: 'fix', sos: null, ...over });

describe('team layers with thousands of units', () => {
  it('a county-sized map labels every team', () => {
    expect(labelledTeamIds([marker('a'), marker('b', { stale: true })], null, 5)).toBeNull();
  });

  it('past the limit the selected team and teams on a job keep their labels, stale teams lose theirs first', () => {
    const markers = [marker('stale', { stale: true }), marker('idle1'), marker('idle2'), marker('busy', { status: 'on_scene' }), marker('picked', { stale: true })];
    expect([...(labelledTeamIds(markers, 'picked', 3) ?? [])]).toEqual(['picked', 'busy', 'idle1']);
  });

  it('draws thousands of trails as one stroke per colour, stale ones grey, none when the layer is off', () => {
    const calls: string[] = [];
    const ctx = {
      strokeStyle: '' as unknown,
      lineWidth: 0,
      lineJoin: 'miter' as CanvasLineJoin,
      globalAlpha: 1,
      clearRect: () => calls.push('clear'),
      beginPath: () => calls.push('begin'),
      moveTo: (x: number, y: number) => calls.push(`M${x},${y}`),
      lineTo: (x: number, y: number) => calls.push(`L${x},${y}`),
      stroke: () => calls.push(`stroke ${String(ctx.strokeStyle)}`),
      setTransform: () => undefined,
    };
    const path = (n: number) => Trail.of([[n, n, 1], [n + 1, n + 1, 2]]);
    const trails = [
      ...Array.from({ length: 1000 }, (_, i) => ({ teamId: `a${i}`, status: 'en_route' as const, stale: false, path: path(i) })),
      { teamId: 'b', status: 'en_route' as const, stale: true, path: path(5000) },
    ];
    drawTrails(ctx, trails, { x: (lon) => lon * 10, y: (lat) => lat * 10 }, { visible: true, width: 3 }, { width: 100, height: 100 });
    expect(calls.filter((c) => c.startsWith('stroke'))).toEqual([`stroke ${STATUS_COLORS.en_route}`, `stroke ${STALE_COLOR}`]);
    expect(calls.filter((c) => c.startsWith('M'))).toHaveLength(1001);
    expect(calls).toContain('M50000,50000');
    expect(calls).toContain('L50010,50010');
    calls.length = 0;
    drawTrails(ctx, trails, { x: (lon) => lon, y: (lat) => lat }, { visible: false, width: 3 }, { width: 100, height: 100 });
    expect(calls).toEqual(['clear']);
  });

});

import { describe, expect, it } from 'vitest';
import { distanceKm } from '@shared/typhoon/geodesy';
import { replayRange, replaySteps, stepOfTime, timeOfStep } from './replay';
import { makeStorm } from './testFixtures';
import { sceneSummary, stormScene, unwrapLine } from './typhoonScene';
import { typhoonSeries } from './typhoonSeries';

const storm = makeStorm();
const range = replayRange(storm)!;
const at = (iso: string) => Date.parse(iso);

describe('the replay slider', () => {
  it('spans the observed track in 10-minute steps and maps steps to instants and back', () => {
    expect(range).toEqual({ start: at('2026-08-09T00:00:00Z'), end: at('2026-08-09T12:00:00Z') });
    expect(replaySteps(range)).toBe(72);
    expect(new Date(timeOfStep(range, 18)).toISOString()).toBe('2026-08-09T03:00:00.000Z');
    expect(timeOfStep(range, 999)).toBe(range.end);
    expect(timeOfStep(range, -3)).toBe(range.start);
    expect(stepOfTime(range, at('2026-08-09T03:04:00Z'))).toBe(18);
  });
});

describe('the storm on the map', () => {
  it('live: the whole track, the centre at the newest point with its circles, and every agency forecast', () => {
    const scene = stormScene(storm, null);
    const [summary] = sceneSummary([scene]);
    expect(summary?.centre).toEqual({ at: '2026-08-09T12:00:00.000Z', lon: 126, lat: 26 });
    expect(scene.segments.map((s) => s.grade)).toEqual(['STS', 'TY']);
    expect(summary?.circles.level7).toBeGreaterThan(90);
    expect(summary?.circles.level12).toBe(0);
    expect(summary?.forecasts).toEqual(['BABJ', 'RJTD']);
    expect(summary?.probability).toBe(2);
  });

  it('replayed: the centre moves back along the track, the circles follow, and no forecast is shown', () => {
    const scene = stormScene(storm, at('2026-08-09T03:00:00Z'));
    expect(scene.centre?.at).toBe(at('2026-08-09T03:00:00Z'));
    const [lon, lat] = scene.centre!.lonLat;
    expect(lat).toBeGreaterThan(24.4);
    expect(lat).toBeLessThan(24.6);
    expect(lon).toBeGreaterThan(127.4);
    // Only the first point is behind us, plus the interpolated piece up to the centre.
    expect(scene.points).toHaveLength(1);
    expect(scene.segments).toHaveLength(1);
    // Before 06:00 there was no force-10 circle at both ends: no data in between.
    expect(scene.circles.level10).toBeNull();
    const north = scene.circles.level7!.reduce((a, p) => (p[1]! > a[1]! ? p : a));
    expect(distanceKm({ lat, lon }, { lat: north[1]!, lon: north[0]! })).toBeGreaterThan(240);
    expect(scene.forecasts).toEqual([]);
    expect(scene.probability).toEqual([]);
  });

  it('keeps a track crossing 180° in one piece', () => {
    expect(unwrapLine([179, -179.5, -178])).toEqual([179, 180.5, 182]);
  });

  it('keeps every series id when the layer is off, with nothing in them', () => {
    const style = { fontSize: 14, dark: true, locale: 'zh-CN', labels: { warning24: '24', warning48: '48' }, tooltip: false };
    const on = typhoonSeries([stormScene(storm, null)], { ...style, visible: true });
    const off = typhoonSeries([stormScene(storm, null)], { ...style, visible: false });
    expect(off.map((s) => s.id)).toEqual(on.map((s) => s.id));
    expect(off.every((s) => Array.isArray(s.data) && s.data.length === 0)).toBe(true);
    const forecasts = on.find((s) => s.id === 'typhoon-forecasts')!.data as Array<{ lineStyle: { type: string } }>;
    expect(forecasts.map((f) => f.lineStyle.type)).toEqual(['dashed', 'dashed']);
  });
});

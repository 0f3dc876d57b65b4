import { describe, expect, it } from 'vitest';
import { makeStorm } from './testFixtures';
import { frameKey, stormFrame } from './stormFraming';
import { stormScene } from './typhoonScene';

const COUNTY = { west: 121.55, north: 29.68, east: 122.1, south: 29.02 };

describe('the wall map framing', () => {
  it('frames the county and a live storm far at sea together: centre, its 7-level circle and the county all inside', () => {
    const scene = stormScene(makeStorm(), null);
    const frame = stormFrame(COUNTY, scene);
    expect(frame.withStorm).toBe(true);
    const { west, east, south, north } = frame.bounds;
    const [lon, lat] = scene.centre!.lonLat;
    expect([west < lon && lon < east, south < lat && lat < north]).toEqual([true, true]);
    for (const [x, y] of scene.circles.level7!) expect(west <= x! && x! <= east && south <= y! && y! <= north).toBe(true);
    expect([west <= COUNTY.west, east >= COUNTY.east, south <= COUNTY.south, north >= COUNTY.north]).toEqual([true, true, true, true]);
  });

  it('goes back to the county when no live storm is loaded: none, or a historical one (a replay, a demo)', () => {
    expect(stormFrame(COUNTY, null)).toEqual({ bounds: COUNTY, withStorm: false });
    const historical = stormScene(makeStorm({ historical: true }), null);
    expect(stormFrame(COUNTY, historical)).toEqual({ bounds: COUNTY, withStorm: false });
    expect(frameKey(stormFrame(COUNTY, historical))).toBe(frameKey({ bounds: COUNTY, withStorm: false }));
  });

  it('keeps the county framing while the centre is over the county itself', () => {
    const ashore = makeStorm();
    ashore.track = ashore.track.map((p) => ({ ...p, lat: 29.4, lon: 121.9 }));
    expect(stormFrame(COUNTY, stormScene(ashore, null))).toEqual({ bounds: COUNTY, withStorm: false });
  });

  it('moves with the storm: a new position gives a new frame', () => {
    const first = stormFrame(COUNTY, stormScene(makeStorm(), null));
    const moved = makeStorm();
    moved.track = [...moved.track, { ...moved.track.at(-1)!, at: '2026-08-09T18:00:00.000Z', lat: 27.5, lon: 124.5 }];
    expect(frameKey(stormFrame(COUNTY, stormScene(moved, null)))).not.toBe(frameKey(first));
  });
});

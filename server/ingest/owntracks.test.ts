import { describe, expect, it } from 'vitest';
import { parseOwntracks } from './owntracks';

const NOW = Date.UTC(2025, 8, 15, 6, 0, 0);
const TST = Math.floor(NOW / 1000) - 10;

describe('parseOwntracks', () => {
  it('reads a location, converting km/h to m/s', () => {
    const result = parseOwntracks({ _type: 'location', lat: 29.4611, lon: 121.87, tst: TST, tid: 'ZZ', acc: 12, alt: 8, vel: 36, cog: 180, batt: 64 }, NOW);
    expect(result).toEqual({ ok: true, type: 'location', fix: { lat: 29.4611, lon: 121.87, t: TST * 1000, speed: 10, heading: 180, accuracy: 12, altitude: 8, battery: 64, alarm: null, flag: null } });
  });

  it('leaves missing optional fields null and defaults a missing tst to now', () => {
    const result = parseOwntracks({ _type: 'location', lat: 29.1, lon: 121.9 }, NOW);
    expect(result).toEqual({ ok: true, type: 'location', fix: { lat: 29.1, lon: 121.9, t: NOW, speed: null, heading: null, accuracy: null, altitude: null, battery: null, alarm: null, flag: null } });
  });

  it('accepts other message types without a fix', () => {
    for (const type of ['lwt', 'transition', 'waypoint', 'status', 'encrypted']) {
      expect(parseOwntracks({ _type: type, tst: TST }, NOW)).toEqual({ ok: true, type, fix: null });
    }
  });

  it('refuses what is not an OwnTracks message, or a location without coordinates', () => {
    expect(parseOwntracks({ lat: 29, lon: 121 }, NOW).ok).toBe(false);
    expect(parseOwntracks([], NOW).ok).toBe(false);
    expect(parseOwntracks(undefined, NOW).ok).toBe(false);
    expect(parseOwntracks({ _type: 'location', lat: 'x', lon: 121, tst: TST }, NOW).ok).toBe(false);
    expect(parseOwntracks({ _type: 'location', lon: 121, tst: TST }, NOW).ok).toBe(false);
  });
});

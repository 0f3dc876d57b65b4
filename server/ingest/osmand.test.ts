import { describe, expect, it } from 'vitest';
import { KNOTS_TO_MPS } from './fields';
import { androidMock, androidQuery, androidSos, stationaryHeartbeat, traccarClient10Json } from './fixtures/tracker-requests';
import { parseOsmand } from './osmand';

const NOW = Date.UTC(2025, 8, 15, 6, 0, 0);
const SECONDS = Math.floor(NOW / 1000) - 30;

const ok = (result: ReturnType<typeof parseOsmand>) => {
  if (!result.ok) throw new Error(`expected a parse, got ${JSON.stringify(result.error)}`);
  return result;
};

describe('parseOsmand', () => {
  it('reads the GET query of Traccar Client, converting knots to m/s', () => {
    const result = ok(
      parseOsmand({ query: { id: 'abc123', lat: '29.4501', lon: '121.8802', timestamp: String(SECONDS), speed: '10', bearing: '45', altitude: '12.5', accuracy: '8', batt: '77' }, body: undefined }, NOW),
    );
    expect(result.key).toBe('abc123');
    expect(result.readings).toHaveLength(1);
    const [fix] = result.readings;
    expect(fix).toMatchObject({ lat: 29.4501, lon: 121.8802, t: SECONDS * 1000, heading: 45, altitude: 12.5, accuracy: 8, battery: 77 });
    expect(fix?.speed).toBeCloseTo(10 * 0.514444, 5);
  });

  it('reads a form POST with deviceid and heading, and a POST with fields in the query string', () => {
    const form = ok(parseOsmand({ query: {}, body: { deviceid: 'dev-x', lat: '29.1', lon: '121.9', heading: '90', timestamp: String(SECONDS) }, contentType: 'application/x-www-form-urlencoded' }, NOW));
    expect(form.key).toBe('dev-x');
    expect(form.readings[0]).toMatchObject({ heading: 90, speed: null, battery: null });
    const queryPost = ok(parseOsmand({ query: { id: 'q', lat: '29.2', lon: '121.8' }, body: {} }, NOW));
    expect(queryPost.readings[0]).toMatchObject({ lat: 29.2, lon: 121.8 });
  });

  it('takes epoch seconds, epoch milliseconds and ISO 8601 timestamps; missing means now', () => {
    const at = (timestamp: string | undefined) => ok(parseOsmand({ query: { id: 'k', lat: '29', lon: '121', ...(timestamp !== undefined ? { timestamp } : {}) }, body: undefined }, NOW)).readings[0]?.t;
    expect(at(String(SECONDS))).toBe(SECONDS * 1000);
    expect(at(String(SECONDS * 1000 + 250))).toBe(SECONDS * 1000 + 250);
    expect(at('2025-09-15T05:59:30Z')).toBe(Date.UTC(2025, 8, 15, 5, 59, 30));
    expect(at('2025-09-15T13:59:30+08:00')).toBe(Date.UTC(2025, 8, 15, 5, 59, 30));
    expect(at('2025-09-15 05:59:30')).toBe(Date.UTC(2025, 8, 15, 5, 59, 30));
    expect(at('1757915970.5')).toBe(1757915970500);
    expect(at(undefined)).toBe(NOW);
  });

  it('reads the JSON form (m/s, battery level 0..1) and batched locations', () => {
    const location = { timestamp: '2025-09-15T05:59:30.000Z', coords: { latitude: 29.4503, longitude: 121.8804, speed: 3, heading: 90, accuracy: 5, altitude: 20 }, battery: { level: 0.5, is_charging: false }, is_moving: true };
    const single = ok(parseOsmand({ query: {}, body: { device_id: 'json-key', location }, contentType: 'application/json' }, NOW));
    expect(single.key).toBe('json-key');
    expect(single.readings).toEqual([{ lat: 29.4503, lon: 121.8804, t: Date.UTC(2025, 8, 15, 5, 59, 30), speed: 3, heading: 90, accuracy: 5, altitude: 20, battery: 50, alarm: null, flag: null }]);
    const batch = ok(parseOsmand({ query: {}, body: { device_id: 'json-key', location: [location, { ...location, coords: { ...location.coords, speed: -1, heading: -1 }, battery: { level: -1 } }] } }, NOW));
    expect(batch.readings).toHaveLength(2);
    expect(batch.readings[1]).toMatchObject({ speed: null, heading: null, battery: null });
  });

  it('treats -1 "unknown" values as missing and accepts location=lat,lon', () => {
    const result = ok(parseOsmand({ query: { id: 'k', location: '29.3,121.7', speed: '-1', bearing: '-1', batt: '' }, body: undefined }, NOW));
    expect(result.readings[0]).toMatchObject({ lat: 29.3, lon: 121.7, speed: null, heading: null, battery: null });
    const blankBearing = ok(parseOsmand({ query: { id: 'k', lat: ' 29.3 ', lon: '121.7', bearing: ' ', heading: '90' }, body: undefined }, NOW));
    expect(blankBearing.readings[0]).toMatchObject({ lat: 29.3, heading: 90 });
  });

  it('refuses a request without an id, or whose position or timestamp is not parseable', () => {
    expect(parseOsmand({ query: { lat: '29', lon: '121' }, body: undefined }, NOW)).toMatchObject({ ok: false, error: { path: 'id' } });
    expect(parseOsmand({ query: { id: '  ', lat: '29', lon: '121' }, body: undefined }, NOW).ok).toBe(false);
    expect(parseOsmand({ query: { id: 'k', lat: 'north', lon: '' }, body: undefined }, NOW).ok).toBe(false);
    expect(parseOsmand({ query: { id: 'k', lat: '29', lon: '121', timestamp: 'yesterday' }, body: undefined }, NOW).ok).toBe(false);
    expect(parseOsmand({ query: { id: 'k', lat: '29', lon: '121', speed: 'fast' }, body: undefined }, NOW).ok).toBe(false);
    expect(parseOsmand({ query: { id: 'k', lat: '1e999', lon: '121' }, body: undefined }, NOW)).toMatchObject({ ok: false, error: { path: 'lat' } });
    expect(parseOsmand({ query: { id: 'k', lat: ['29', '30'], lon: '121' }, body: undefined }, NOW).ok).toBe(false);
    expect(parseOsmand({ query: {}, body: { location: { coords: { latitude: 29, longitude: 121 } } } }, NOW)).toMatchObject({ ok: false, error: { path: 'device_id' } });
    expect(parseOsmand({ query: {}, body: { device_id: 'k', location: { coords: { latitude: 'x', longitude: 121 } } } }, NOW).ok).toBe(false);
    expect(parseOsmand({ query: {}, body: '[1]', contentType: 'application/json' }, NOW).ok).toBe(false);
  });

  it('names the key of a request it cannot read, so a known device can still be answered 2xx', () => {
    expect(parseOsmand({ query: { id: 'k', lat: 'north', lon: '121' }, body: undefined }, NOW)).toMatchObject({ ok: false, key: 'k', error: { path: 'lat' } });
    expect(parseOsmand({ query: { lat: '29', lon: '121' }, body: undefined }, NOW)).toMatchObject({ ok: false, key: null });
  });

  it("reads Traccar Client 10's stationary heartbeat (no coordinates) as a reading without a fix, with its battery", () => {
    const result = ok(parseOsmand({ query: stationaryHeartbeat('k', SECONDS), body: undefined }, NOW));
    expect(result.readings).toEqual([{ lat: null, lon: null, t: SECONDS * 1000, speed: null, heading: null, accuracy: null, altitude: null, battery: 57, alarm: null, flag: null }]);
    expect(ok(parseOsmand({ query: { id: 'k', lat: '29' }, body: undefined }, NOW)).readings[0]).toMatchObject({ lat: null, lon: null });
    const json = ok(parseOsmand({ query: {}, body: { device_id: 'k', location: { timestamp: '2025-09-15T05:59:30Z', battery: { level: 0.3 } } }, contentType: 'application/json' }, NOW));
    expect(json.readings[0]).toMatchObject({ lat: null, lon: null, battery: 30 });
  });

  it('reads the SOS of Traccar Client (alarm=sos) and of Traccar Client 10 (location.extras.alarm)', () => {
    expect(ok(parseOsmand({ query: androidSos('k', SECONDS), body: undefined }, NOW)).readings[0]).toMatchObject({ alarm: 'sos', lat: 29.4512 });
    expect(ok(parseOsmand({ query: {}, body: { id: 'k', alarm: 'SOS' }, contentType: 'application/x-www-form-urlencoded' }, NOW)).readings[0]).toMatchObject({ alarm: 'sos', lat: null });
    const json = ok(parseOsmand({ query: {}, body: traccarClient10Json('k', '2025-09-15T05:59:30Z', { alarm: 'sos' }), contentType: 'application/json' }, NOW));
    expect(json.readings[0]).toMatchObject({ alarm: 'sos', lat: 29.4513, battery: 64 });
    const heartbeat = ok(parseOsmand({ query: {}, body: traccarClient10Json('k', '2025-09-15T05:59:30Z', { heartbeat: true }), contentType: 'application/json' }, NOW));
    expect(heartbeat.readings[0]).toMatchObject({ alarm: null });
    expect(ok(parseOsmand({ query: { ...androidQuery('k', SECONDS), alarm: 'lowBattery' }, body: undefined }, NOW)).readings[0]?.alarm).toBeNull();
  });

  it('flags a fix the device marked invalid (valid=false|0) or mock (mock=true)', () => {
    const flag = (extra: Record<string, string>) => ok(parseOsmand({ query: { ...androidQuery('k', SECONDS), ...extra }, body: undefined }, NOW)).readings[0]?.flag;
    expect(flag({})).toBeNull();
    expect(flag({ valid: 'false' })).toBe('invalid');
    expect(flag({ valid: '0' })).toBe('invalid');
    expect(flag({ valid: 'true' })).toBeNull();
    expect(ok(parseOsmand({ query: androidMock('k', SECONDS), body: undefined }, NOW)).readings[0]?.flag).toBe('mock');
    const json = traccarClient10Json('k', '2025-09-15T05:59:30Z');
    expect(ok(parseOsmand({ query: {}, body: { ...json, location: { ...json.location, mock: true } } }, NOW)).readings[0]?.flag).toBe('mock');
  });

  it('leaves range checks to plausibility', () => {
    const result = ok(parseOsmand({ query: { id: 'k', lat: '129.2', lon: '121.9', speed: '5000' }, body: undefined }, NOW));
    expect(result.readings[0]).toMatchObject({ lat: 129.2, speed: 5000 * KNOTS_TO_MPS });
  });
});

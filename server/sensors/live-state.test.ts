import { describe, expect, it } from 'vitest';
import type { Reading, StationState } from '../../shared/schemas/sensor-reading';
import { StationThresholdsSchema, type Station } from '../../shared/schemas/station';
import { parsePayload, stationCodeOf } from './mqtt-payload';
import { RainAccumulator } from './rain-accumulator';
import { StationLive, type StandingChange } from './station-live';
import { beaufortOf } from './thresholds';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-09-14T00:00:00Z');

const reading = (element: Reading['element'], observedAt: number, value: number | null): Reading => ({ stationId: 's1', element, observedAt, value, source: 'mqtt' });

function station(patch: Partial<Station> = {}): Station {
  return {
    id: 's1',
    code: 'S1',
    name: '大徐雨量站',
    kind: 'rain',
    location: { lat: 29.4, lon: 121.8 },
    township: '大徐镇',
    elements: ['rain'],
    thresholds: StationThresholdsSchema.parse({}),
    reportIntervalSeconds: 300,
    sl651: null,
    maintenance: false,
    maintenanceNote: '',
    updatedAt: new Date(T0).toISOString(),
    ...patch,
  };
}

describe('RainAccumulator', () => {
  it('sums increments over the rolling windows ending now', () => {
    const rain = new RainAccumulator();
    rain.addMessage([reading('rain', T0 - 5 * HOUR, 10)]);
    rain.addMessage([reading('rain', T0 - 2 * HOUR, 20)]);
    rain.addMessage([reading('rain', T0 - 10 * MIN, 5)]);
    expect(rain.sums(T0)).toEqual({ '1h': 5, '3h': 25, '6h': 35, '12h': 35, '24h': 35 });
    expect(rain.sums(T0 + 23 * HOUR)).toMatchObject({ '1h': 0, '24h': 5 });
  });

  it('derives rain from a running total, survives a counter restart, and ignores a late total', () => {
    const rain = new RainAccumulator();
    rain.addMessage([reading('rain_total', T0 - 50 * MIN, 1000)]); // baseline only
    rain.addMessage([reading('rain_total', T0 - 40 * MIN, 1012)]);
    rain.addMessage([reading('rain_total', T0 - 30 * MIN, 3)]); // the RTU restarted its counter at 0
    rain.addMessage([reading('rain_total', T0 - 45 * MIN, 1005)]); // arrives late: already within the step counted
    expect(rain.sums(T0)['1h']).toBe(15);
  });

  it('prefers the total when a message carries both, and the 5-minute series only alone', () => {
    const rain = new RainAccumulator();
    rain.addMessage([reading('rain_total', T0 - 2 * HOUR, 50)]);
    rain.addMessage([reading('rain_total', T0 - HOUR + MIN, 56), reading('rain', T0 - HOUR + MIN, 6), reading('rain_5min', T0 - HOUR + MIN, 6)]);
    rain.addMessage([reading('rain_5min', T0 - 10 * MIN, 1.5), reading('rain_5min', T0 - 5 * MIN, null), reading('rain_5min', T0, 0.5)]);
    expect(rain.sums(T0)['1h']).toBe(8);
  });
});

describe('StationLive thresholds', () => {
  function harness(s: Station) {
    let now = T0;
    const pushed: StationState[][] = [];
    const changes: StandingChange[] = [];
    const live = new StationLive({ clock: () => now, pushIntervalMs: 1000, publish: (states) => pushed.push(states), onStandingChange: (c) => changes.push(c) });
    live.setStation(s);
    return { live, pushed, changes, at: (t: number) => (now = t) };
  }

  it('raises the rainstorm signals in order and clears them only below the hysteresis line', () => {
    const { live, changes, at } = harness(station());
    live.apply('s1', [reading('rain', T0 - 2 * HOUR, 55)], T0);
    expect(live.state('s1')).toMatchObject({ rainSignal: 'orange', condition: 'danger' });
    live.apply('s1', [reading('rain', T0 - MIN, 50)], T0);
    expect(live.state('s1')?.rainSignal).toBe('red');
    // 3 h later the 55 mm leaves the 3-hour window: 50 mm is still orange; 6 h: yellow (50 ≥ 50).
    at(T0 + 2 * HOUR);
    live.tick();
    expect(live.state('s1')?.rainSignal).toBe('orange');
    expect(changes.map((c) => c.to.rainSignal)).toEqual(['orange', 'red', 'orange']);
  });

  it('keeps a level stage until the level is back below the line by the hysteresis', () => {
    const { live } = harness(station({ kind: 'river', thresholds: StationThresholdsSchema.parse({ level: { warning: 3.0, guaranteed: 3.5, hysteresis: 0.1 } }) }));
    const stage = (value: number | null, t: number) => {
      live.apply('s1', [reading('level', t, value)], t);
      return live.state('s1')?.levelStage;
    };
    expect([stage(2.99, T0), stage(3.0, T0 + MIN), stage(2.95, T0 + 2 * MIN), stage(2.89, T0 + 3 * MIN)]).toEqual(['normal', 'warning', 'warning', 'normal']);
    expect([stage(3.6, T0 + 4 * MIN), stage(null, T0 + 5 * MIN), stage(3.45, T0 + 6 * MIN), stage(3.39, T0 + 7 * MIN)]).toEqual(['guaranteed', 'guaranteed', 'guaranteed', 'warning']);
  });

  it('shows a station offline after three silent intervals, and in maintenance without alarms', () => {
    const { live, at, pushed } = harness(station());
    expect(live.state('s1')?.condition).toBe('no_data');
    live.apply('s1', [reading('rain', T0, 0)], T0);
    at(T0 + 15 * MIN + 1);
    live.tick();
    expect(live.state('s1')?.condition).toBe('offline');
    live.setStation(station({ maintenance: true }));
    at(T0 + 16 * MIN);
    live.apply('s1', [reading('rain', T0 + 16 * MIN, 120)], T0 + 16 * MIN);
    expect(live.state('s1')).toMatchObject({ condition: 'maintenance', rainSignal: 'red' });
    live.flush();
    expect(pushed.at(-1)?.map((s) => s.stationId)).toEqual(['s1']);
    live.flush();
    expect(pushed).toHaveLength(1);
  });

  it('reads wind force from the speed when the station sends no force', () => {
    expect([beaufortOf(0.1), beaufortOf(10.7), beaufortOf(17.2), beaufortOf(70)]).toEqual([0, 5, 8, 18]);
    const { live } = harness(station({ kind: 'wind', thresholds: StationThresholdsSchema.parse({ windBeaufort: 8, rain: [] }) }));
    live.apply('s1', [reading('wind_speed', T0, 18)], T0);
    expect(live.state('s1')).toMatchObject({ windAlarm: true, condition: 'warning' });
  });
});

describe('MQTT payloads', () => {
  it('takes one report or an array, keeps nulls as invalid, ignores unknown elements', () => {
    const parsed = parsePayload(Buffer.from(JSON.stringify([{ ts: T0, values: { rain: 1.5, level: null, humidity: 70 } }, { ts: T0 + MIN, values: { rain_total: 12 } }])));
    expect(parsed).toEqual({
      ok: true,
      messages: [
        [
          { element: 'rain', observedAt: T0, value: 1.5 },
          { element: 'level', observedAt: T0, value: null },
        ],
        [{ element: 'rain_total', observedAt: T0 + MIN, value: 12 }],
      ],
      ignoredElements: ['humidity'],
    });
  });

  it('refuses what is not a report, naming the problem', () => {
    for (const bad of ['', 'null', '{"ts":1,"values":{}}', '{"ts":1789000000000,"values":{"rain":"3"}}', '[]', '{"values":{"rain":1}}', '{"ts":1789000000000,"values":{"rain":1},"x":1}']) {
      const parsed = parsePayload(Buffer.from(bad));
      expect(parsed.ok, bad).toBe(false);
    }
    expect(stationCodeOf('tidewatch/stations/ABC-1/telemetry')).toBe('ABC-1');
    expect([stationCodeOf('tidewatch/stations//telemetry'), stationCodeOf('tidewatch/stations/a/b/telemetry'), stationCodeOf('other/x')]).toEqual([null, null, null]);
  });
});

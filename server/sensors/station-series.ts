import type { Kysely } from 'kysely';
import type { SensorElement } from '../../shared/schemas/sensor-element';
import type { Reading, StationSeries } from '../../shared/schemas/sensor-reading';
import type { Station } from '../../shared/schemas/station';
import type { Database } from '../db/schema';
import { RainAccumulator } from './rain-accumulator';
import { readReadings } from './reading-store';

const HOUR_MS = 3_600_000;
const LEVEL_ELEMENTS: readonly SensorElement[] = ['level', 'level_upstream', 'level_downstream'];
const RAIN_ELEMENTS: readonly SensorElement[] = ['rain', 'rain_total', 'rain_5min'];
const WIND_ELEMENT: SensorElement = 'wind_speed';

/**
 * What a station chart draws over the last `hours`: rainfall per clock hour (bars) and its running sum (line),
 * level elements as points (null = a gap), and the threshold lines. Readings with one observation time are taken
 * as one message, so rain is derived exactly as the live accumulation does.
 */
export async function stationSeries(db: Kysely<Database>, station: Station, hours: number, now: number): Promise<StationSeries> {
  const to = now;
  const from = Math.floor((now - hours * HOUR_MS) / HOUR_MS) * HOUR_MS;
  // One report before the window gives a running total its baseline.
  const readings = await readReadings(db, station.id, { from: from - 2 * HOUR_MS, to, elements: [...RAIN_ELEMENTS, ...LEVEL_ELEMENTS, WIND_ELEMENT], limit: 50_000 });

  const buckets = new Map<number, number>();
  for (let t = from; t <= to; t += HOUR_MS) buckets.set(t, 0);
  const accumulator = new RainAccumulator();
  const byTime = new Map<number, Reading[]>();
  for (const r of readings) if (RAIN_ELEMENTS.includes(r.element)) byTime.set(r.observedAt, [...(byTime.get(r.observedAt) ?? []), r]);
  let previous = 0;
  for (const [t, message] of [...byTime.entries()].sort(([a], [b]) => a - b)) {
    accumulator.addMessage(message);
    const total = accumulator.total();
    const added = total - previous;
    previous = total;
    const hour = Math.floor((t - 1) / HOUR_MS) * HOUR_MS; // rain observed at 10:00 fell in 09:00–10:00
    if (added > 0 && buckets.has(hour)) buckets.set(hour, round(buckets.get(hour)! + added));
  }
  const rainHourly = [...buckets.entries()].map(([hourStart, mm]) => ({ hourStart, mm }));
  let running = 0;
  const rainAccumulated = rainHourly.map(({ hourStart, mm }) => ({ t: Math.min(hourStart + HOUR_MS, to), mm: (running = round(running + mm)) }));

  const levels: StationSeries['levels'] = {};
  const wind: StationSeries['wind'] = [];
  for (const r of readings) {
    if (r.observedAt < from) continue;
    if (LEVEL_ELEMENTS.includes(r.element)) (levels[r.element] ??= []).push([r.observedAt, r.value]);
    else if (r.element === WIND_ELEMENT) wind.push([r.observedAt, r.value]);
  }
  const { level, rain, windBeaufort } = station.thresholds;
  return { stationId: station.id, from, to, rainHourly, rainAccumulated, levels, wind, thresholds: { level, rain, windBeaufort } };
}

const round = (mm: number) => Math.round(mm * 10) / 10;

import type { Kysely } from 'kysely';
import type { SensorElement } from '../../shared/schemas/sensor-element';
import type { Reading, StationSeries } from '../../shared/schemas/sensor-reading';
import type { Station } from '../../shared/schemas/station';
import type { Database } from '../db/schema';
import { RainAccumulator } from './rain-accumulator';
import { readReadings } from './reading-store';
import { levelBucketMs, peaksPerBucket, type SeriesPoint } from './series-sampling';

const HOUR_MS = 3_600_000;
const LEVEL_ELEMENTS: readonly SensorElement[] = ['level', 'level_upstream', 'level_downstream'];
const RAIN_ELEMENTS: readonly SensorElement[] = ['rain', 'rain_total', 'rain_5min'];
const WIND_ELEMENT: SensorElement = 'wind_speed';

/** Readings are read a day at a time: a week of 5-second bursts never meets a row limit or holds the pool. */
const READ_CHUNK_MS = 24 * HOUR_MS;

/**
 * What a station chart draws over the last `hours`: rainfall per clock hour (bars) and its running sum (line),
 * level elements and wind thinned to their lowest and highest reading per bucket (null = a gap), and the
 * threshold lines. Readings with one observation time are taken as one message, so rain is derived exactly as the
 * live accumulation does, and summed unrounded: the bars add up to the raw total.
 */
export async function stationSeries(db: Kysely<Database>, station: Station, hours: number, now: number): Promise<StationSeries> {
  const to = now;
  const from = Math.floor((now - hours * HOUR_MS) / HOUR_MS) * HOUR_MS;
  const levelBucket = levelBucketMs(hours * HOUR_MS);

  const buckets = new Map<number, number>();
  for (let t = from; t <= to; t += HOUR_MS) buckets.set(t, 0);
  const accumulator = new RainAccumulator();
  let previous = 0;
  const levelPoints: Partial<Record<SensorElement, SeriesPoint[]>> = {};
  const windPoints: SeriesPoint[] = [];
  // One report before the window gives a running total its baseline.
  for (let chunk = from - 2 * HOUR_MS; chunk <= to; chunk += READ_CHUNK_MS) {
    const readings = await readReadings(db, station.id, { from: chunk, to: Math.min(chunk + READ_CHUNK_MS - 1, to), elements: [...RAIN_ELEMENTS, ...LEVEL_ELEMENTS, WIND_ELEMENT] });
    const byTime = new Map<number, Reading[]>();
    for (const r of readings) {
      if (RAIN_ELEMENTS.includes(r.element)) byTime.set(r.observedAt, [...(byTime.get(r.observedAt) ?? []), r]);
      else if (r.observedAt < from) continue;
      else if (LEVEL_ELEMENTS.includes(r.element)) (levelPoints[r.element] ??= []).push([r.observedAt, r.value]);
      else if (r.element === WIND_ELEMENT) windPoints.push([r.observedAt, r.value]);
    }
    // Readings come in time order, so the map's insertion order is already the messages' order.
    for (const [t, message] of byTime) {
      accumulator.addMessage(message);
      const total = accumulator.total();
      const added = total - previous;
      previous = total;
      const hour = Math.floor((t - 1) / HOUR_MS) * HOUR_MS; // rain observed at 10:00 fell in 09:00–10:00
      if (added > 0 && buckets.has(hour)) buckets.set(hour, buckets.get(hour)! + added);
    }
  }
  let running = 0;
  const rainHourly: StationSeries['rainHourly'] = [];
  const rainAccumulated: StationSeries['rainAccumulated'] = [];
  for (const [hourStart, mm] of buckets) {
    running += mm;
    rainHourly.push({ hourStart, mm: round(mm) });
    rainAccumulated.push({ t: Math.min(hourStart + HOUR_MS, to), mm: round(running) });
  }

  const levels: StationSeries['levels'] = {};
  for (const [element, points] of Object.entries(levelPoints) as [SensorElement, SeriesPoint[]][]) levels[element] = peaksPerBucket(points, levelBucket);
  const { level, rain, windBeaufort } = station.thresholds;
  return {
    stationId: station.id,
    from,
    to,
    sampling: { levelBucketMs: levelBucket, rainBucketMs: HOUR_MS },
    rainHourly,
    rainAccumulated,
    levels,
    wind: peaksPerBucket(windPoints, levelBucket),
    thresholds: { level, rain, windBeaufort },
  };
}

/** To a thousandth of a millimetre: float noise goes, every gauge's resolution (0.01–0.5 mm) stays, so the bars add up. */
const round = (mm: number) => Math.round(mm * 1000) / 1000;

import { z } from 'zod';
import { SensorElementSchema } from './sensor-element';
import { RAIN_SIGNALS, RainThresholdSchema, LevelThresholdsSchema } from './station';

export const READING_SOURCES = ['mqtt', 'sl651', 'simulated'] as const;

/**
 * One stored reading. `value` is null when the station sent a fill value or something that cannot have been
 * measured (kept so the gap shows, never drawn as a number). Keyed by station, element and `observedAt`
 * (epoch ms, UTC): a reading resent by an RTU or redelivered by MQTT is stored once.
 */
export const ReadingSchema = z.object({
  stationId: z.string(),
  element: SensorElementSchema,
  observedAt: z.number().int(),
  value: z.number().nullable(),
  source: z.enum(READING_SOURCES),
});
export type Reading = z.infer<typeof ReadingSchema>;

/** How the wall colours a station: by its worst condition. */
export const STATION_CONDITIONS = ['no_data', 'normal', 'warning', 'danger', 'offline', 'maintenance'] as const;
export type StationCondition = (typeof STATION_CONDITIONS)[number];

export const LEVEL_STAGES = ['normal', 'warning', 'guaranteed'] as const;
export type LevelStage = (typeof LEVEL_STAGES)[number];

const RollingRainSchema = z.object({ '1h': z.number(), '3h': z.number(), '6h': z.number(), '12h': z.number(), '24h': z.number() });
export type RollingRain = z.infer<typeof RollingRainSchema>;

/**
 * A station's live state, kept in memory and pushed coalesced (`stations:batch`): latest value of each element,
 * rolling rainfall sums over the threshold windows, and where it stands against its thresholds.
 */
export const StationStateSchema = z.object({
  stationId: z.string(),
  condition: z.enum(STATION_CONDITIONS),
  /** When the server last received anything from the station (epoch ms), null if never. */
  heardAt: z.number().int().nullable(),
  latest: z.partialRecord(SensorElementSchema, z.object({ value: z.number().nullable(), observedAt: z.number().int() })),
  rain: RollingRainSchema,
  /** The strongest rainstorm signal the rolling sums meet, or null. */
  rainSignal: z.enum(RAIN_SIGNALS).nullable(),
  levelStage: z.enum(LEVEL_STAGES),
  windAlarm: z.boolean(),
});
export type StationState = z.infer<typeof StationStateSchema>;

export const ReadingQuerySchema = z.object({
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  element: SensorElementSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50_000).default(10_000),
});

/** The ranges a station chart offers (hours): a day, three days, a week. */
export const STATION_SERIES_HOURS = [24, 72, 168] as const;
export type StationSeriesHours = (typeof STATION_SERIES_HOURS)[number];
/** Bucket sizes a chart's levels and wind are thinned to (ms), the finest keeping a range within SERIES_MAX_BUCKETS. */
export const SERIES_BUCKETS_MS = [60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000] as const;
export const SERIES_MAX_BUCKETS = 720;

/** What a station chart draws (desk): hourly rainfall bars, the accumulated line, levels, threshold lines. */
export const StationSeriesQuerySchema = z.object({
  hours: z.coerce
    .number()
    .int()
    .refine((h) => (STATION_SERIES_HOURS as readonly number[]).includes(h), STATION_SERIES_HOURS.join(', '))
    .default(24),
});
export const StationSeriesSchema = z.object({
  stationId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  /**
   * How the answer is bucketed. Levels and wind (instantaneous) keep the lowest and the highest reading of each
   * `levelBucketMs` bucket at their own times (at most two points a bucket, so a crest is never lost); rain
   * (fallen per interval) is never thinned: it is summed per `rainBucketMs` bucket, so every total is exact.
   */
  sampling: z.object({ levelBucketMs: z.number().int().positive(), rainBucketMs: z.literal(3_600_000) }),
  /** Rain per clock hour (bars): `hourStart` epoch ms, `mm` fallen in that hour. */
  rainHourly: z.array(z.object({ hourStart: z.number().int(), mm: z.number() })),
  /** Running sum of `rainHourly` from `from` (the line over the bars). */
  rainAccumulated: z.array(z.object({ t: z.number().int(), mm: z.number() })),
  /** Level-type elements as [observedAt, value] pairs, lowest and highest per bucket; null values are gaps. */
  levels: z.partialRecord(SensorElementSchema, z.array(z.tuple([z.number().int(), z.number().nullable()]))),
  /** Wind speed (m/s) as [observedAt, value] pairs, lowest and highest per bucket; null values are gaps. */
  wind: z.array(z.tuple([z.number().int(), z.number().nullable()])).default([]),
  thresholds: z.object({ level: LevelThresholdsSchema.nullable(), rain: z.array(RainThresholdSchema), windBeaufort: z.number().int().nullable().default(null) }),
});
export type StationSeries = z.infer<typeof StationSeriesSchema>;

/** Per-topic and per-listener ingest counters, for admins. */
export const TopicCountersSchema = z.object({
  topic: z.string(),
  accepted: z.number().int(),
  unknownStation: z.number().int(),
  badPayload: z.number().int(),
  lastProblem: z.string().nullable(),
  lastAt: z.number().int().nullable(),
});
export const IngestStatusSchema = z.object({
  mqtt: z.object({ enabled: z.boolean(), connected: z.boolean(), url: z.string().nullable(), topics: z.array(TopicCountersSchema) }),
  sl651: z.object({
    enabled: z.boolean(),
    port: z.number().int().nullable(),
    connections: z.number().int(),
    frames: z.number().int(),
    confirmations: z.number().int(),
    corruptFrames: z.number().int(),
    garbageBytes: z.number().int(),
    unknownStations: z.array(z.object({ address: z.string(), frames: z.number().int(), lastAt: z.number().int() })),
  }),
  readingsStored: z.number().int(),
  duplicatesIgnored: z.number().int(),
});
export type IngestStatus = z.infer<typeof IngestStatusSchema>;

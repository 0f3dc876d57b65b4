import { z } from 'zod';
import { LatSchema, LonSchema } from '../geo';
import { TeamIdSchema } from './team';

/** A normalised position fix, whatever device sent it. Speeds in m/s, `t` in epoch ms (UTC). */
export const FixSchema = z.object({
  teamId: TeamIdSchema,
  deviceId: z.string(),
  lat: LatSchema,
  lon: LonSchema,
  t: z.number().int(),
  speed: z.number().min(0).max(400).nullable(),
  heading: z.number().min(0).max(360).nullable(),
  accuracy: z.number().min(0).max(100_000).nullable(),
  altitude: z.number().min(-500).max(10_000).nullable(),
  battery: z.number().min(0).max(100).nullable(),
  /** When the server received it (epoch ms); the device's own `t` may be skewed. */
  receivedAt: z.number().int().optional(),
  /** Set when the device itself marked the fix unusable: stored in history, never the live marker. */
  flag: z.enum(['invalid', 'mock']).nullable().optional(),
  /**
   * On a team's latest fix only: when the server last heard the team's device, with or without a fix
   * (server time, so boards order a team's updates by it rather than by a phone's clock).
   */
  heardAt: z.number().int().optional(),
});
export type Fix = z.infer<typeof FixSchema>;
export type FixFlag = NonNullable<Fix['flag']>;

/** What the field page sends from browser geolocation. */
export const FieldFixSchema = z
  .object({
    lat: LatSchema,
    lon: LonSchema,
    t: z.number().int(),
    speed: z.number().min(0).max(400).nullable().default(null),
    heading: z.number().min(0).max(360).nullable().default(null),
    accuracy: z.number().min(0).max(100_000).nullable().default(null),
    altitude: z.number().min(-500).max(10_000).nullable().default(null),
    battery: z.number().min(0).max(100).nullable().default(null),
  })
  .strict();
export type FieldFix = z.input<typeof FieldFixSchema>;

export const TrackQuerySchema = z.object({
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(20_000).default(5_000),
});

/**
 * A live position as pushed to boards and tablets: only what a map needs, as a tuple
 * `[teamId, lat, lon, t, speed, heading, accuracy, battery, heardAt]` (heardAt: when the server last
 * heard the team's device, which is later than `t` while a phone reports without a fix). A batch of a hundred is a third
 * of the size of the same fixes as objects, which is most of the cost of fanning out to every screen.
 */
export const LivePositionSchema = z.tuple([
  TeamIdSchema,
  LatSchema,
  LonSchema,
  z.number().int(),
  z.number().nullable(),
  z.number().nullable(),
  z.number().nullable(),
  z.number().nullable(),
  z.number().int(),
]);
export type LivePosition = z.infer<typeof LivePositionSchema>;

/** The latest position of a team as the board keeps it. */
export type LatestPosition = Pick<Fix, 'teamId' | 'lat' | 'lon' | 't' | 'speed' | 'heading' | 'accuracy' | 'battery' | 'heardAt'>;

export const toLivePosition = (fix: LatestPosition): LivePosition => [fix.teamId, fix.lat, fix.lon, fix.t, fix.speed, fix.heading, fix.accuracy, fix.battery, fix.heardAt ?? fix.t];

/** When the team was last heard: its device may report without a fix, so this can be later than `t`. */
export const heardAtOf = (fix: LatestPosition): number => Math.max(fix.t, fix.heardAt ?? fix.t);

export const fromLivePosition = ([teamId, lat, lon, t, speed, heading, accuracy, battery, heardAt]: LivePosition): LatestPosition => ({
  teamId,
  lat,
  lon,
  t,
  speed,
  heading,
  accuracy,
  battery,
  heardAt,
});

/** How far back the board's trails reach. */
export const TrailsQuerySchema = z.object({ minutes: z.coerce.number().int().min(1).max(180).default(30) });

/** One trail vertex as the server sends it: [lon, lat, t (epoch ms)]. */
export const TrailPointSchema = z.tuple([z.number(), z.number(), z.number()]);
export const TrailsSchema = z.record(TeamIdSchema, z.array(TrailPointSchema));

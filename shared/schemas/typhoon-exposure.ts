import { z } from 'zod';
import { InstantSchema } from '../time';
import { AgencySchema, GradeSchema, StormIdSchema, StormSchema } from './typhoon';

/** When a wind circle first touches a township's polygon and when it last leaves it. */
export const CircleExposureSchema = z.discriminatedUnion('state', [
  /** `leftAt` null: still touching at the end of the known track (observed, then forecast). */
  z.object({ state: z.literal('reached'), enteredAt: InstantSchema, leftAt: InstantSchema.nullable() }),
  z.object({ state: z.literal('not_reached') }),
  /** The source gives no radius for this level on the part of the track that matters (JMA has no 12-level). */
  z.object({ state: z.literal('no_data') }),
]);
export type CircleExposure = z.infer<typeof CircleExposureSchema>;

export const IntensitySchema = z.object({ windMs: z.number().nullable(), beaufort: z.number().int().nullable(), grade: GradeSchema.nullable(), pressureHpa: z.number().nullable() });
export type Intensity = z.infer<typeof IntensitySchema>;

export const ClosestApproachSchema = z.object({ at: InstantSchema, distanceKm: z.number(), intensity: IntensitySchema, forecast: z.boolean() });
export type ClosestApproach = z.infer<typeof ClosestApproachSchema>;

/** Inside each circle at the reference time: true/false, or null when that level has no data then. */
export const InsideNowSchema = z.object({ level7: z.boolean().nullable(), level10: z.boolean().nullable(), level12: z.boolean().nullable() });

export const TownshipExposureSchema = z.object({
  name: z.string(),
  point: z.object({ lat: z.number(), lon: z.number() }),
  /** At the reference time; null when the storm has no position then (before its first point or after its last). */
  distanceKm: z.number().nullable(),
  /** Bearing from the storm centre to the township, degrees clockwise from north. */
  bearingDeg: z.number().nullable(),
  insideNow: InsideNowSchema,
  closestApproach: ClosestApproachSchema,
  circles: z.object({ level7: CircleExposureSchema, level10: CircleExposureSchema, level12: CircleExposureSchema }),
});
export type TownshipExposure = z.infer<typeof TownshipExposureSchema>;

/** The county's countdown to the 7-level circle. A historical storm never counts down. */
export const CountyCountdownSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('arriving'), at: InstantSchema, minutes: z.number().int(), township: z.string() }),
  z.object({ state: z.literal('inside'), since: InstantSchema, township: z.string() }),
  z.object({ state: z.literal('passed'), leftAt: InstantSchema }),
  z.object({ state: z.literal('not_expected') }),
  z.object({ state: z.literal('historical') }),
]);
export type CountyCountdown = z.infer<typeof CountyCountdownSchema>;

export const SIGNALS = ['blue', 'yellow', 'orange', 'red'] as const;
export const SignalSchema = z.enum(SIGNALS);
export type Signal = z.infer<typeof SignalSchema>;

/**
 * The editable table turning "this circle reaches the county within N hours" into a suggested typhoon warning
 * signal. The national criteria speak of force 6/8/10/12 within 24/24/12/6 h; the circles give force 7/10/12,
 * so each row is a documented approximation the commander may change. The strongest matching row wins.
 */
export const SignalRuleSchema = z.object({ signal: SignalSchema, level: z.enum(['level7', 'level10', 'level12']), withinHours: z.number().min(0).max(96) });
export const SignalRulesSchema = z.array(SignalRuleSchema).min(1).max(12);
export type SignalRule = z.infer<typeof SignalRuleSchema>;

export const SignalSuggestionSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('suggested'), signal: SignalSchema, rule: SignalRuleSchema, reachesAt: InstantSchema }),
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('historical') }),
]);
export type SignalSuggestion = z.infer<typeof SignalSuggestionSchema>;

/** `GET /api/typhoons/:id/exposure`: per township, and the county's countdown and suggested signal. */
export const ExposureSchema = z.object({
  stormId: StormIdSchema,
  /** The reference time of the "now" fields: `?at=` or the clock, kept within the storm's known track. */
  at: InstantSchema,
  /** The forecast followed after the last observed point; null when the storm has none. */
  agency: AgencySchema.nullable(),
  historical: z.boolean(),
  townships: z.array(TownshipExposureSchema),
  county: z.object({ closestApproach: ClosestApproachSchema, level7: CountyCountdownSchema }),
  suggestion: SignalSuggestionSchema,
  signalRules: SignalRulesSchema,
});
export type Exposure = z.infer<typeof ExposureSchema>;

export const ExposureQuerySchema = z.object({ agency: AgencySchema.optional(), at: InstantSchema.optional() });

export const StormListQuerySchema = z.object({ archived: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

/** The live feed: off, or when it last answered and how old the data it gave is. */
export const FeedStatusSchema = z.object({
  enabled: z.boolean(),
  lastAttemptAt: InstantSchema.nullable(),
  lastSuccessAt: InstantSchema.nullable(),
  lastError: z.string().nullable(),
  /** Seconds since the last good data; null when there never was any. */
  ageSeconds: z.number().nullable(),
});
export type FeedStatus = z.infer<typeof FeedStatusSchema>;

export const TYPHOON_EVENT_PAYLOADS = {
  'typhoon.imported': z.object({ storm: StormSchema }),
  'typhoon.updated': z.object({ storm: StormSchema }),
  'typhoon.archived': z.object({ storm: StormSchema }),
  'typhoon.signal_rules_changed': z.object({ rules: SignalRulesSchema }),
} as const;

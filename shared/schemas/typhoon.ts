import { z } from 'zod';
import { InstantSchema } from '../time';

/** Forecasting agencies, by their WMO location indicator; the board shows the Chinese name first. */
export const AGENCIES = ['BABJ', 'RJTD', 'PGTW', 'VHHH', 'RCTP'] as const;
export const AgencySchema = z.enum(AGENCIES);
export type Agency = z.infer<typeof AgencySchema>;
export const AGENCY_NAMES: Record<Agency, { zh: string; en: string }> = {
  BABJ: { zh: '中国', en: 'China (CMA)' },
  RJTD: { zh: '日本', en: 'Japan (JMA)' },
  PGTW: { zh: '美国', en: 'United States (JTWC)' },
  VHHH: { zh: '中国香港', en: 'Hong Kong, China (HKO)' },
  RCTP: { zh: '中国台湾', en: 'Taiwan, China (CWA)' },
};

/** Grades of GB/T 19201-2006 (2-minute mean wind at the centre), weakest first. */
export const GRADES = ['TD', 'TS', 'STS', 'TY', 'STY', 'SuperTY'] as const;
export const GradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof GradeSchema>;
export const GRADE_NAMES: Record<Grade, { zh: string; en: string; minMs: number }> = {
  TD: { zh: '热带低压', en: 'Tropical depression', minMs: 10.8 },
  TS: { zh: '热带风暴', en: 'Tropical storm', minMs: 17.2 },
  STS: { zh: '强热带风暴', en: 'Severe tropical storm', minMs: 24.5 },
  TY: { zh: '台风', en: 'Typhoon', minMs: 32.7 },
  STY: { zh: '强台风', en: 'Severe typhoon', minMs: 41.5 },
  SuperTY: { zh: '超强台风', en: 'Super typhoon', minMs: 51.0 },
};

export const WIND_LEVELS = ['level7', 'level10', 'level12'] as const;
export type WindLevel = (typeof WIND_LEVELS)[number];

const Km = z.number().min(0).max(2000);
/** Radius of one wind level per quadrant, km from the centre. */
export const QuadrantRadiiSchema = z.object({ ne: Km, se: Km, sw: Km, nw: Km });
export type QuadrantRadii = z.infer<typeof QuadrantRadiiSchema>;
/** Per level: radii by quadrant, or null when the source gives no data for that level (not the same as 0 km: no such wind). */
export const WindRadiiSchema = z.object({ level7: QuadrantRadiiSchema.nullable(), level10: QuadrantRadiiSchema.nullable(), level12: QuadrantRadiiSchema.nullable() });
export type WindRadii = z.infer<typeof WindRadiiSchema>;

export const LatSchema = z.number().min(-90).max(90);
/** Longitudes are kept in (-180, 180]; a track crossing the antimeridian jumps from 179.x to -179.x. */
export const LonSchema = z.number().min(-180).max(180);

/** Wind as the source gave it, before conversion to the 2-minute mean in m/s. */
export const SourceWindSchema = z.object({ value: z.number().min(0).max(400), unit: z.enum(['kt_10min', 'ms_2min', 'ms_10min', 'beaufort']) });
export type SourceWind = z.infer<typeof SourceWindSchema>;

export const TrackPointSchema = z.object({
  at: InstantSchema,
  lat: LatSchema,
  lon: LonSchema,
  pressureHpa: z.number().min(850).max(1100).nullable(),
  /** 2-minute mean maximum wind, m/s (converted when the source used another convention). */
  windMs: z.number().min(0).max(120).nullable(),
  sourceWind: SourceWindSchema.nullable(),
  grade: GradeSchema.nullable(),
  beaufort: z.number().int().min(0).max(18).nullable(),
  /** JMA grade 6: no longer tropical. */
  extratropical: z.boolean(),
  /** Movement as the source gave it (the Zhejiang feed), else derived from the previous point. */
  moveDirectionDeg: z.number().min(0).max(360).nullable(),
  moveSpeedKmh: z.number().min(0).max(200).nullable(),
  radii: WindRadiiSchema,
});
export type TrackPoint = z.infer<typeof TrackPointSchema>;

export const ForecastPointSchema = z.object({
  at: InstantSchema,
  lat: LatSchema,
  lon: LonSchema,
  pressureHpa: z.number().min(850).max(1100).nullable(),
  windMs: z.number().min(0).max(120).nullable(),
  grade: GradeSchema.nullable(),
  radii: WindRadiiSchema,
});
export type ForecastPoint = z.infer<typeof ForecastPointSchema>;

/** One agency's latest forecast: the track from `issuedAt` on. */
export const ForecastSchema = z.object({ agency: AgencySchema, issuedAt: InstantSchema, points: z.array(ForecastPointSchema).max(200) });
export type Forecast = z.infer<typeof ForecastSchema>;

export const STORM_SOURCES = ['jma_best_track', 'best_track_csv', 'zhejiang_json', 'manual', 'feed'] as const;
export const StormSourceSchema = z.enum(STORM_SOURCES);

export const StormIdSchema = z.string().regex(/^ty-[a-z0-9-]{1,40}$/);

/**
 * A storm. `number` is the international number (YYNN, e.g. 1909 for Lekima 2019), which names the storm
 * across sources: two imports of the same number merge. `updatedAt` is the time of the latest data the storm
 * holds (the newest observed or forecast issue), its version: older data never replaces newer.
 */
export const StormSchema = z.object({
  id: StormIdSchema,
  number: z.string().regex(/^\d{4}$/),
  nameZh: z.string().max(40).nullable(),
  nameEn: z.string().max(40).nullable(),
  source: StormSourceSchema,
  /** A past storm kept for reference and demos: it never drives countdowns or suggestions. */
  historical: z.boolean(),
  archived: z.boolean(),
  updatedAt: InstantSchema,
  track: z.array(TrackPointSchema).max(2000),
  forecasts: z.array(ForecastSchema).max(AGENCIES.length),
});
export type Storm = z.infer<typeof StormSchema>;

/** What the typhoon domain adds to a snapshot (board roles; a field tablet gets none): storms not archived. */
export const TyphoonListsSchema = z.object({ typhoons: z.array(StormSchema) });

export const ImportedStormSchema = z.object({
  id: StormIdSchema,
  number: z.string(),
  nameEn: z.string().nullable(),
  /** created: new storm; merged: new points added; stale: everything in the file was older than what the storm holds. */
  outcome: z.enum(['created', 'merged', 'stale']),
  points: z.number().int(),
});
export const ImportResultSchema = z.object({ format: z.enum(['jma_best_track', 'best_track_csv', 'zhejiang_json']), storms: z.array(ImportedStormSchema) });
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** `?historical=true` marks imported storms as past ones (reference, demos). */
export const ImportQuerySchema = z.object({ historical: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

const RadiiInput = QuadrantRadiiSchema.nullable().default(null);
/** A bulletin the duty officer types from a fax or phone call: the centre now, and forecast points. */
export const ManualBulletinSchema = z.object({
  number: z.string().regex(/^\d{4}$/),
  nameZh: z.string().trim().max(40).nullable().default(null),
  nameEn: z.string().trim().max(40).nullable().default(null),
  agency: AgencySchema.default('BABJ'),
  at: InstantSchema,
  lat: LatSchema,
  lon: LonSchema,
  pressureHpa: z.number().min(850).max(1100).nullable().default(null),
  windMs: z.number().min(0).max(120).nullable().default(null),
  radii: z.object({ level7: RadiiInput, level10: RadiiInput, level12: RadiiInput }).default({ level7: null, level10: null, level12: null }),
  forecast: z
    .array(z.object({ at: InstantSchema, lat: LatSchema, lon: LonSchema, pressureHpa: z.number().min(850).max(1100).nullable().default(null), windMs: z.number().min(0).max(120).nullable().default(null) }))
    .max(40)
    .default([]),
});
export type ManualBulletin = z.infer<typeof ManualBulletinSchema>;

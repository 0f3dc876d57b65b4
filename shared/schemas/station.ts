import { z } from 'zod';
import { PointSchema } from '../geo';
import { InstantSchema } from '../time';
import { SensorElementSchema } from './sensor-element';
import { TownshipNameSchema } from './township-name';

/** 雨量站, 河道水位站, 水库水位站, 潮位站, 风速风向站. */
export const STATION_KINDS = ['rain', 'river', 'reservoir', 'tide', 'wind'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/**
 * SL 651 work modes (工作模式): M1 self-reporting, no answer; M2 self-reporting, the centre confirms each report
 * (else the RTU resends); M3 multi-packet, confirmed once complete; M4 query/answer only.
 */
export const SL651_WORK_MODES = ['M1', 'M2', 'M3', 'M4'] as const;

/** Rainfall windows a threshold may watch; the board computes these rolling sums on arrival. */
export const RAIN_WINDOWS = ['1h', '3h', '6h', '12h', '24h'] as const;
export type RainWindow = (typeof RAIN_WINDOWS)[number];
export const RAIN_WINDOW_HOURS: Record<RainWindow, number> = { '1h': 1, '3h': 3, '6h': 6, '12h': 12, '24h': 24 };

/** Rainstorm signal colours (暴雨预警信号), weakest first. */
export const RAIN_SIGNALS = ['blue', 'yellow', 'orange', 'red'] as const;
export type RainSignal = (typeof RAIN_SIGNALS)[number];

/**
 * The station code: the MQTT topic segment (`tidewatch/stations/<code>/telemetry`) and the CSV key, so it is
 * restricted to characters a topic and a file keep unchanged.
 */
export const StationCodeSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, _ and -');

export const RainThresholdSchema = z.object({
  window: z.enum(RAIN_WINDOWS),
  mm: z.number().positive().max(2_000),
  signal: z.enum(RAIN_SIGNALS),
});
export type RainThreshold = z.infer<typeof RainThresholdSchema>;

/** National rainstorm signal criteria (blue 50 mm/12 h, yellow 50 mm/6 h, orange 50 mm/3 h, red 100 mm/3 h). */
export const DEFAULT_RAIN_THRESHOLDS: readonly RainThreshold[] = [
  { window: '12h', mm: 50, signal: 'blue' },
  { window: '6h', mm: 50, signal: 'yellow' },
  { window: '3h', mm: 50, signal: 'orange' },
  { window: '3h', mm: 100, signal: 'red' },
];

/**
 * Levels in m above the station datum: 警戒水位 (warning) and 保证水位 (guaranteed); a tide station usually has
 * only a warning tide level (警戒潮位). An alarm clears once the value is `hysteresis` below the line it crossed.
 */
export const LevelThresholdsSchema = z.object({
  warning: z.number().min(-50).max(2_000).nullable(),
  guaranteed: z.number().min(-50).max(2_000).nullable(),
  hysteresis: z.number().min(0).max(5).default(0.05),
});

export const StationThresholdsSchema = z.object({
  level: LevelThresholdsSchema.nullable().default(null),
  rain: z.array(RainThresholdSchema).max(12).default(() => [...DEFAULT_RAIN_THRESHOLDS]),
  /** A rain alarm clears when the window's sum falls below (1 − this) × the threshold. */
  rainHysteresisShare: z.number().min(0).max(0.5).default(0.1),
  /** Wind force (Beaufort) at or above which the station alarms. */
  windBeaufort: z.number().int().min(1).max(17).nullable().default(null),
});
export type StationThresholds = z.output<typeof StationThresholdsSchema>;

export const Sl651SettingsSchema = z.object({
  /** 遥测站地址: 5 bytes as 10 hex digits (BCD digits for a hydrological station). */
  address: z.string().regex(/^[0-9A-Fa-f]{10}$/, '10 hex digits').transform((s) => s.toUpperCase()),
  /** 密码: 2 bytes as 4 hex digits. Shown to admins only. */
  password: z.string().regex(/^[0-9A-Fa-f]{4}$/, '4 hex digits').transform((s) => s.toUpperCase()),
  workMode: z.enum(SL651_WORK_MODES),
});
export type Sl651Settings = z.output<typeof Sl651SettingsSchema>;

/** The password as everyone but an admin sees it (in answers and events). */
export const MASKED_SL651_PASSWORD = '****';

/** SL 651 settings as shown: to everyone but admins the password is masked. */
const Sl651ShownSchema = Sl651SettingsSchema.extend({ password: z.union([z.literal(MASKED_SL651_PASSWORD), Sl651SettingsSchema.shape.password]) });

export const StationSchema = z.object({
  id: z.string(),
  code: StationCodeSchema,
  name: z.string().min(1).max(80),
  kind: z.enum(STATION_KINDS),
  location: PointSchema,
  township: z.string(),
  /** What the station reports; readings of other elements are stored but not charted. */
  elements: z.array(SensorElementSchema).max(20),
  thresholds: StationThresholdsSchema,
  /** How often the station reports; silent for 3 × this, it is shown offline. */
  reportIntervalSeconds: z.number().int().min(60).max(86_400),
  /** Null for MQTT-only stations. The password is masked (`****`) for everyone but admins. */
  sl651: Sl651ShownSchema.nullable(),
  /** In maintenance (检修): readings are kept, no alarm is raised. */
  maintenance: z.boolean(),
  maintenanceNote: z.string().max(200),
  updatedAt: InstantSchema,
});
export type Station = z.infer<typeof StationSchema>;

const StationFields = {
  code: StationCodeSchema,
  name: z.string().trim().min(1).max(80),
  kind: z.enum(STATION_KINDS),
  location: PointSchema,
  /** Derived from the location when not given. */
  township: TownshipNameSchema.optional(),
  elements: z.array(SensorElementSchema).max(20),
  thresholds: StationThresholdsSchema,
  reportIntervalSeconds: z.number().int().min(60).max(86_400),
  sl651: Sl651SettingsSchema.nullable(),
};

export const StationCreateSchema = z
  .object({
    ...StationFields,
    thresholds: StationThresholdsSchema.default(() => StationThresholdsSchema.parse({})),
    reportIntervalSeconds: StationFields.reportIntervalSeconds.default(300),
    sl651: StationFields.sl651.default(null),
  })
  .strict();
export type StationCreate = z.input<typeof StationCreateSchema>;

export const StationUpdateSchema = z.object(StationFields).partial().strict();
export type StationUpdate = z.input<typeof StationUpdateSchema>;

export const StationMaintenanceSchema = z.object({ maintenance: z.boolean(), note: z.string().trim().max(200).default('') }).strict();

/** Elements a new station of each kind reports unless the admin lists others. */
export const DEFAULT_ELEMENTS: Record<StationKind, readonly z.infer<typeof SensorElementSchema>[]> = {
  rain: ['rain', 'rain_total', 'voltage'],
  river: ['level', 'rain', 'voltage'],
  reservoir: ['level_upstream', 'level_downstream', 'rain', 'voltage'],
  tide: ['level', 'voltage'],
  wind: ['wind_speed', 'wind_dir', 'voltage'],
};

export const STATION_EVENT_PAYLOADS = {
  'station.created': z.object({ station: StationSchema }),
  'station.updated': z.object({ station: StationSchema }),
  'station.deleted': z.object({ stationId: z.string() }),
} as const;

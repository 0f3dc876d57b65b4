import { z } from 'zod';

/**
 * What a gauge measures. Rainfall in mm, levels in m above the station datum, voltage in V, wind speed in m/s,
 * wind direction in degrees from north, wind force on the Beaufort scale.
 *
 * `rain` is an increment (mm fallen since the station's previous report), `rain_total` a running total that
 * the station keeps (it may restart from 0); `rain_current` (SL 651 当前降水量) is shown, never summed. The
 * `rain_<window>` elements are totals the station computed itself over that window ending at the observation time.
 */
export const SENSOR_ELEMENTS = [
  'rain',
  'rain_total',
  'rain_current',
  'rain_1min',
  'rain_5min',
  'rain_10min',
  'rain_30min',
  'rain_1h',
  'rain_2h',
  'rain_3h',
  'rain_6h',
  'rain_12h',
  'rain_day',
  'level',
  'level_upstream',
  'level_downstream',
  'voltage',
  'wind_speed',
  'wind_dir',
  'wind_force',
] as const;
export type SensorElement = (typeof SENSOR_ELEMENTS)[number];
export const SensorElementSchema = z.enum(SENSOR_ELEMENTS);

export type ElementUnit = 'mm' | 'm' | 'V' | 'm/s' | '°' | 'Beaufort';

/** The unit of each element and the readings it can physically have; anything outside is stored as invalid. */
export const ELEMENT_RANGES: Record<SensorElement, { unit: ElementUnit; min: number; max: number }> = {
  rain: { unit: 'mm', min: 0, max: 500 },
  rain_total: { unit: 'mm', min: 0, max: 100_000 },
  rain_current: { unit: 'mm', min: 0, max: 2_000 },
  rain_1min: { unit: 'mm', min: 0, max: 50 },
  rain_5min: { unit: 'mm', min: 0, max: 100 },
  rain_10min: { unit: 'mm', min: 0, max: 150 },
  rain_30min: { unit: 'mm', min: 0, max: 300 },
  rain_1h: { unit: 'mm', min: 0, max: 400 },
  rain_2h: { unit: 'mm', min: 0, max: 600 },
  rain_3h: { unit: 'mm', min: 0, max: 700 },
  rain_6h: { unit: 'mm', min: 0, max: 1_000 },
  rain_12h: { unit: 'mm', min: 0, max: 1_500 },
  rain_day: { unit: 'mm', min: 0, max: 2_000 },
  level: { unit: 'm', min: -50, max: 2_000 },
  level_upstream: { unit: 'm', min: -50, max: 2_000 },
  level_downstream: { unit: 'm', min: -50, max: 2_000 },
  voltage: { unit: 'V', min: 0, max: 60 },
  wind_speed: { unit: 'm/s', min: 0, max: 100 },
  wind_dir: { unit: '°', min: 0, max: 360 },
  wind_force: { unit: 'Beaufort', min: 0, max: 18 },
};

/** Null when the value could not have been measured (a fill value decoded as a number, a broken sensor). */
export function plausibleValue(element: SensorElement, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const range = ELEMENT_RANGES[element];
  return value >= range.min && value <= range.max ? value : null;
}

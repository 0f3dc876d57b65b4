import { z } from 'zod';
import type { Agency, Forecast, ForecastPoint, QuadrantRadii, TrackPoint, WindRadii } from '../../../shared/schemas/typhoon';
import type { Quadrant } from '../../../shared/typhoon/circles';
import { beaufortOf, gradeFromChinese, gradeOf, toTwoMinuteMs } from '../../../shared/typhoon/wind';
import { badInput, checkLat, checkLon, MAX_RADIUS_KM, MISSING_RADIUS, orderedTrack, type ParsedStorm } from './parsed-storm';

/**
 * The Zhejiang typhoon site's storm JSON (`/Api/TyphoonInfo/<tfid>`, TyphoonInfo-style): the storm's number
 * `tfid` (YYYYNN), names, and `points[]` with Beijing times without an offset, position, `speed` (CMA's
 * 2-minute wind, m/s), `power` (Beaufort), `pressure`, movement, `radius7/10/12` and per point `forecast[]`
 * by agency (`tm`) with `forecastpoints[]`. A JSONP wrapper `callback(...)` is taken off.
 */
const Text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? '' : String(v).trim()));
const ZjForecastPoint = z.object({ time: Text, lat: Text, lng: Text, pressure: Text, speed: Text, power: Text, strong: Text }).loose();
const ZjPoint = z
  .object({
    time: Text,
    lat: Text,
    lng: Text,
    strong: Text,
    power: Text,
    speed: Text,
    pressure: Text,
    movespeed: Text,
    movedirection: Text,
    radius7: Text,
    radius10: Text,
    radius12: Text,
    forecast: z.array(z.object({ tm: Text, forecastpoints: z.array(ZjForecastPoint).nullish() }).loose()).nullish(),
  })
  .loose();
const ZjStorm = z.object({ tfid: Text, name: Text, enname: Text, points: z.array(ZjPoint) }).loose();
type ZjPointT = z.infer<typeof ZjPoint>;

/** The site names agencies in Chinese. Other agencies it may list (e.g. 韩国, 欧洲) are not among the five and are left out. */
const AGENCY_BY_NAME: Record<string, Agency> = { 中国: 'BABJ', 日本: 'RJTD', 美国: 'PGTW', 中国香港: 'VHHH', 中国台湾: 'RCTP', 香港: 'VHHH', 台湾: 'RCTP' };

/** How the four `|`-separated radii are read; the default and why are in server/typhoon/README.md. */
export type QuadrantOrder = readonly [Quadrant, Quadrant, Quadrant, Quadrant];
export const DEFAULT_QUADRANT_ORDER: QuadrantOrder = ['ne', 'se', 'sw', 'nw'];

export const unwrapJsonp = (text: string): string => {
  const trimmed = text.trim().replace(/^\uFEFF/, '');
  const m = /^[\w.$]+\(([\s\S]*)\)\s*;?$/.exec(trimmed);
  return m ? (m[1] as string) : trimmed;
};

/** "2019-08-10 01:45:00" in Beijing time (UTC+8, no daylight saving) → UTC ISO. */
export function beijingToUtc(value: string, field: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) throw badInput(null, field, `"${value}" is not a time like 2019-08-10 01:45:00`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const t = Date.UTC(y as number, (mo as number) - 1, d, (h as number) - 8, mi, s || 0);
  if (Number.isNaN(t)) throw badInput(null, field, `"${value}" is not a real time`);
  return new Date(t).toISOString();
}

/**
 * Movement direction written in Chinese compass words (北, 西北, 北西, 西北西 …) as a bearing: each character is a
 * unit step (北 north, 东 east, 南 south, 西 west) and the sum's bearing is rounded to the 16-point compass.
 */
export function bearingOfChinese(text: string): number | null {
  const steps: Record<string, [number, number]> = { 北: [0, 1], 东: [1, 0], 南: [0, -1], 西: [-1, 0] };
  let x = 0;
  let y = 0;
  for (const ch of text) {
    const s = steps[ch];
    if (s) [x, y] = [x + s[0], y + s[1]];
  }
  if (x === 0 && y === 0) return null;
  const deg = (Math.atan2(x, y) * 180) / Math.PI;
  return (Math.round((((deg % 360) + 360) % 360) / 22.5) * 22.5) % 360;
}

function radiiOf(raw: string, order: QuadrantOrder, field: string): QuadrantRadii | null {
  if (raw === '' || raw === 'null') return null;
  const parts = raw.split('|').map((p) => p.trim());
  if (parts.length !== 1 && parts.length !== 4) throw badInput(null, field, `"${raw}" is neither one radius nor four separated by |`);
  const values = parts.map((p) => (p === '' ? NaN : Number(p)));
  if (values.some((v) => !Number.isFinite(v) || v < 0)) throw badInput(null, field, `"${raw}" has a radius that is not a number of km`);
  if (values.some((v) => v === MISSING_RADIUS)) return null;
  if (values.some((v) => v > MAX_RADIUS_KM)) throw badInput(null, field, `"${raw}" has a radius over ${MAX_RADIUS_KM} km`);
  if (values.length === 1) return { ne: values[0] as number, se: values[0] as number, sw: values[0] as number, nw: values[0] as number };
  const radii = { ne: 0, se: 0, sw: 0, nw: 0 };
  order.forEach((q, i) => (radii[q] = values[i] as number));
  return radii;
}

const numOrNull = (raw: string, field: string): number | null => {
  if (raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw badInput(null, field, `"${raw}" is not a number`);
  return n;
};

function windOf(speed: string, power: string, field: string) {
  const ms = numOrNull(speed, `${field}.speed`);
  if (ms !== null && ms > 0) return { value: ms, unit: 'ms_2min' as const };
  const bf = numOrNull(power, `${field}.power`);
  return bf !== null && bf > 0 ? { value: bf, unit: 'beaufort' as const } : null;
}

function pressureOf(raw: string, field: string): number | null {
  const p = numOrNull(raw, field);
  if (p === null || p === 0) return null;
  if (p < 850 || p > 1100) throw badInput(null, field, `${p} hPa is not a plausible central pressure`);
  return p;
}

function trackPoint(p: ZjPointT, i: number, order: QuadrantOrder): TrackPoint {
  const field = `points[${i}]`;
  const sourceWind = windOf(p.speed, p.power, field);
  const windMs = sourceWind ? toTwoMinuteMs(sourceWind) : null;
  const radii: WindRadii = { level7: radiiOf(p.radius7, order, `${field}.radius7`), level10: radiiOf(p.radius10, order, `${field}.radius10`), level12: radiiOf(p.radius12, order, `${field}.radius12`) };
  return {
    at: beijingToUtc(p.time, `${field}.time`),
    lat: checkLat(numOrNull(p.lat, `${field}.lat`) ?? NaN, null, `${field}.lat`),
    lon: checkLon(numOrNull(p.lng, `${field}.lng`) ?? NaN, null, `${field}.lng`),
    pressureHpa: pressureOf(p.pressure, `${field}.pressure`),
    windMs,
    sourceWind,
    grade: windMs !== null ? gradeOf(windMs) : gradeFromChinese(p.strong),
    beaufort: windMs === null ? null : beaufortOf(windMs),
    extratropical: p.strong.includes('温带'),
    moveDirectionDeg: bearingOfChinese(p.movedirection),
    moveSpeedKmh: numOrNull(p.movespeed, `${field}.movespeed`),
    radii,
  };
}

/** Each agency's forecast from the latest observed point that carries one; points at or before the issue time are the analysis again and are dropped. */
function forecastsOf(points: ZjPointT[]): Forecast[] {
  const latest = new Map<Agency, Forecast>();
  points.forEach((p, i) => {
    const issuedAt = beijingToUtc(p.time, `points[${i}].time`);
    for (const [k, f] of (p.forecast ?? []).entries()) {
      const agency = AGENCY_BY_NAME[f.tm];
      if (!agency) continue;
      const field = `points[${i}].forecast[${k}]`;
      const fpoints = (f.forecastpoints ?? []).map((fp, j): ForecastPoint => {
        const sourceWind = windOf(fp.speed, fp.power, `${field}.forecastpoints[${j}]`);
        const windMs = sourceWind ? toTwoMinuteMs(sourceWind) : null;
        return {
          at: beijingToUtc(fp.time, `${field}.forecastpoints[${j}].time`),
          lat: checkLat(numOrNull(fp.lat, `${field}.lat`) ?? NaN, null, `${field}.forecastpoints[${j}].lat`),
          lon: checkLon(numOrNull(fp.lng, `${field}.lng`) ?? NaN, null, `${field}.forecastpoints[${j}].lng`),
          pressureHpa: pressureOf(fp.pressure, `${field}.forecastpoints[${j}].pressure`),
          windMs,
          grade: windMs !== null ? gradeOf(windMs) : gradeFromChinese(fp.strong),
          radii: { level7: null, level10: null, level12: null },
        };
      });
      const ahead = fpoints.filter((fp) => Date.parse(fp.at) > Date.parse(issuedAt)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      if (ahead.length > 0) latest.set(agency, { agency, issuedAt, points: ahead });
    }
  });
  return [...latest.values()];
}

export function parseZhejiangJson(text: string, order: QuadrantOrder = DEFAULT_QUADRANT_ORDER): ParsedStorm[] {
  let json: unknown;
  try {
    json = JSON.parse(unwrapJsonp(text));
  } catch (err) {
    throw badInput(null, 'file', `not JSON (${(err as Error).message})`);
  }
  const list = Array.isArray(json) ? json : [json];
  return list.map((entry, s) => {
    const parsed = ZjStorm.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badInput(null, [s, ...(issue?.path ?? [])].join('.'), issue?.message ?? 'not a TyphoonInfo storm');
    }
    const storm = parsed.data;
    if (!/^\d{6}$/.test(storm.tfid)) throw badInput(null, 'tfid', `"${storm.tfid}" is not a storm number like 201909`);
    if (storm.points.length === 0) throw badInput(null, 'points', 'the storm has no points');
    const sorted = storm.points.map((p, i) => ({ p, i, t: beijingToUtc(p.time, `points[${i}].time`) })).sort((a, b) => Date.parse(a.t) - Date.parse(b.t));
    const track = orderedTrack(
      sorted.map(({ p, i }) => trackPoint(p, i, order)),
      sorted.map(() => null),
    );
    return { number: storm.tfid.slice(2), nameZh: storm.name || null, nameEn: storm.enname ? storm.enname.toUpperCase() : null, source: 'zhejiang_json', track, forecasts: forecastsOf(storm.points) };
  });
}

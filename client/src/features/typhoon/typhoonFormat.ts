/** The 16 compass points, clockwise from north (message keys under `typhoon.compass`). */
export const COMPASS_POINTS = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

/** The compass point a bearing (degrees clockwise from north) is nearest to; 348.75°–11.25° is north. */
export function compassPoint(bearing: number): CompassPoint {
  const normal = ((bearing % 360) + 360) % 360;
  return COMPASS_POINTS[Math.round(normal / 22.5) % 16] as CompassPoint;
}

/** Where the storm centre lies seen from a place, given the bearing from the centre to the place. */
export const bearingOfCentreFrom = (bearingFromCentre: number): number => (((bearingFromCentre + 180) % 360) + 360) % 360;

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Day of month and hour in Beijing time (UTC+8 all year: China keeps no summer time). */
export function beijingDayHour(instant: string | number): { day: number; hour: number; minute: number } {
  const d = new Date((typeof instant === 'number' ? instant : Date.parse(instant)) + BEIJING_OFFSET_MS);
  return { day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** A forecast point's label on the map, the way bulletins write it: 「10日14时」 or "10th 14:00". */
export function forecastTimeLabel(instant: string | number, locale: string): string {
  const { day, hour } = beijingDayHour(instant);
  return locale.startsWith('zh') ? `${day}日${hour}时` : `${day}/${String(hour).padStart(2, '0')}h`;
}

/** Whole minutes from now until `at`, rounded up (a countdown never says 0 while time remains); negative when past. */
export function minutesUntil(at: string | number, now: number): number {
  const ms = (typeof at === 'number' ? at : Date.parse(at)) - now;
  return ms >= 0 ? Math.ceil(ms / 60_000) : -Math.ceil(-ms / 60_000);
}

/** A countdown's hours and minutes ("3 小时 05 分"). */
export function countdownParts(minutes: number): { hours: number; minutes: number } {
  const m = Math.max(0, minutes);
  return { hours: Math.floor(m / 60), minutes: m % 60 };
}

export const formatKm = (km: number | null): string => (km === null ? '—' : km < 10 ? km.toFixed(1) : String(Math.round(km)));

/** A `datetime-local` value read as Beijing time, as a UTC instant; null when it is not a full date and time. */
export function beijingLocalToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Radii typed per quadrant: all four blank is "no data" (null); otherwise blanks are 0 km. */
export function radiiFromInputs(inputs: Record<'ne' | 'se' | 'sw' | 'nw', string>): { ne: number; se: number; sw: number; nw: number } | null {
  const values = Object.values(inputs);
  if (values.every((v) => v.trim() === '')) return null;
  const n = (v: string) => (v.trim() === '' ? 0 : Number(v));
  return { ne: n(inputs.ne), se: n(inputs.se), sw: n(inputs.sw), nw: n(inputs.nw) };
}

/** A compact Beijing time for tables and the wall's narrow lines: `08-09 20:00`. */
export function shortBeijingTime(instant: string | number): string {
  const d = new Date((typeof instant === 'number' ? instant : Date.parse(instant)) + BEIJING_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

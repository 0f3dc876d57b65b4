import { z } from 'zod';
import { alarmOf, epochMsOf, firstIssue, flagOf, KNOTS_TO_MPS, looseNumber, numberOf, optionalNumber, timestampField, unknownIfNegative, type ParseIssue, type Reading } from './fields';

export interface IngestRequest {
  query: unknown;
  body: unknown;
  contentType?: string | undefined;
}

/**
 * `key` is the device id the tracker sent (its secret). Batched JSON uploads carry several readings.
 * A request that cannot be read still names its key when it has one: a known device is answered 2xx
 * whatever it sends, since the apps retry anything else forever, holding back every later fix.
 */
export type OsmandParse = { ok: true; key: string; readings: Reading[] } | { ok: false; key: string | null; error: ParseIssue };

/** Text or a number, not blank; checked only (see fields.ts), read with `keyOf`. */
const KeySchema = z.custom<string | number>((v) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== ''));
const keyOf = (value: string | number): string => String(value).trim();

/** The query-string / form protocol of Traccar Client and OsmAnd: speed in knots. */
const FormFixSchema = z.object({
  lat: optionalNumber,
  lon: optionalNumber,
  /** `location=lat,lon`, an alternative some clients send. */
  location: z.string().optional(),
  timestamp: timestampField,
  speed: optionalNumber,
  bearing: optionalNumber,
  heading: optionalNumber,
  altitude: optionalNumber,
  accuracy: optionalNumber,
  batt: optionalNumber,
});

const JsonLocationSchema = z.object({
  timestamp: timestampField,
  /** Missing when the app sends without a fix. */
  coords: z
    .object({
      latitude: looseNumber.optional(),
      longitude: looseNumber.optional(),
      speed: optionalNumber,
      heading: optionalNumber,
      accuracy: optionalNumber,
      altitude: optionalNumber,
    })
    .optional(),
  battery: z.object({ level: optionalNumber }).optional(),
});

/** The JSON protocol of newer Traccar Client versions: speed in m/s, battery level 0..1; batched uploads send an array. */
const JsonBodySchema = z.object({
  device_id: KeySchema.optional(),
  location: z.union([JsonLocationSchema, z.array(JsonLocationSchema).min(1).max(500)]),
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
const isEmpty = (record: Record<string, unknown>): boolean => {
  for (const _ in record) return false;
  return true;
};
const keyIn = (...candidates: unknown[]): string | null => {
  for (const candidate of candidates) {
    const parsed = KeySchema.safeParse(candidate);
    if (parsed.success) return keyOf(parsed.data);
  }
  return null;
};

/** Parses an OsmAnd request (GET query, POST form or query, or JSON). Timestamps default to `nowMs`. */
export function parseOsmand(req: IngestRequest, nowMs: number): OsmandParse {
  const query = isRecord(req.query) ? req.query : EMPTY;
  if (req.contentType?.includes('json') && !isRecord(req.body)) return { ok: false, key: keyIn(query.id, query.deviceid), error: { path: '', message: 'the JSON body is not an object' } };
  const body = isRecord(req.body) ? req.body : EMPTY;
  if ('location' in body && (isRecord(body.location) || Array.isArray(body.location))) return parseJson(body, query, nowMs);

  // Old Traccar Client versions POST with the fields in the query string and an empty body.
  const fields = body === EMPTY || isEmpty(body) ? query : { ...query, ...body };
  const key = keyIn(fields.id ?? fields.deviceid);
  if (key === null) return { ok: false, key: null, error: { path: 'id', message: 'missing' } };
  const parsed = FormFixSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, key, error: firstIssue(parsed.error) };
  const f = parsed.data;
  const pair = f.location?.split(',');
  const lat = pair ? coordinate(pair[0]) : numberOf(f.lat);
  const lon = pair ? coordinate(pair[1]) : numberOf(f.lon);
  if (pair && (lat === undefined || lon === undefined)) return { ok: false, key, error: { path: 'location', message: 'location must be lat,lon' } };
  // Without both coordinates this is a report without a fix (Traccar Client 10's stationary heartbeat).
  const positioned = lat !== undefined && lon !== undefined;
  return {
    ok: true,
    key,
    readings: [
      {
        lat: positioned ? lat : null,
        lon: positioned ? lon : null,
        t: epochMsOf(f.timestamp) ?? nowMs,
        speed: unknownIfNegative(numberOf(f.speed), KNOTS_TO_MPS),
        heading: unknownIfNegative(numberOf(f.bearing) ?? numberOf(f.heading)),
        accuracy: unknownIfNegative(numberOf(f.accuracy)),
        altitude: numberOf(f.altitude) ?? null,
        battery: unknownIfNegative(numberOf(f.batt)),
        alarm: alarmOf(fields.alarm),
        flag: flagOf(fields.valid, fields.mock),
      },
    ],
  };
}

function coordinate(text: string | undefined): number | undefined {
  const parsed = looseNumber.safeParse(text);
  return parsed.success ? numberOf(parsed.data) : undefined;
}

/** `location.extras.alarm` (Traccar Client 10's SOS), or `alarm` on the location or the body. */
const jsonAlarm = (raw: unknown, body: Record<string, unknown>): 'sos' | null => {
  const location = isRecord(raw) ? raw : EMPTY;
  const extras = isRecord(location.extras) ? location.extras : EMPTY;
  return alarmOf(extras.alarm) ?? alarmOf(location.alarm) ?? alarmOf(body.alarm);
};
const jsonFlag = (raw: unknown): Reading['flag'] => {
  const location = isRecord(raw) ? raw : EMPTY;
  const extras = isRecord(location.extras) ? location.extras : EMPTY;
  return flagOf(location.valid ?? extras.valid, location.mock ?? extras.mock);
};

function parseJson(body: Record<string, unknown>, query: Record<string, unknown>, nowMs: number): OsmandParse {
  const key = keyIn(body.device_id, query.id, query.deviceid);
  if (key === null) return { ok: false, key: null, error: { path: 'device_id', message: 'missing' } };
  const parsed = JsonBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, key, error: firstIssue(parsed.error) };
  const locations = Array.isArray(parsed.data.location) ? parsed.data.location : [parsed.data.location];
  const raws: unknown[] = Array.isArray(body.location) ? body.location : [body.location];
  return {
    ok: true,
    key,
    readings: locations.map(({ timestamp, coords, battery }, i) => {
      const lat = coords?.latitude === undefined ? undefined : numberOf(coords.latitude);
      const lon = coords?.longitude === undefined ? undefined : numberOf(coords.longitude);
      const positioned = lat !== undefined && lon !== undefined;
      return {
        lat: positioned ? lat : null,
        lon: positioned ? lon : null,
        t: epochMsOf(timestamp) ?? nowMs,
        speed: unknownIfNegative(numberOf(coords?.speed)),
        heading: unknownIfNegative(numberOf(coords?.heading)),
        accuracy: unknownIfNegative(numberOf(coords?.accuracy)),
        altitude: numberOf(coords?.altitude) ?? null,
        battery: unknownIfNegative(numberOf(battery?.level), 100),
        alarm: jsonAlarm(raws[i], body),
        flag: jsonFlag(raws[i]),
      };
    }),
  };
}

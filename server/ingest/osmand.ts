import { z } from 'zod';
import { epochMsOf, firstIssue, KNOTS_TO_MPS, looseNumber, numberOf, optionalNumber, timestampField, unknownIfNegative, type FixFields, type ParseIssue } from './fields';

export interface IngestRequest {
  query: unknown;
  body: unknown;
  contentType?: string | undefined;
}

/** `key` is the device id the tracker sent (its secret). Batched JSON uploads carry several fixes. */
export type OsmandParse = { ok: true; key: string; fixes: FixFields[] } | { ok: false; error: ParseIssue };

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
  coords: z.object({
    latitude: looseNumber,
    longitude: looseNumber,
    speed: optionalNumber,
    heading: optionalNumber,
    accuracy: optionalNumber,
    altitude: optionalNumber,
  }),
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

/** Parses an OsmAnd request (GET query, POST form or query, or JSON). Timestamps default to `nowMs`. */
export function parseOsmand(req: IngestRequest, nowMs: number): OsmandParse {
  const query = isRecord(req.query) ? req.query : EMPTY;
  if (req.contentType?.includes('json') && !isRecord(req.body)) return { ok: false, error: { path: '', message: 'the JSON body is not an object' } };
  const body = isRecord(req.body) ? req.body : EMPTY;
  if ('location' in body && (isRecord(body.location) || Array.isArray(body.location))) return parseJson(body, query, nowMs);

  // Old Traccar Client versions POST with the fields in the query string and an empty body.
  const fields = body === EMPTY || isEmpty(body) ? query : { ...query, ...body };
  const key = KeySchema.safeParse(fields.id ?? fields.deviceid);
  if (!key.success) return { ok: false, error: { path: 'id', message: 'missing' } };
  const parsed = FormFixSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const f = parsed.data;
  const pair = f.location?.split(',');
  const lat = pair ? coordinate(pair[0]) : numberOf(f.lat);
  const lon = pair ? coordinate(pair[1]) : numberOf(f.lon);
  if (lat === undefined || lon === undefined) return { ok: false, error: { path: 'lat', message: 'lat and lon must be numbers' } };
  return {
    ok: true,
    key: keyOf(key.data),
    fixes: [
      {
        lat,
        lon,
        t: epochMsOf(f.timestamp) ?? nowMs,
        speed: unknownIfNegative(numberOf(f.speed), KNOTS_TO_MPS),
        heading: unknownIfNegative(numberOf(f.bearing) ?? numberOf(f.heading)),
        accuracy: unknownIfNegative(numberOf(f.accuracy)),
        altitude: numberOf(f.altitude) ?? null,
        battery: unknownIfNegative(numberOf(f.batt)),
      },
    ],
  };
}

function coordinate(text: string | undefined): number | undefined {
  const parsed = looseNumber.safeParse(text);
  return parsed.success ? numberOf(parsed.data) : undefined;
}

function parseJson(body: Record<string, unknown>, query: Record<string, unknown>, nowMs: number): OsmandParse {
  const key = KeySchema.safeParse(body.device_id ?? query.id ?? query.deviceid);
  if (!key.success) return { ok: false, error: { path: 'device_id', message: 'missing' } };
  const parsed = JsonBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const locations = Array.isArray(parsed.data.location) ? parsed.data.location : [parsed.data.location];
  return {
    ok: true,
    key: keyOf(key.data),
    fixes: locations.map(({ timestamp, coords, battery }) => ({
      lat: numberOf(coords.latitude),
      lon: numberOf(coords.longitude),
      t: epochMsOf(timestamp) ?? nowMs,
      speed: unknownIfNegative(numberOf(coords.speed)),
      heading: unknownIfNegative(numberOf(coords.heading)),
      accuracy: unknownIfNegative(numberOf(coords.accuracy)),
      altitude: numberOf(coords.altitude) ?? null,
      battery: unknownIfNegative(numberOf(battery?.level), 100),
    })),
  };
}

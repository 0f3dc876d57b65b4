import { z } from 'zod';
import { firstIssue, KNOTS_TO_MPS, looseNumber, optionalNumber, timestampField, unknownIfNegative, type FixFields, type ParseIssue } from './fields';

export interface IngestRequest {
  query: unknown;
  body: unknown;
  contentType?: string | undefined;
}

/** `key` is the device id the tracker sent (its secret). Batched JSON uploads carry several fixes. */
export type OsmandParse = { ok: true; key: string; fixes: FixFields[] } | { ok: false; error: ParseIssue };

const KeySchema = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().min(1));

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

/** Parses an OsmAnd request (GET query, POST form or query, or JSON). Timestamps default to `nowMs`. */
export function parseOsmand(req: IngestRequest, nowMs: number): OsmandParse {
  const query = isRecord(req.query) ? req.query : {};
  if (req.contentType?.includes('json') && !isRecord(req.body)) return { ok: false, error: { path: '', message: 'the JSON body is not an object' } };
  const body = isRecord(req.body) ? req.body : {};
  if ('location' in body && (isRecord(body.location) || Array.isArray(body.location))) return parseJson(body, query, nowMs);

  // Old Traccar Client versions POST with the fields in the query string and an empty body.
  const fields = { ...query, ...body };
  const key = KeySchema.safeParse(fields.id ?? fields.deviceid);
  if (!key.success) return { ok: false, error: { path: 'id', message: 'missing' } };
  const parsed = FormFixSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const f = parsed.data;
  const [lat, lon] = f.location !== undefined ? f.location.split(',').map((s) => looseNumber.safeParse(s).data) : [f.lat, f.lon];
  if (lat === undefined || lon === undefined) return { ok: false, error: { path: 'lat', message: 'lat and lon must be numbers' } };
  return {
    ok: true,
    key: key.data,
    fixes: [
      {
        lat,
        lon,
        t: f.timestamp ?? nowMs,
        speed: unknownIfNegative(f.speed, KNOTS_TO_MPS),
        heading: unknownIfNegative(f.bearing ?? f.heading),
        accuracy: unknownIfNegative(f.accuracy),
        altitude: f.altitude ?? null,
        battery: unknownIfNegative(f.batt),
      },
    ],
  };
}

function parseJson(body: Record<string, unknown>, query: Record<string, unknown>, nowMs: number): OsmandParse {
  const key = KeySchema.safeParse(body.device_id ?? query.id ?? query.deviceid);
  if (!key.success) return { ok: false, error: { path: 'device_id', message: 'missing' } };
  const parsed = JsonBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const locations = Array.isArray(parsed.data.location) ? parsed.data.location : [parsed.data.location];
  return {
    ok: true,
    key: key.data,
    fixes: locations.map(({ timestamp, coords, battery }) => ({
      lat: coords.latitude,
      lon: coords.longitude,
      t: timestamp ?? nowMs,
      speed: unknownIfNegative(coords.speed),
      heading: unknownIfNegative(coords.heading),
      accuracy: unknownIfNegative(coords.accuracy),
      altitude: coords.altitude ?? null,
      battery: unknownIfNegative(battery?.level, 100),
    })),
  };
}

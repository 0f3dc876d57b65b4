import { z } from 'zod';
import { epochMsOf, firstIssue, KMH_TO_MPS, looseNumber, numberOf, optionalNumber, timestampField, unknownIfNegative, type ParseIssue, type Reading } from './fields';

/** Every OwnTracks message has a `_type`; only `location` carries a fix (others: transition, waypoint, lwt, ...). */
export type OwntracksParse = { ok: true; type: string; fix: Reading | null } | { ok: false; error: ParseIssue };

const EnvelopeSchema = z.object({ _type: z.string().min(1).max(40) });

const LocationSchema = z.object({
  lat: looseNumber,
  lon: looseNumber,
  tst: timestampField,
  acc: optionalNumber,
  alt: optionalNumber,
  /** km/h */
  vel: optionalNumber,
  cog: optionalNumber,
  batt: optionalNumber,
});

/** Parses an OwnTracks HTTP message. `tid` is display-only and never identifies the device. */
export function parseOwntracks(body: unknown, nowMs: number): OwntracksParse {
  const envelope = EnvelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, error: firstIssue(envelope.error) };
  const type = envelope.data._type;
  if (type !== 'location') return { ok: true, type, fix: null };
  const parsed = LocationSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const m = parsed.data;
  return {
    ok: true,
    type,
    fix: {
      lat: numberOf(m.lat),
      lon: numberOf(m.lon),
      t: epochMsOf(m.tst) ?? nowMs,
      speed: unknownIfNegative(numberOf(m.vel), KMH_TO_MPS),
      heading: unknownIfNegative(numberOf(m.cog)),
      accuracy: unknownIfNegative(numberOf(m.acc)),
      altitude: numberOf(m.alt) ?? null,
      battery: unknownIfNegative(numberOf(m.batt)),
      alarm: null,
      flag: null,
    },
  };
}

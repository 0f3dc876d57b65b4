import { z } from 'zod';
import { SENSOR_ELEMENTS, type SensorElement } from '../../shared/schemas/sensor-element';
import type { IncomingReading } from './sensor-ingest';

export const TOPIC_PREFIX = 'tidewatch/stations/';
export const TOPIC_SUFFIX = '/telemetry';
export const TOPIC_FILTER = `${TOPIC_PREFIX}+${TOPIC_SUFFIX}`;
/** MQTT 5 shared subscription: the broker gives each message to one member of the group. */
export const sharedTopicFilter = (group: string) => `$share/${group}/${TOPIC_FILTER}`;

/** The station code of a telemetry topic, or null for any other topic. */
export function stationCodeOf(topic: string): string | null {
  if (!topic.startsWith(TOPIC_PREFIX) || !topic.endsWith(TOPIC_SUFFIX)) return null;
  const code = topic.slice(TOPIC_PREFIX.length, topic.length - TOPIC_SUFFIX.length);
  return code.length > 0 && !code.includes('/') ? code : null;
}

const MessageSchema = z
  .object({
    /** Observation time, epoch ms (UTC). */
    ts: z.number().int().min(946_684_800_000).max(4_102_444_800_000),
    values: z.record(z.string(), z.number().nullable()),
  })
  .strict();
const PayloadSchema = z.union([MessageSchema, z.array(MessageSchema).min(1).max(1_000)]);

const ELEMENT_NAMES: ReadonlySet<string> = new Set(SENSOR_ELEMENTS);

export type ParsedPayload = { ok: true; messages: IncomingReading[][]; ignoredElements: string[] } | { ok: false; problem: string };

/**
 * `{"ts": <ms>, "values": {"<element>": <number>}}` or an array of them; each object is one report (its rain is
 * derived on its own). A value of null is stored as an invalid reading; an element name we do not know is
 * ignored and reported, the rest of the message is kept.
 */
export function parsePayload(payload: Buffer): ParsedPayload {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ') };
  const ignored = new Set<string>();
  const messages = (Array.isArray(parsed.data) ? parsed.data : [parsed.data]).map((message) =>
    Object.entries(message.values).flatMap(([name, value]): IncomingReading[] => {
      if (!ELEMENT_NAMES.has(name)) {
        ignored.add(name);
        return [];
      }
      return [{ element: name as SensorElement, observedAt: message.ts, value }];
    }),
  );
  return { ok: true, messages, ignoredElements: [...ignored] };
}

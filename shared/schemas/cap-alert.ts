import { z } from 'zod';
import { InstantSchema } from '../time';

/** A received CAP 1.1/1.2 alert, as kept after import: every `<info>` block (one per language) and its areas. */

/** [lon, lat] rings, closed, WGS84: what the map draws. */
export const CapAreaSchema = z.object({
  description: z.string(),
  polygons: z.array(z.array(z.tuple([z.number(), z.number()]))),
  circles: z.array(z.object({ lat: z.number(), lon: z.number(), radiusKm: z.number() })),
  geocodes: z.array(z.object({ valueName: z.string(), value: z.string() })),
  /** Where the drawn shape came from: the alert's own polygons/circles, a known outline for its area code, or nothing. */
  drawnFrom: z.enum(['alert', 'township', 'county']),
  /**
   * For `township`, the township whose outline (shared/townships.ts) to draw; for `county`, the county code
   * when the alert named it, or null when the area code is unknown and the county outline stands in.
   */
  outlineOf: z.string().nullable(),
});
export type CapArea = z.infer<typeof CapAreaSchema>;

export const CapInfoSchema = z.object({
  language: z.string(),
  category: z.array(z.string()),
  event: z.string(),
  urgency: z.string(),
  severity: z.string(),
  certainty: z.string(),
  eventCodes: z.array(z.object({ valueName: z.string(), value: z.string() })),
  parameters: z.array(z.object({ valueName: z.string(), value: z.string() })),
  effective: InstantSchema.nullable(),
  onset: InstantSchema.nullable(),
  expires: InstantSchema.nullable(),
  senderName: z.string(),
  headline: z.string(),
  description: z.string(),
  instruction: z.string(),
  web: z.string(),
  areas: z.array(CapAreaSchema),
});
export type CapInfo = z.infer<typeof CapInfoSchema>;

/** active; `updated` or `cancelled` once a later alert referenced it. */
export const CAP_ALERT_STATES = ['active', 'updated', 'cancelled'] as const;

export const CapAlertSchema = z.object({
  id: z.string(),
  capVersion: z.enum(['1.1', '1.2']),
  identifier: z.string(),
  sender: z.string(),
  sent: InstantSchema,
  status: z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']),
  msgType: z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']),
  scope: z.string(),
  /** sender + identifier of the earlier alerts this one updates or cancels. */
  references: z.array(z.object({ sender: z.string(), identifier: z.string() })),
  infos: z.array(CapInfoSchema),
  state: z.enum(CAP_ALERT_STATES),
  replacedById: z.string().nullable(),
  /** `upload` or the feed URL it was polled from. */
  source: z.string(),
  receivedAt: InstantSchema,
});
export type CapAlert = z.infer<typeof CapAlertSchema>;

/** A summary that lists what an import did: the new alert and those it updated or cancelled. */
export const CapImportResultSchema = z.object({ alert: CapAlertSchema, replaced: z.array(z.string()), duplicate: z.boolean() });
export type CapImportResult = z.infer<typeof CapImportResultSchema>;

export const CapXmlBodySchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'Send the CAP XML itself as the body, with Content-Type application/xml.');
export const CapAlertListQuerySchema = z.object({ state: z.enum(CAP_ALERT_STATES).optional() }).strict();

export const CAP_EVENT_PAYLOADS = {
  'cap.received': z.object({ alert: CapAlertSchema }),
  'cap.replaced': z.object({ alert: CapAlertSchema, replacedBy: z.string() }),
};

import { z } from 'zod';
import { ALARM_KINDS, ALARM_SEVERITIES, ALARM_SOUNDS, ALARM_STATES } from '../enums';
import { InstantSchema } from '../time';

export const AlarmSchema = z.object({
  id: z.string(),
  kind: z.enum(ALARM_KINDS),
  severity: z.enum(ALARM_SEVERITIES),
  sound: z.enum(ALARM_SOUNDS),
  /** What raised it, e.g. `team`/`t-xxx`; one open alarm per kind and source. */
  sourceType: z.string(),
  sourceId: z.string(),
  /** Parameters for the localised message, e.g. `{ teamName, lastSeenAt }`. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  state: z.enum(ALARM_STATES),
  raisedAt: InstantSchema,
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: InstantSchema.nullable(),
  clearedAt: InstantSchema.nullable(),
  /** 演练: about a drill's record (a drill task overdue, a drill shelter full); shown marked, never in the real figures. */
  exercise: z.boolean().default(false),
});
export type Alarm = z.infer<typeof AlarmSchema>;

export const AlarmAcknowledgeSchema = z.object({ alarmId: z.string().min(1).max(64) }).strict();

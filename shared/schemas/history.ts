import { z } from 'zod';
import { InstantSchema } from '../time';
import { ActorSchema } from './actor';

/** The records whose history ("who did what when") the log answers. */
export const HISTORY_KINDS = ['dispatch', 'incident', 'team', 'shelter', 'warning', 'alarm', 'supply_run'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const HistoryParamsSchema = z.object({ kind: z.enum(HISTORY_KINDS), id: z.string().min(1).max(64) });

/** At most this many entries, the newest; `truncated` says older ones were left out. */
export const MAX_HISTORY_ENTRIES = 1000;

export const HistoryEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: InstantSchema,
  /** The event type, e.g. `dispatch.stepped`; the UI words it. */
  type: z.string(),
  actor: ActorSchema,
  /** A few facts of the change for the UI to word: states, counts, names. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistorySchema = z.object({
  kind: z.enum(HISTORY_KINDS),
  id: z.string(),
  /** The record's name or code as last recorded (null when the log never named it). */
  label: z.string().nullable(),
  entries: z.array(HistoryEntrySchema),
  truncated: z.boolean(),
});
export type History = z.infer<typeof HistorySchema>;

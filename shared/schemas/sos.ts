import { z } from 'zod';
import { AlarmSchema } from './alarm';
import { ActionIdSchema } from './dispatch';
import { FieldFixSchema } from './position';

/** A field tablet's SOS: its position goes to the map and a top-priority alarm to the desk and the wall. */
export const SosRequestSchema = z
  .object({ actionId: ActionIdSchema, position: FieldFixSchema, note: z.string().trim().max(200).default('') })
  .strict();
export type SosRequest = z.input<typeof SosRequestSchema>;

export const SosResultSchema = z.object({ alarm: AlarmSchema, positionAccepted: z.boolean() });
export type SosResult = z.infer<typeof SosResultSchema>;

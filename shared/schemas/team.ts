import { z } from 'zod';
import { TEAM_KINDS, TEAM_STATUSES } from '../enums';
import { PointSchema } from '../geo';
import { InstantSchema } from '../time';

export const TeamIdSchema = z.string().min(1).max(64);

export const TeamSchema = z.object({
  id: TeamIdSchema,
  name: z.string().min(1).max(80),
  kind: z.enum(TEAM_KINDS),
  leader: z.string().max(40),
  phone: z.string().max(40),
  headcount: z.number().int().min(0).max(10_000),
  capabilities: z.array(z.string().min(1).max(40)).max(30),
  baseName: z.string().max(80),
  base: PointSchema,
  township: z.string().max(40).nullable(),
  status: z.enum(TEAM_STATUSES),
  updatedAt: InstantSchema,
});
export type Team = z.infer<typeof TeamSchema>;

export const TeamCreateSchema = TeamSchema.omit({ id: true, updatedAt: true, status: true }).extend({
  status: z.enum(TEAM_STATUSES).default('standby'),
});
export type TeamCreate = z.input<typeof TeamCreateSchema>;

export const TeamUpdateSchema = TeamCreateSchema.partial().strict();
export type TeamUpdate = z.infer<typeof TeamUpdateSchema>;

export const TeamStatusChangeSchema = z.object({ status: z.enum(TEAM_STATUSES) }).strict();

import { z } from 'zod';

/** Who made a change. Lives apart from the event schemas so domain schemas can use it without an import cycle. */
export const ActorSchema = z.object({
  type: z.enum(['user', 'device', 'system']),
  id: z.string(),
  name: z.string(),
});
export type Actor = z.infer<typeof ActorSchema>;

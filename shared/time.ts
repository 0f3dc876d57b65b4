import { z } from 'zod';

/** Instants travel and are stored as ISO 8601 UTC strings; the UI shows them in Asia/Shanghai. */
export const InstantSchema = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof InstantSchema>;

export const nowIso = (clock: () => number = Date.now): string => new Date(clock()).toISOString();

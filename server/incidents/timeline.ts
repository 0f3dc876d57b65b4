import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { TimelineEntry } from '../../shared/schemas/incident-record';
import type { Database } from '../db/schema';

export type TimelineDraft = Pick<TimelineEntry, 'kind' | 'text' | 'params'>;

/** Appends an entry to an incident's timeline (in the caller's transaction). */
export async function appendTimeline(tx: Transaction<Database>, incidentId: string, draft: TimelineDraft, author: string, at: string): Promise<TimelineEntry> {
  const entry: TimelineEntry = { id: randomUUID(), incidentId, at, author, ...draft };
  const last = await tx.selectFrom('incident_timeline').select((eb) => eb.fn.max('position').as('position')).where('incident_id', '=', incidentId).executeTakeFirst();
  const position = Number(last?.position ?? 0) + 1;
  await tx
    .insertInto('incident_timeline')
    .values({ id: entry.id, incident_id: incidentId, position, at, kind: entry.kind, text: entry.text, params: JSON.stringify(entry.params), author })
    .execute();
  return entry;
}

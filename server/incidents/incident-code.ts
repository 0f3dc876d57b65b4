import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** China has one time zone and no daylight saving: Beijing time is UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export const beijingDay = (ms: number): string => new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');

/**
 * The next incident code of a Beijing-time day, e.g. 20250915-003. The counter row is upserted in the
 * incident's transaction, so concurrent intakes (PostgreSQL) wait for each other instead of colliding.
 */
export async function nextIncidentCode(tx: Transaction<Database>, reportedAtMs: number): Promise<string> {
  const day = beijingDay(reportedAtMs);
  const row = await tx
    .insertInto('settings')
    .values({ key: `incident_seq:${day}`, value: '1' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`cast(cast(settings.value as integer) + 1 as text)` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return `${day}-${row.value.padStart(3, '0')}`;
}

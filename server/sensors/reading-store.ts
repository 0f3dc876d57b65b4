import type { Kysely } from 'kysely';
import { SENSOR_ELEMENTS, type SensorElement } from '../../shared/schemas/sensor-element';
import { READING_SOURCES, type Reading } from '../../shared/schemas/sensor-reading';
import type { Database } from '../db/schema';
import type { ReadingRow } from './schema';

/** Rows per INSERT: 6 columns each stays far below both dialects' parameter limits. */
const INSERT_CHUNK_ROWS = 400;

const key = (r: { stationId: string; element: string; observedAt: number }) => `${r.stationId}\u0000${r.element}\u0000${r.observedAt}`;

export function toReading(row: ReadingRow): Reading {
  return {
    stationId: row.station_id,
    element: SENSOR_ELEMENTS.find((e) => e === row.element) ?? 'rain',
    observedAt: Number(row.observed_at),
    value: row.value === null ? null : Number(row.value),
    source: READING_SOURCES.find((s) => s === row.source) ?? 'mqtt',
  };
}

/**
 * Stores readings once: a reading whose station, element and observation time are already stored (an RTU's
 * resend, an MQTT redelivery) is skipped. Returns the readings that were new, so rainfall is summed once.
 */
export async function insertReadings(db: Kysely<Database>, readings: readonly Reading[], receivedAt: number): Promise<Reading[]> {
  if (readings.length === 0) return [];
  // Duplicates inside one batch would make the multi-row insert ambiguous: keep the first.
  const unique = new Map<string, Reading>();
  for (const reading of readings) if (!unique.has(key(reading))) unique.set(key(reading), reading);
  const rows = [...unique.values()];
  const inserted = new Set<string>();
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK_ROWS) {
      const stored = await tx
        .insertInto('readings')
        .values(
          rows.slice(i, i + INSERT_CHUNK_ROWS).map((r) => ({
            station_id: r.stationId,
            element: r.element,
            observed_at: r.observedAt,
            value: r.value,
            source: r.source,
            received_at: receivedAt,
          })),
        )
        .onConflict((oc) => oc.columns(['station_id', 'element', 'observed_at']).doNothing())
        .returning(['station_id', 'element', 'observed_at'])
        .execute();
      for (const row of stored) inserted.add(key({ stationId: row.station_id, element: row.element, observedAt: Number(row.observed_at) }));
    }
  });
  return rows.filter((r) => inserted.has(key(r)));
}

export interface ReadingRange {
  from: number;
  to: number;
  element?: SensorElement;
  elements?: readonly SensorElement[];
  /** At most this many (the earliest); none when the caller bounds the range itself. */
  limit?: number;
}

export async function readReadings(db: Kysely<Database>, stationId: string, range: ReadingRange): Promise<Reading[]> {
  let query = db
    .selectFrom('readings')
    .selectAll()
    .where('station_id', '=', stationId)
    .where('observed_at', '>=', range.from)
    .where('observed_at', '<=', range.to);
  if (range.element) query = query.where('element', '=', range.element);
  if (range.elements) query = query.where('element', 'in', [...range.elements]);
  query = query.orderBy('observed_at').orderBy('element');
  if (range.limit !== undefined) query = query.limit(range.limit);
  const rows = await query.execute();
  return rows.map(toReading);
}

/** Everything observed since `from` (all stations), to rebuild the live states at boot. */
export async function readingsSince(db: Kysely<Database>, from: number): Promise<Reading[]> {
  const rows = await db.selectFrom('readings').selectAll().where('observed_at', '>=', from).orderBy('observed_at').execute();
  return rows.map(toReading);
}

/** Deletes one station's readings observed before `before` (the retention job goes station by station). */
export async function deleteReadingsBefore(db: Kysely<Database>, before: number, stationId: string): Promise<number> {
  const result = await db.deleteFrom('readings').where('station_id', '=', stationId).where('observed_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function stationIdsWithReadings(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('readings').select('station_id').distinct().execute();
  return rows.map((r) => r.station_id);
}

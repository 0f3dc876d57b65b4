import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DomainEvent, EventType } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import type { EventRow } from '../events/schema';
import { yieldToEventLoop } from '../db/yield';
import { audienceFilter, type Viewer } from '../visibility/policy';

/** Events per query: a page is parsed and handed on before the next is read. */
export const LOG_PAGE_ROWS = 2_000;

export interface LogRange {
  /** Inclusive lower bound (ISO instant); null: from the log's beginning. */
  fromIso: string | null;
  /** Exclusive upper bound (ISO instant). */
  toIso: string;
  /** Only these event types; all when left out. */
  types?: readonly EventType[];
  viewer: Viewer;
}

/** Where a page ended: the next page starts after this (at, seq). */
export interface LogCursor {
  at: string;
  seq: number;
}

type EventsQuery = SelectQueryBuilder<Database, 'events', EventRow>;

/** Only the audiences the viewer may see: the visibility policy's filter, as SQL. */
export function visibleTo<Q extends EventsQuery>(query: Q, viewer: Viewer): Q {
  const filter = audienceFilter(viewer);
  if (filter.kind === 'only') return (filter.audiences.length > 0 ? query.where('audience', 'in', filter.audiences) : query.where(sql<boolean>`1 = 0`)) as Q;
  if (filter.kind === 'except' && filter.audiences.length > 0) return query.where('audience', 'not in', filter.audiences) as Q;
  return query;
}

export const toEvent = (row: EventRow): DomainEvent =>
  ({ seq: Number(row.seq), at: row.at, type: row.type, actor: JSON.parse(row.actor), payload: JSON.parse(row.payload) }) as DomainEvent;

/** One page of the range after `cursor`, in time order (at, then seq), at most `limit` events. */
export async function readLogPage(db: Kysely<Database>, range: LogRange, cursor: LogCursor | null, limit = LOG_PAGE_ROWS): Promise<DomainEvent[]> {
  let query = db.selectFrom('events').selectAll().where('at', '<', range.toIso) as EventsQuery;
  if (range.fromIso !== null) query = query.where('at', '>=', range.fromIso);
  if (range.types) query = range.types.length > 0 ? query.where('type', 'in', [...range.types]) : query.where(sql<boolean>`1 = 0`);
  if (cursor) query = query.where((eb) => eb.or([eb('at', '>', cursor.at), eb.and([eb('at', '=', cursor.at), eb('seq', '>', cursor.seq)])]));
  const rows = await visibleTo(query, range.viewer).orderBy('at').orderBy('seq').limit(limit).execute();
  return rows.map(toEvent);
}

/**
 * Every event of the range in time order, read a page at a time: only one page is held in memory, and the
 * event loop gets a turn between pages.
 */
export async function* readLog(db: Kysely<Database>, range: LogRange, pageRows = LOG_PAGE_ROWS): AsyncGenerator<DomainEvent> {
  let cursor: LogCursor | null = null;
  for (;;) {
    const page = await readLogPage(db, range, cursor, pageRows);
    for (const event of page) yield event;
    if (page.length < pageRows) return;
    const last = page[page.length - 1] as DomainEvent;
    cursor = { at: last.at, seq: last.seq };
    await yieldToEventLoop();
  }
}

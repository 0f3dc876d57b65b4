import { SqliteAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Fix } from '../../shared/schemas/position';
import { SQLITE_SYNCHRONOUS, type Store } from '../db/database';
import type { Database } from '../db/schema';
import type { PositionRow } from './schema';
import { yieldToEventLoop } from '../db/yield';

/** Rows per INSERT: 12 columns each keeps a statement far below both dialects' parameter limits. */
export const INSERT_CHUNK_ROWS = 250;
const TEAMS_PER_QUERY = 200;

export const toFix = (row: PositionRow): Fix => ({
  teamId: row.team_id,
  deviceId: row.device_id,
  lat: row.lat,
  lon: row.lon,
  t: Number(row.t),
  speed: row.speed,
  heading: row.heading,
  accuracy: row.accuracy,
  altitude: row.altitude,
  battery: row.battery,
  ...(row.received_at === null ? {} : { receivedAt: Number(row.received_at) }),
  ...(row.flag === 'invalid' || row.flag === 'mock' ? { flag: row.flag } : {}),
});

const toRow = (fix: Fix): PositionRow => ({
  device_id: fix.deviceId,
  team_id: fix.teamId,
  t: fix.t,
  lat: fix.lat,
  lon: fix.lon,
  speed: fix.speed,
  heading: fix.heading,
  accuracy: fix.accuracy,
  altitude: fix.altitude,
  battery: fix.battery,
  received_at: fix.receivedAt ?? null,
  flag: fix.flag ?? null,
});

const POSITION_COLUMNS = ['device_id', 'team_id', 't', 'lat', 'lon', 'speed', 'heading', 'accuracy', 'altitude', 'battery', 'received_at', 'flag'] as const;
const APPEND_POSITION_SQL = `insert into positions (${POSITION_COLUMNS.join(', ')}) values (${POSITION_COLUMNS.map(() => '?').join(', ')}) on conflict (device_id, t) do nothing`;

/** How the hub writes history: on a SQLite file, the background connection; otherwise `insertFixes`. */
export function historyWriter(store: Store): (fixes: readonly Fix[]) => Promise<void> {
  const background = store.background;
  if (!background) return (fixes) => insertFixes(store.db, fixes);
  return (fixes) => {
    // In POSITION_COLUMNS order; a row per fix, so a flush of thousands copies only what the worker needs.
    const rows = new Array<unknown[]>(fixes.length);
    for (let i = 0; i < fixes.length; i++) {
      const f = fixes[i] as Fix;
      rows[i] = [f.deviceId, f.teamId, f.t, f.lat, f.lon, f.speed, f.heading, f.accuracy, f.altitude, f.battery, f.receivedAt ?? null, f.flag ?? null];
    }
    return background.runForEachRow(APPEND_POSITION_SQL, rows);
  };
}

/**
 * Appends fixes in one transaction; a fix already stored (same device and time: a resend) is skipped.
 * History is telemetry that may lose its last flush interval in a crash, so these commits skip the
 * disk sync that state changes wait for: SQLite runs them with synchronous=NORMAL (still safe against
 * a killed process), PostgreSQL with synchronous_commit off. Each touches a page per team, so a
 * synced commit here stalls everything else under load.
 */
export async function insertFixes(db: Kysely<Database>, fixes: readonly Fix[]): Promise<void> {
  if (fixes.length === 0) return;
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.connection().execute(async (conn) => {
    if (sqlite) await sql`pragma synchronous = NORMAL`.execute(conn);
    try {
      await conn.transaction().execute(async (tx: Transaction<Database>) => {
        if (!sqlite) await sql`set local synchronous_commit = off`.execute(tx);
        for (let i = 0; i < fixes.length; i += INSERT_CHUNK_ROWS) {
          if (i > 0) await yieldToEventLoop();
          await tx
            .insertInto('positions')
            .values(fixes.slice(i, i + INSERT_CHUNK_ROWS).map(toRow))
            .onConflict((oc) => oc.columns(['device_id', 't']).doNothing())
            .execute();
        }
      });
    } finally {
      if (sqlite) await sql.raw(`pragma synchronous = ${SQLITE_SYNCHRONOUS}`).execute(conn);
    }
  });
}

/**
 * The latest stored unflagged fix of every existing team: one descent of the (team_id, t) index per team for
 * the time (both dialects turn a correlated max() into an index probe), then the rows by key, in
 * chunks. A GROUP BY over positions would read all of history instead.
 */
export async function selectLatestPerTeam(db: Kysely<Database>): Promise<Fix[]> {
  const latest = await db
    .selectFrom('teams')
    .select((eb) => ['teams.id as teamId', eb.selectFrom('positions').select((e) => e.fn.max('positions.t').as('t')).whereRef('positions.team_id', '=', 'teams.id').where('positions.flag', 'is', null).as('t')])
    .execute();
  const keys = latest.filter((k): k is { teamId: string; t: number } => k.t !== null && k.t !== undefined);
  const byTeam = new Map<string, Fix>();
  for (let i = 0; i < keys.length; i += TEAMS_PER_QUERY) {
    const chunk = keys.slice(i, i + TEAMS_PER_QUERY);
    const rows = await db
      .selectFrom('positions')
      .selectAll()
      .where(({ or, and, eb }) => or(chunk.map((k) => and([eb('team_id', '=', k.teamId), eb('t', '=', Number(k.t))]))))
      .where('flag', 'is', null)
      .execute();
    // Two devices of a team may share the latest instant; either will do.
    for (const row of rows) if (!byTeam.has(row.team_id)) byTeam.set(row.team_id, toFix(row));
  }
  return [...byTeam.values()];
}

/**
 * Fixes of the given teams since `sinceMs`, ascending per team, without those the device flagged (the map's trails). An explicit team list lets both
 * dialects range-scan the (team_id, t) index per team; there is no index on t alone.
 */
export async function selectSince(db: Kysely<Database>, teamIds: readonly string[], sinceMs: number): Promise<Fix[]> {
  const fixes: Fix[] = [];
  for (let i = 0; i < teamIds.length; i += TEAMS_PER_QUERY) {
    const rows = await db
      .selectFrom('positions')
      .selectAll()
      .where('team_id', 'in', teamIds.slice(i, i + TEAMS_PER_QUERY))
      .where('t', '>=', sinceMs)
      .where('flag', 'is', null)
      .orderBy('team_id')
      .orderBy('t')
      .execute();
    for (const row of rows) fixes.push(toFix(row));
  }
  return fixes;
}

/** The latest `limit` fixes of a team in [fromMs, toMs], ascending. */
export async function selectTrack(db: Kysely<Database>, teamId: string, fromMs: number, toMs: number, limit: number): Promise<Fix[]> {
  const rows = await db
    .selectFrom('positions')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('t', '>=', fromMs)
    .where('t', '<=', toMs)
    .orderBy('t', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toFix).reverse();
}

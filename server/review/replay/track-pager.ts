import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { ReplayTracks } from '../../../shared/schemas/replay';
import type { Database } from '../../db/schema';

const TEAMS_PER_QUERY = 200;
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

interface DecimatedRow {
  team_id: string;
  t: number | string;
  lat: number;
  lon: number;
}

/**
 * Every team's fixes in [fromMs, toMs), thinned in the database to the first fix of each `resolutionMs` step:
 * each dialect walks the (team_id, t) index once per team and sends only one row per step, so a page holds
 * at most teams × steps fixes however often the units reported.
 */
export async function decimatedTracks(db: Kysely<Database>, teamIds: readonly string[], fromMs: number, toMs: number, resolutionMs: number, pageFromMs: number): Promise<ReplayTracks> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  // A literal, not a parameter: PostgreSQL matches DISTINCT ON to ORDER BY by expression, and $1 ≠ $2.
  const step = sql.lit(Math.max(1, Math.trunc(resolutionMs)));
  const teams: string[] = [];
  const index = new Map<string, number>();
  const fixes: number[] = [];
  for (let i = 0; i < teamIds.length; i += TEAMS_PER_QUERY) {
    const chunk = teamIds.slice(i, i + TEAMS_PER_QUERY);
    const ids = sql.join(chunk.map((id) => sql`${id}`));
    const query = sqlite
      ? sql<DecimatedRow>`select team_id, min(t) as t, lat, lon from positions where team_id in (${ids}) and t >= ${fromMs} and t < ${toMs} and flag is null group by team_id, t / ${step} order by team_id, t`
      : sql<DecimatedRow>`select distinct on (team_id, t / ${step}) team_id, t, lat, lon from positions where team_id in (${ids}) and t >= ${fromMs} and t < ${toMs} and flag is null order by team_id, t / ${step}, t`;
    const { rows } = await query.execute(db);
    for (const row of rows) {
      let k = index.get(row.team_id);
      if (k === undefined) {
        k = teams.push(row.team_id) - 1;
        index.set(row.team_id, k);
      }
      fixes.push(k, (Number(row.t) - pageFromMs) / 1000, round5(row.lat), round5(row.lon));
    }
  }
  return { teams, fixes };
}

/**
 * Each team's last fix before `atMs` (offsets relative to it, so negative), however long ago: where a replay
 * that starts or seeks there draws a unit, silent if that fix is old. One index probe per team.
 */
export async function lastFixesBefore(db: Kysely<Database>, teamIds: readonly string[], atMs: number): Promise<ReplayTracks> {
  const teams: string[] = [];
  const fixes: number[] = [];
  for (let i = 0; i < teamIds.length; i += TEAMS_PER_QUERY) {
    const latest = await db
      .selectFrom('teams')
      .select((eb) => ['teams.id as teamId', eb.selectFrom('positions').select((e) => e.fn.max('positions.t').as('t')).whereRef('positions.team_id', '=', 'teams.id').where('positions.t', '<', atMs).where('positions.flag', 'is', null).as('t')])
      .where('teams.id', 'in', teamIds.slice(i, i + TEAMS_PER_QUERY))
      .execute();
    const keys = latest.filter((k): k is { teamId: string; t: number } => k.t !== null && k.t !== undefined);
    if (keys.length === 0) continue;
    const rows = await db
      .selectFrom('positions')
      .select(['team_id', 't', 'lat', 'lon'])
      .where(({ or, and, eb }) => or(keys.map((k) => and([eb('team_id', '=', k.teamId), eb('t', '=', Number(k.t))]))))
      .execute();
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.team_id)) continue;
      seen.add(row.team_id);
      fixes.push(teams.push(row.team_id) - 1, (Number(row.t) - atMs) / 1000, round5(row.lat), round5(row.lon));
    }
  }
  return { teams, fixes };
}

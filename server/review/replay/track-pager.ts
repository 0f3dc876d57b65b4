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

import type { Kysely } from 'kysely';
import { ACTIVE_ASSIGNMENT_STATES, type Dispatch, type DispatchDetail, type DispatchListQuery, type DispatchStep } from '../../shared/schemas/dispatch';
import { visibleTeams, type Viewer } from '../visibility/policy';
import type { Database } from '../db/schema';
import type { DispatchRow } from './schema';
import { forbidden, notFound } from '../errors';
import { currentOrders, isQueued, toAssignment, toDispatchCore, toStep, type Db } from './dispatch-rows';

/** The one team a viewer is limited to by the visibility policy ('' when none), or null for every team. */
function onlyTeamOf(viewer: Viewer): string | null {
  const scope = visibleTeams(viewer);
  return scope.all ? null : (scope.teamIds[0] ?? '');
}

/** The board shows a dispatch for a day after its last assignment ended. */
const RECENT_MS = 24 * 3_600_000;
const SNAPSHOT_LIMIT = 500;

/**
 * Reads dispatches as a viewer may see them: the board sees every team's assignment, a field tablet only
 * its own team's dispatches, each with its own team's assignment only.
 */
export class DispatchReader {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(id: string, viewer: Viewer, db: Db = this.db): Promise<Dispatch> {
    const row = await db.selectFrom('dispatches').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Dispatch');
    const [dispatch] = await this.assemble(db, [row], viewer);
    if (!dispatch || dispatch.assignments.length === 0) throw forbidden('This dispatch is not for your team.');
    return dispatch;
  }

  async detail(id: string, viewer: Viewer): Promise<DispatchDetail> {
    const dispatch = await this.get(id, viewer);
    let query = this.db.selectFrom('dispatch_steps').selectAll().where('dispatch_id', '=', id);
    const only = onlyTeamOf(viewer);
    if (only !== null) query = query.where('team_id', '=', only);
    const steps = await query.orderBy('seq').orderBy('team_id').execute();
    return { dispatch, timeline: steps.map(toStep) };
  }

  /** The latest `limit` steps over all dispatches, newest first (a field viewer: its own team's). */
  async feed(limit: number, viewer: Viewer): Promise<DispatchStep[]> {
    let query = this.db.selectFrom('dispatch_steps').selectAll();
    const only = onlyTeamOf(viewer);
    if (only !== null) query = query.where('team_id', '=', only);
    const steps = await query.orderBy('seq', 'desc').orderBy('team_id').limit(limit).execute();
    return steps.map(toStep);
  }

  /** Newest first. A field viewer's list is always limited to its own team. */
  async list(filter: DispatchListQuery, viewer: Viewer): Promise<Dispatch[]> {
    const teamId = onlyTeamOf(viewer) ?? filter.teamId;
    let query = this.db.selectFrom('dispatches').selectAll();
    if (filter.incidentId) query = query.where('incident_id', '=', filter.incidentId);
    if (teamId !== undefined || filter.state || filter.active) {
      query = query.where('id', 'in', (eb) => {
        let sub = eb.selectFrom('dispatch_assignments').select('dispatch_id');
        if (teamId !== undefined) sub = sub.where('team_id', '=', teamId);
        if (filter.state) sub = sub.where('state', '=', filter.state);
        if (filter.active) sub = sub.where('state', 'in', [...ACTIVE_ASSIGNMENT_STATES]);
        return sub;
      });
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
    return this.assemble(this.db, rows, viewer);
  }

  /** A team's active dispatches, current first (what its tablets are re-sent after every reconnect). */
  async activeForTeam(teamId: string, viewer: Viewer): Promise<Dispatch[]> {
    const rows = await this.db
      .selectFrom('dispatches')
      .innerJoin('dispatch_assignments as a', 'a.dispatch_id', 'dispatches.id')
      .selectAll('dispatches')
      .where('a.team_id', '=', teamId)
      .where('a.state', 'in', [...ACTIVE_ASSIGNMENT_STATES])
      .orderBy('a.queue_order')
      .execute();
    return this.assemble(this.db, rows, viewer);
  }

  /** For the snapshot: active dispatches and those touched in the last day, newest first. */
  async forSnapshot(db: Db, viewer: Viewer): Promise<Dispatch[]> {
    const since = new Date(this.clock() - RECENT_MS).toISOString();
    const rows = await db
      .selectFrom('dispatches')
      .selectAll()
      .where('id', 'in', (eb) => {
        let sub = eb
          .selectFrom('dispatch_assignments')
          .select('dispatch_id')
          .where((w) => w.or([w('state', 'in', [...ACTIVE_ASSIGNMENT_STATES]), w('updated_at', '>=', since)]));
        const only = onlyTeamOf(viewer);
        if (only !== null) sub = sub.where('team_id', '=', only);
        return sub;
      })
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(SNAPSHOT_LIMIT)
      .execute();
    return this.assemble(db, rows, viewer);
  }

  private async assemble(db: Db, rows: DispatchRow[], viewer: Viewer): Promise<Dispatch[]> {
    if (rows.length === 0) return [];
    let query = db.selectFrom('dispatch_assignments').selectAll().where('dispatch_id', 'in', rows.map((r) => r.id));
    const only = onlyTeamOf(viewer);
    if (only !== null) query = query.where('team_id', '=', only);
    const assignments = await query.orderBy('team_id').execute();
    const current = await currentOrders(db, [...new Set(assignments.map((a) => a.team_id))]);
    const byDispatch = new Map<string, Dispatch['assignments']>();
    for (const a of assignments) {
      const list = byDispatch.get(a.dispatch_id) ?? [];
      list.push(toAssignment(a, isQueued(a, current)));
      byDispatch.set(a.dispatch_id, list);
    }
    return rows.map((row) => ({ ...toDispatchCore(row), assignments: byDispatch.get(row.id) ?? [] }));
  }
}

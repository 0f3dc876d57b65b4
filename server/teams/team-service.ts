import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { TeamStatus } from '../../shared/enums';
import type { Actor } from '../../shared/schemas/event';
import { TeamCreateSchema, TeamStatusChangeSchema, TeamUpdateSchema, type Team } from '../../shared/schemas/team';
import type { Principal } from '../auth/principal';
import type { Database } from '../db/schema';
import type { TeamRow } from './schema';
import { conflict, forbidden, notFound } from '../errors';
import type { Transactor } from '../events/transactor';
import { visibleTeams } from '../visibility/policy';

export const toTeam = (row: TeamRow): Team => ({
  id: row.id,
  name: row.name,
  kind: row.kind as Team['kind'],
  leader: row.leader,
  phone: row.phone,
  headcount: row.headcount,
  capabilities: JSON.parse(row.capabilities),
  baseName: row.base_name,
  base: { lat: row.base_lat, lon: row.base_lon },
  township: row.township,
  status: row.status as TeamStatus,
  updatedAt: row.updated_at,
});

const toRow = (team: Team): TeamRow => ({
  id: team.id,
  name: team.name,
  kind: team.kind,
  leader: team.leader,
  phone: team.phone,
  headcount: team.headcount,
  capabilities: JSON.stringify(team.capabilities),
  base_name: team.baseName,
  base_lat: team.base.lat,
  base_lon: team.base.lon,
  township: team.township,
  status: team.status,
  updated_at: team.updatedAt,
});

/** Statuses a field team may set for itself; the others follow its dispatches or the desk. */
const SELF_SET_STATUSES: readonly TeamStatus[] = ['standby', 'off_duty'];

export class TeamService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  async list(viewer?: Principal): Promise<Team[]> {
    let query = this.db.selectFrom('teams').selectAll();
    const scope = viewer ? visibleTeams(viewer) : { all: true as const };
    if (!scope.all) query = query.where('id', 'in', scope.teamIds.length > 0 ? scope.teamIds : ['']);
    return (await query.orderBy('name').execute()).map(toTeam);
  }

  async get(id: string, db: Kysely<Database> | Transaction<Database> = this.db): Promise<Team> {
    const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Team');
    return toTeam(row);
  }

  async create(data: z.output<typeof TeamCreateSchema>, actor: Actor, id: string = `team-${randomUUID().slice(0, 8)}`): Promise<Team> {
    const team: Team = { ...data, id, updatedAt: this.now() };
    await this.transactor.run(async (tx, record) => {
      await tx.insertInto('teams').values(toRow(team)).execute();
      await record({ type: 'team.created', actor, payload: { team } });
    });
    return team;
  }

  async update(id: string, patch: z.output<typeof TeamUpdateSchema>, actor: Actor): Promise<Team> {
    return this.transactor.run(async (tx, record) => {
      const team: Team = { ...(await this.get(id, tx)), ...patch, updatedAt: this.now() };
      await tx.updateTable('teams').set(toRow(team)).where('id', '=', id).execute();
      await record({ type: 'team.updated', actor, payload: { team } });
      return team;
    });
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.transactor.run(async (tx, record) => {
      await this.get(id, tx);
      const bound = await tx.selectFrom('devices').select('id').where('team_id', '=', id).where('revoked', '=', 0).executeTakeFirst();
      const members = await tx.selectFrom('users').select('id').where('team_id', '=', id).executeTakeFirst();
      if (bound || members) throw conflict('The team still has devices or members; move or revoke them first.');
      await tx.deleteFrom('teams').where('id', '=', id).execute();
      await record({ type: 'team.deleted', actor, payload: { teamId: id } });
    });
  }

  async setStatus(id: string, input: z.output<typeof TeamStatusChangeSchema>, principal: Principal, actor: Actor): Promise<Team> {
    const { status } = input;
    if (principal.role === 'field') {
      if (principal.teamId !== id) throw forbidden('A field user may only change its own team.');
      if (!SELF_SET_STATUSES.includes(status)) throw forbidden('A team sets only 待命 or 休整 itself; other statuses follow its dispatches.');
    }
    return this.transactor.run(async (tx, record) => {
      const current = await this.get(id, tx);
      if (current.status === status) return current;
      const team: Team = { ...current, status, updatedAt: this.now() };
      await tx.updateTable('teams').set({ status, updated_at: team.updatedAt }).where('id', '=', id).execute();
      await record({ type: 'team.status_changed', actor, payload: { team, from: current.status } });
      return team;
    });
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}

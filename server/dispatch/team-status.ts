import type { Transaction } from 'kysely';
import type { TeamStatus } from '../../shared/enums';
import type { Actor } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import type { RecordEvent } from '../events/transactor';
import { toTeam } from '../teams/team-service';

/**
 * Sets a team's status inside a dispatch step's transaction, so the board never sees a step without the
 * status it implies. A team that no longer exists or already has the status is left alone.
 */
export async function setTeamStatusWithin(tx: Transaction<Database>, record: RecordEvent, teamId: string, status: TeamStatus, actor: Actor, now: string): Promise<void> {
  const row = await tx.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
  if (!row || row.status === status) return;
  const team = { ...toTeam(row), status, updatedAt: now };
  await tx.updateTable('teams').set({ status, updated_at: now }).where('id', '=', teamId).execute();
  await record({ type: 'team.status_changed', actor, payload: { team, from: toTeam(row).status } });
}

export async function teamStatusOf(tx: Transaction<Database>, teamId: string): Promise<TeamStatus | null> {
  const row = await tx.selectFrom('teams').select('status').where('id', '=', teamId).executeTakeFirst();
  return row ? (row.status as TeamStatus) : null;
}

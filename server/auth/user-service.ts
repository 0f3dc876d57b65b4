import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import type { User, UserCreateInput, UserPatch } from '../../shared/schemas/user';
import type { Database } from '../db/schema';
import type { UserRow } from './schema';
import { DomainError, notFound } from '../errors';
import type { Transactor } from '../events/transactor';
import { refuseWeakPassword } from './password-rules';
import { hashPassword } from './password';
import { endSessionsOf } from './session-ending';

export const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role as User['role'],
  teamId: row.team_id,
  disabled: row.disabled === 1,
  createdAt: row.created_at,
});

export class UserService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(toUser);
  }

  async get(id: string): Promise<User> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('User');
    return toUser(row);
  }

  async findRowByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  async create(input: UserCreateInput, actor: Actor): Promise<User> {
    const data = { ...input, teamId: input.teamId ?? null };
    refuseWeakPassword(data.password, 'password');
    if (await this.findRowByUsername(data.username)) throw new DomainError('CONFLICT', 'That username is taken.');
    if (data.teamId) await this.requireTeam(data.teamId);
    const row: UserRow = {
      id: randomUUID(),
      username: data.username,
      display_name: data.displayName,
      role: data.role,
      team_id: data.teamId,
      password_hash: await hashPassword(data.password),
      disabled: 0,
      created_at: new Date(this.clock()).toISOString(),
    };
    const user = toUser(row);
    await this.transactor.run(async (tx, record) => {
      await tx.insertInto('users').values(row).execute();
      await record({ type: 'user.created', actor, payload: { user } });
    });
    return user;
  }

  /** Updates a user; disabling one or setting a new password also ends every session of theirs and cuts their sockets. */
  async update(id: string, patch: UserPatch, actor: Actor): Promise<User> {
    if (patch.password !== undefined) refuseWeakPassword(patch.password, 'password');
    const current = await this.get(id);
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    const next: User = { ...current, ...(patch.displayName ? { displayName: patch.displayName } : {}), ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}) };
    await this.transactor.run(async (tx, record) => {
      await tx
        .updateTable('users')
        .set({ display_name: next.displayName, disabled: next.disabled ? 1 : 0, ...(passwordHash ? { password_hash: passwordHash } : {}) })
        .where('id', '=', id)
        .execute();
      await record({ type: 'user.updated', actor, payload: { user: next } });
      if ((next.disabled && !current.disabled) || passwordHash) {
        await endSessionsOf(tx, record, { userId: id, actor, at: new Date(this.clock()).toISOString() });
      }
      if (passwordHash) await record({ type: 'auth.password_changed', actor, payload: { userId: id } });
    });
    return next;
  }

  private async requireTeam(teamId: string): Promise<void> {
    const team = await this.db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
    if (!team) throw new DomainError('VALIDATION_FAILED', 'No such team.', [{ path: 'teamId', message: 'no such team' }]);
  }
}

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../shared/enums';
import { SYSTEM_ACTOR, type Actor } from '../../shared/schemas/event';
import type { LoginRequest, PasswordChange, SessionInfo, SessionSummary } from '../../shared/schemas/user';
import type { Database } from '../db/schema';
import type { SessionRow } from './schema';
import { DomainError, notFound } from '../errors';
import type { Transactor } from '../events/transactor';
import { OncePerInterval, type LoginThrottle } from './login-throttle';
import { refuseWeakPassword } from './password-rules';
import { endSessionsOf } from './session-ending';
import { hashPassword, verifyPassword } from './password';
import type { Principal } from './principal';
import { hashToken, newToken } from './tokens';
import { toUser } from './user-service';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** Unknown user names cost a scrypt too, so the answer's timing does not tell which names exist. */
let dummyHash: Promise<string> | null = null;
const unknownUserHash = () => (dummyHash ??= hashPassword('no user has this password'));

export class SessionService {
  /** Refused (throttled) sign-ins are audited once a minute per account and address, not once per guess. */
  private readonly throttledAudit: OncePerInterval;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly throttle: LoginThrottle,
    private readonly lifetimeHours: Record<Role, number>,
    private readonly clock: () => number = Date.now,
  ) {
    this.throttledAudit = new OncePerInterval(60_000, clock);
  }

  async login({ username, password }: LoginRequest, client: ClientInfo): Promise<SessionInfo> {
    const ip = client.ip ?? 'unknown';
    const attempt = await this.throttle.begin(username, ip).catch(async (error: unknown) => {
      if (this.throttledAudit.take(`${username}|${ip}`)) await this.recordFailure(username, client, 'throttled');
      throw error;
    });
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    const valid = await verifyPassword(password, row?.password_hash ?? (await unknownUserHash()));
    if (!row || !valid) {
      await attempt.failed();
      await this.recordFailure(username, client, 'invalid_credentials');
      throw new DomainError('INVALID_CREDENTIALS');
    }
    await attempt.succeeded();
    if (row.disabled === 1) {
      await this.recordFailure(username, client, 'disabled');
      throw new DomainError('INVALID_CREDENTIALS');
    }
    const token = newToken();
    const now = this.clock();
    const session: SessionRow = {
      id: randomUUID(),
      token_hash: hashToken(token),
      user_id: row.id,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + this.lifetimeHours[row.role as Role] * 3_600_000).toISOString(),
      revoked_at: null,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    };
    const user = toUser(row);
    await this.transactor.run(async (tx, record) => {
      await tx.insertInto('sessions').values(session).execute();
      await record({
        type: 'auth.login',
        actor: { type: 'user', id: user.id, name: user.displayName },
        payload: { userId: user.id, username: user.username, ip: client.ip, userAgent: session.user_agent },
      });
    });
    return { token, expiresAt: session.expires_at, user };
  }

  /** The principal behind a bearer token, or null when it is unknown, expired, revoked or disabled. */
  async authenticate(token: string): Promise<Principal | null> {
    if (!token || token.length > 200) return null;
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id as sessionId', 'sessions.expires_at', 'sessions.revoked_at', 'users.id as userId', 'users.username', 'users.display_name', 'users.role', 'users.team_id', 'users.disabled'])
      .where('sessions.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.revoked_at !== null || row.disabled === 1 || Date.parse(row.expires_at) <= this.clock()) return null;
    return {
      userId: row.userId,
      username: row.username,
      displayName: row.display_name,
      role: row.role as Role,
      teamId: row.team_id,
      sessionId: row.sessionId,
      expiresAt: row.expires_at,
    };
  }

  async logout(principal: Principal): Promise<void> {
    await this.transactor.run(async (tx, record) => {
      await tx.updateTable('sessions').set({ revoked_at: new Date(this.clock()).toISOString() }).where('id', '=', principal.sessionId).execute();
      await record({ type: 'auth.logout', actor: { type: 'user', id: principal.userId, name: principal.displayName }, payload: { userId: principal.userId, sessionId: principal.sessionId } });
    });
  }

  /** Ends a session at once; the realtime layer disconnects its open sockets on the event. */
  async revoke(sessionId: string, actor: Actor): Promise<void> {
    const session = await this.db.selectFrom('sessions').select(['id', 'user_id', 'revoked_at']).where('id', '=', sessionId).executeTakeFirst();
    if (!session) throw notFound('Session');
    if (session.revoked_at !== null) return;
    await this.transactor.run(async (tx, record) => {
      await tx.updateTable('sessions').set({ revoked_at: new Date(this.clock()).toISOString() }).where('id', '=', sessionId).execute();
      await record({ type: 'session.revoked', actor, payload: { userId: session.user_id, sessionId } });
    });
  }

  async listActive(userId: string): Promise<SessionSummary[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date(this.clock()).toISOString())
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at, userAgent: r.user_agent }));
  }

  /**
   * Changes the caller's password after checking the current one (throttled like a sign-in: it costs a
   * scrypt and is a guess). Every other session of the user ends and its sockets are cut; this one stays.
   */
  async changePassword(principal: Principal, { currentPassword, newPassword }: PasswordChange, client: ClientInfo): Promise<void> {
    refuseWeakPassword(newPassword, 'newPassword');
    const attempt = await this.throttle.begin(principal.username, client.ip ?? 'unknown');
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', principal.userId).executeTakeFirstOrThrow();
    if (!(await verifyPassword(currentPassword, row.password_hash))) {
      await attempt.failed();
      throw new DomainError('INVALID_CREDENTIALS', 'The current password is wrong.');
    }
    await attempt.succeeded();
    const hash = await hashPassword(newPassword);
    const actor = { type: 'user', id: principal.userId, name: principal.displayName } as const;
    await this.transactor.run(async (tx, record) => {
      await tx.updateTable('users').set({ password_hash: hash }).where('id', '=', principal.userId).execute();
      await record({ type: 'auth.password_changed', actor, payload: { userId: principal.userId } });
      await endSessionsOf(tx, record, { userId: principal.userId, except: principal.sessionId, actor, at: new Date(this.clock()).toISOString() });
    });
  }

  private async recordFailure(username: string, client: ClientInfo, reason: 'invalid_credentials' | 'throttled' | 'disabled'): Promise<void> {
    await this.transactor.run(async (_tx, record) => {
      await record({ type: 'auth.login_failed', actor: SYSTEM_ACTOR, payload: { username: username.slice(0, 40), ip: client.ip, reason } });
    });
  }
}

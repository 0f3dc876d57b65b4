import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DeviceKind } from '../../shared/enums';
import type { Device, DeviceCreate, DeviceCredentials } from '../../shared/schemas/device';
import type { Actor } from '../../shared/schemas/event';
import { hashPassword, verifyPassword } from '../auth/password';
import type { Database } from '../db/schema';
import type { DeviceRow } from './schema';
import { DomainError, notFound } from '../errors';
import type { Transactor } from '../events/transactor';
import { newOsmandKey, newOwntracksPassword, newOwntracksUsername, sha256Hex } from './credentials';
import type { SqliteBackground } from '../db/sqlite-background';
import { DeviceTelemetry } from './device-telemetry';

/** Who a tracker speaks for, as ingest sees it. */
export interface DeviceIdentity {
  deviceId: string;
  teamId: string;
  kind: DeviceKind;
  /** The name the admin gave it (shown as who raised a tracker's SOS). */
  name: string;
}

interface OwntracksEntry {
  identity: DeviceIdentity;
  /** SHA-256 of the password once scrypt accepted it: a 1 Hz tracker must not pay scrypt per fix. */
  passwordSha: string;
}

const MAX_CREDENTIAL_LENGTH = 200;
/** Refused OsmAnd keys and OwnTracks passwords are remembered (a misconfigured phone retries forever), up to this many. */
const MAX_UNKNOWN_CACHED = 10_000;

export const toDevice = (row: DeviceRow): Device => ({
  id: row.id,
  teamId: row.team_id,
  kind: row.kind as DeviceKind,
  name: row.name,
  username: row.username,
  lastSeenAt: row.last_seen_at,
  rejectedFixes: row.rejected_fixes,
  lastRejectReason: row.last_reject_reason,
  battery: row.battery,
  clockSkewMs: row.clock_skew_ms === null ? null : Number(row.clock_skew_ms),
  thinnedFixes: row.thinned_fixes,
  revoked: row.revoked === 1,
  createdAt: row.created_at,
});

const identityOf = (row: Pick<DeviceRow, 'id' | 'team_id' | 'kind' | 'name'>): DeviceIdentity => ({ deviceId: row.id, teamId: row.team_id, kind: row.kind as DeviceKind, name: row.name });

export class DeviceService {
  private readonly telemetry: DeviceTelemetry;
  /**
   * By the key the tracker sends, not its hash: a cached device costs one map lookup per fix, no SHA-256.
   * The keys only live in this process's memory, as they do in every request; the database keeps hashes.
   */
  private readonly osmandByKey = new Map<string, DeviceIdentity | null>();
  private readonly owntracksByUser = new Map<string, OwntracksEntry>();
  /** User/password pairs scrypt refused: a phone set up with a typo retries forever, and would cost a scrypt each time. */
  private readonly owntracksRefused = new Set<string>();
  /** Bumped by register and revoke: a lookup that raced one of them does not cache its answer. */
  private generation = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
    background: SqliteBackground | null = null,
  ) {
    this.telemetry = new DeviceTelemetry(db, background);
  }

  /**
   * Every device, with telemetry not flushed yet laid over. Pass a transaction to read inside a
   * snapshot; then the read does not wait for a running flush (on SQLite that would deadlock on
   * the one connection), at the price of a count that may be off by one flush.
   */
  list(db?: Kysely<Database> | Transaction<Database>): Promise<Device[]> {
    const read = async () => {
      const rows = await (db ?? this.db).selectFrom('devices').selectAll().orderBy('team_id').orderBy('name').execute();
      return rows.map((row) => {
        const device = toDevice(row);
        return { ...device, ...this.telemetry.overlay(device.id, device) };
      });
    };
    return db ? read() : this.telemetry.exclusive(read);
  }

  /** Registers a tracker and returns its credentials; they are shown once and stored only as hashes. */
  async register(data: DeviceCreate, actor: Actor): Promise<DeviceCredentials> {
    const team = await this.db.selectFrom('teams').select('id').where('id', '=', data.teamId).executeTakeFirst();
    if (!team) throw new DomainError('VALIDATION_FAILED', 'No such team.', [{ path: 'teamId', message: 'no such team' }]);

    const osmandId = data.kind === 'osmand' ? (data.identifier ?? newOsmandKey()) : null;
    if (osmandId && data.identifier !== undefined) {
      const taken = await this.db.selectFrom('devices').select('id').where('osmand_key_hash', '=', sha256Hex(osmandId)).executeTakeFirst();
      if (taken) throw new DomainError('CONFLICT', 'A device with this identifier is already registered.', [{ path: 'identifier', message: 'already registered' }]);
    }
    const owntracksUser = data.kind === 'owntracks' ? await this.unusedOwntracksUsername() : null;
    const owntracksPassword = data.kind === 'owntracks' ? newOwntracksPassword() : null;
    const row: DeviceRow = {
      id: `dev-${randomUUID()}`,
      team_id: data.teamId,
      kind: data.kind,
      name: data.name,
      osmand_key_hash: osmandId ? sha256Hex(osmandId) : null,
      username: owntracksUser,
      password_hash: owntracksPassword ? await hashPassword(owntracksPassword) : null,
      last_seen_at: null,
      rejected_fixes: 0,
      last_reject_reason: null,
      battery: null,
      clock_skew_ms: null,
      thinned_fixes: 0,
      revoked: 0,
      created_at: new Date(this.clock()).toISOString(),
    };
    const device = toDevice(row);
    await this.transactor.run(async (tx, record) => {
      await tx.insertInto('devices').values(row).execute();
      await record({ type: 'device.registered', actor, payload: { device } });
    });
    this.generation += 1;
    if (osmandId) this.osmandByKey.delete(osmandId);
    return { device, osmandId, owntracksUser, owntracksPassword };
  }

  /** Revokes a device; ingest refuses it from the next request on. Revoking twice is a no-op. */
  async revoke(id: string, actor: Actor): Promise<Device> {
    const device = await this.transactor.run(async (tx, record) => {
      const row = await tx.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('Device');
      const revoked = toDevice({ ...row, revoked: 1 });
      if (row.revoked === 1) return revoked;
      await tx.updateTable('devices').set({ revoked: 1 }).where('id', '=', id).execute();
      await record({ type: 'device.revoked', actor, payload: { device: revoked } });
      return revoked;
    });
    this.generation += 1;
    this.forgetCached(id);
    return device;
  }

  /** The device an OsmAnd key belongs to (null: none, or revoked) when it is known without a query; else undefined. */
  cachedOsmand(key: string): DeviceIdentity | null | undefined {
    return this.osmandByKey.get(key);
  }

  async resolveOsmand(key: string): Promise<DeviceIdentity | null> {
    if (!key || key.length > MAX_CREDENTIAL_LENGTH) return null;
    const cached = this.osmandByKey.get(key);
    if (cached !== undefined) return cached;
    const keyHash = sha256Hex(key);
    const generation = this.generation;
    const row = await this.db
      .selectFrom('devices')
      .select(['id', 'team_id', 'kind', 'name'])
      .where('osmand_key_hash', '=', keyHash)
      .where('kind', '=', 'osmand')
      .where('revoked', '=', 0)
      .executeTakeFirst();
    const identity = row ? identityOf(row) : null;
    if (generation !== this.generation) return this.resolveOsmand(key);
    if (this.osmandByKey.size >= MAX_UNKNOWN_CACHED) this.forgetUnknownOsmand();
    this.osmandByKey.set(key, identity);
    return identity;
  }

  async resolveOwntracks(user: string, password: string): Promise<DeviceIdentity | null> {
    if (!user || !password || user.length > MAX_CREDENTIAL_LENGTH || password.length > MAX_CREDENTIAL_LENGTH) return null;
    const passwordSha = sha256Hex(password);
    const cached = this.owntracksByUser.get(user);
    // Device passwords never change, so a mismatch with the verified one is simply wrong: no scrypt.
    if (cached) return cached.passwordSha === passwordSha ? cached.identity : null;
    const attempt = sha256Hex(`${user}\u0000${password}`);
    if (this.owntracksRefused.has(attempt)) return null;
    const generation = this.generation;
    const row = await this.db
      .selectFrom('devices')
      .select(['id', 'team_id', 'kind', 'name', 'password_hash'])
      .where('username', '=', user)
      .where('kind', '=', 'owntracks')
      .where('revoked', '=', 0)
      .executeTakeFirst();
    if (!row?.password_hash) return null;
    if (!(await verifyPassword(password, row.password_hash))) {
      if (this.owntracksRefused.size >= MAX_UNKNOWN_CACHED) this.owntracksRefused.clear();
      this.owntracksRefused.add(attempt);
      return null;
    }
    // A revoke may have landed during the scrypt: look again rather than cache a stale answer.
    if (generation !== this.generation) return this.resolveOwntracks(user, password);
    const identity = identityOf(row);
    this.owntracksByUser.set(user, { identity, passwordSha });
    return identity;
  }

  /** The device was heard (with or without a fix); `battery` is what it reported, if anything. */
  noteSeen(deviceId: string, atMs: number, battery: number | null = null): void {
    this.telemetry.noteSeen(deviceId, atMs, battery);
  }

  noteClockSkew(deviceId: string, skewMs: number): void {
    this.telemetry.noteClockSkew(deviceId, skewMs);
  }

  /** A fix dropped by the per-device write limit; the device still got 2xx. */
  noteThinned(deviceId: string): void {
    this.telemetry.noteThinned(deviceId);
  }

  noteRejected(deviceId: string, reason: string): void {
    this.telemetry.noteRejected(deviceId, reason);
  }

  /** Writes last-seen and rejected counters; the composition calls it every few seconds and at shutdown. */
  flush(): Promise<void> {
    return this.telemetry.flush();
  }

  private forgetCached(deviceId: string): void {
    for (const [key, identity] of this.osmandByKey) if (identity?.deviceId === deviceId) this.osmandByKey.delete(key);
    for (const [user, entry] of this.owntracksByUser) if (entry.identity.deviceId === deviceId) this.owntracksByUser.delete(user);
  }

  private forgetUnknownOsmand(): void {
    for (const [key, identity] of this.osmandByKey) if (identity === null) this.osmandByKey.delete(key);
  }

  private async unusedOwntracksUsername(): Promise<string> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const candidate = newOwntracksUsername();
      const taken = await this.db.selectFrom('devices').select('id').where('username', '=', candidate).executeTakeFirst();
      if (!taken) return candidate;
    }
    throw new Error('could not find an unused OwnTracks username');
  }
}

import pg from 'pg';
import type { JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';

/**
 * The server side notices a dead or cut-off holder within seconds (keepalive probes after 2 s idle, 1 s apart,
 * 3 missed; unacknowledged data after 5 s) and ends its session, which frees its advisory locks.
 */
const SERVER_SIDE_KEEPALIVE = '-c tcp_keepalives_idle=2 -c tcp_keepalives_interval=1 -c tcp_keepalives_count=3 -c tcp_user_timeout=5000';

/**
 * A holder's session that ran no query (its heartbeat) for this long belongs to an instance that has already
 * stopped its jobs (a heartbeat unanswered for `deadAfterMs`, 5 s, makes it drop them): another instance ends
 * that session to take the jobs over. This covers what keepalive cannot: a cut-off holder whose TCP connection
 * PostgreSQL still sees as healthy (a proxy or NAT between them keeps answering at the TCP level).
 */
const SILENT_HOLDER_MS = 10_000;

/** The backends holding a job's advisory lock whose last query ended longer ago than $2 ms (pg_locks splits the key). */
const END_SILENT_HOLDER = `
  select pg_terminate_backend(a.pid) as ended from pg_locks l join pg_stat_activity a on a.pid = l.pid
  where l.locktype = 'advisory' and l.granted and l.objsubid = 1
    and l.classid::bigint = ((hashtextextended($1, 0) >> 32) & 4294967295) and l.objid::bigint = (hashtextextended($1, 0) & 4294967295)
    and a.pid <> pg_backend_pid() and a.state = 'idle' and a.state_change < now() - make_interval(secs => $2::int / 1000.0)`;

export interface AdvisoryJobLockOptions {
  connectionString: string;
  /** Keeps deployments (or test schemas) sharing one database apart: the lock key is `namespace:job`. */
  namespace: string;
  logger: Logger;
  /** How often the holder checks it still holds its session (and so its locks). */
  heartbeatMs?: number;
  /** A check unanswered for this long counts as a lost connection: the holder stops running its jobs. */
  deadAfterMs?: number;
  /** A holder whose session ran no query for this long is ended by the next instance asking (default 10 s). */
  silentHolderMs?: number;
}

/**
 * Job ownership across instances: a session-level PostgreSQL advisory lock per job, taken with
 * pg_try_advisory_lock on one dedicated connection outside the pool (a pooled connection would carry the lock
 * to whichever query borrowed it next). When the holder dies or is cut off, PostgreSQL ends its session and
 * frees the lock, and the next instance to ask takes it over. The holder, in turn, forgets every lock the
 * moment its connection fails or a heartbeat goes unanswered, and asks again on a fresh connection.
 */
export class AdvisoryJobLock implements JobLock {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private pid: number | null = null;
  private readonly held = new Set<string>();
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;
  private lastTakeoverCheck = 0;

  constructor(private readonly options: AdvisoryJobLockOptions) {
    this.heartbeat = setInterval(() => void this.checkAlive(), options.heartbeatMs ?? 1_000);
    this.heartbeat.unref();
  }

  /** The PostgreSQL backend holding this instance's locks (tests end it to simulate a dead holder). */
  get backendPid(): number | null {
    return this.pid;
  }

  /** How many jobs this instance holds the lock of now. */
  get heldCount(): number {
    return this.held.size;
  }

  async acquire(job: string): Promise<boolean> {
    if (this.closed) return false;
    try {
      const client = await this.connection();
      if (this.held.has(job)) return true;
      const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as ok', [this.key(job)]);
      if (rows[0]?.ok && this.client === client) this.held.add(job);
      else await this.endSilentHolder(client, job);
      return this.held.has(job);
    } catch (err) {
      this.drop(err);
      return false;
    }
  }

  async release(job: string): Promise<void> {
    if (!this.held.delete(job) || !this.client) return;
    await this.client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [this.key(job)]);
  }

  /** Ends the connection, which frees every lock at once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    const client = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.held.clear();
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Ends the session of a holder gone silent (checked at most every few seconds); the lock is free at the next pass. */
  private async endSilentHolder(client: pg.Client, job: string): Promise<void> {
    const silentAfterMs = this.options.silentHolderMs ?? SILENT_HOLDER_MS;
    if (Date.now() - this.lastTakeoverCheck < silentAfterMs / 4) return;
    this.lastTakeoverCheck = Date.now();
    const { rows } = await client.query<{ ended: boolean }>(END_SILENT_HOLDER, [this.key(job), silentAfterMs]);
    if (rows.some((r) => r.ended)) this.options.logger.warn({ job }, 'the instance running this job went silent: ended its database session to take the job over');
  }

  private key(job: string): string {
    return `${this.options.namespace}:${job}`;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.options.connectionString,
        application_name: `tidewatch-jobs:${this.options.namespace}`,
        options: SERVER_SIDE_KEEPALIVE,
        keepAlive: true,
        keepAliveInitialDelayMillis: 1_000,
        connectionTimeoutMillis: this.options.deadAfterMs ?? 5_000,
        query_timeout: this.options.deadAfterMs ?? 5_000,
      });
      client.on('error', (err) => this.drop(err, client));
      client.on('end', () => this.drop(null, client));
      try {
        await client.connect();
        const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
        this.pid = rows[0]?.pid ?? null;
      } catch (err) {
        void client.end().catch(() => undefined);
        throw err;
      }
      if (this.closed) {
        await client.end();
        throw new Error('job lock closed');
      }
      this.client = client;
      return client;
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async checkAlive(): Promise<void> {
    const client = this.client;
    if (!client || this.held.size === 0) return;
    try {
      await client.query('select 1');
    } catch (err) {
      this.drop(err, client);
    }
  }

  /** Forgets the connection and every lock it held; the next acquire reconnects and asks again. */
  private drop(err: unknown, client: pg.Client | null = this.client): void {
    if (!client || client !== this.client) return;
    if (this.held.size > 0) this.options.logger.warn({ err, jobs: [...this.held] }, 'job lock connection lost: this instance stops running its jobs until it holds them again');
    this.client = null;
    this.pid = null;
    this.held.clear();
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
  }
}

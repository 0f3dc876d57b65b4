import path from 'node:path';
import Database from 'better-sqlite3';
import { type ServerHandle, startServer } from '../testing/server-process';
import { dataOf, httpClient, login, TEAM_INPUT, TestClient } from '../testing/int-support';
import { isPlainObject } from './zod-arbitrary';

/** Every role the fuzz acts as; `anonymous` has no session. */
export const FUZZ_ROLES = ['admin', 'commander', 'duty_officer', 'wall', 'field_own', 'field_other', 'anonymous'] as const;
export type FuzzRole = (typeof FUZZ_ROLES)[number];

export interface Answer {
  status: number;
  ok: boolean;
  code: string | null;
  data: unknown;
}

const PASSWORD = 'fuzz-password-1234';

/**
 * One server for a fuzz file, run with the write limits raised, a session per role and a socket per signed-in
 * role. Path params are drawn from ids the fuzz itself created (harvested from answers) plus the two
 * fixture teams, so the routes are reached past "not found"; the fixtures' users and sessions are never
 * offered to a destructive call, so every role keeps its session for the whole run.
 */
export class FuzzWorld {
  private readonly tokens = new Map<FuzzRole, string>();
  private readonly sockets = new Map<FuzzRole, TestClient>();
  /** Ids the fuzz created; destructive routes only ever get these. */
  readonly harvested: string[] = [];
  /** The fixture teams: readable and editable, never deleted. */
  teamIds: string[] = [];
  private db: Database.Database | null = null;

  private constructor(readonly srv: ServerHandle) {}

  static async start(): Promise<FuzzWorld> {
    const srv = await startServer({
      env: { VIDEO: 'off', FIELD_REPORTS_PER_MINUTE: '1000000', TABLET_POSITIONS_PER_MINUTE: '1000000', SOCKET_REQUESTS_PER_MINUTE: '10000000', LOGIN_FAILURES_PER_ACCOUNT_ADDRESS: '10000000', LOGIN_FAILURES_PER_ADDRESS: '10000000', LOGIN_FREE_FAILURES: '10000000', LOG_LEVEL: 'warn', STALE_AFTER_SECONDS: '86400', DISPATCH_DELIVERY_TIMEOUT_SECONDS: '86400', DISPATCH_ACCEPT_TIMEOUT_SECONDS: '86400' },
    });
    const world = new FuzzWorld(srv);
    await world.setUp();
    return world;
  }

  private async setUp(): Promise<void> {
    const { baseUrl } = this.srv;
    const admin = await login(baseUrl, 'admin', this.srv.adminPassword);
    this.tokens.set('admin', admin);
    const http = httpClient(baseUrl, admin);
    const own = dataOf(await http.post<{ id: string }>('/api/teams', TEAM_INPUT));
    const other = dataOf(await http.post<{ id: string }>('/api/teams', { ...TEAM_INPUT, name: '另一支救援队' }));
    this.teamIds = [own.id, other.id];
    const users: Array<[FuzzRole, string, string | null]> = [
      ['commander', 'commander', null],
      ['duty_officer', 'duty_officer', null],
      ['wall', 'wall', null],
      ['field_own', 'field', own.id],
      ['field_other', 'field', other.id],
    ];
    for (const [name, role, teamId] of users) {
      const username = `fuzz.${name.replace('_', '-')}`;
      dataOf(await http.post('/api/users', { username, displayName: name, role, teamId, password: PASSWORD }));
      this.tokens.set(name, await login(baseUrl, username, PASSWORD));
    }
    for (const role of FUZZ_ROLES) if (role !== 'anonymous') await this.socketOf(role);
  }

  /** The role's socket, connected again if the server dropped it. */
  async socketOf(role: Exclude<FuzzRole, 'anonymous'>): Promise<TestClient> {
    const current = this.sockets.get(role);
    if (current?.socket.connected) return current;
    current?.close();
    const client = new TestClient(this.srv.baseUrl, this.tokens.get(role) as string);
    await client.connected();
    this.sockets.set(role, client);
    return client;
  }

  /** Sends a JSON text body as it is. */
  async http(role: FuzzRole, method: string, url: string, jsonText: string | null, encoding: string | null = null): Promise<Answer> {
    const token = this.tokens.get(role);
    const res = await fetch(`${this.srv.baseUrl}${url}`, {
      method,
      headers: {
        ...(jsonText !== null ? { 'content-type': 'application/json' } : {}),
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: jsonText ?? undefined,
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (the client's HTML for an unknown path): only the status counts.
    }
    const envelope = isPlainObject(parsed) ? parsed : {};
    const error = isPlainObject(envelope.error) ? envelope.error : {};
    const answer = { status: res.status, ok: envelope.ok === true, code: typeof error.code === 'string' ? error.code : null, data: envelope.data };
    if (answer.ok) this.harvest(answer.data);
    return answer;
  }

  async socket(role: Exclude<FuzzRole, 'anonymous'>, name: string, payload: unknown): Promise<Answer> {
    const client = await this.socketOf(role);
    let ack: Awaited<ReturnType<TestClient['rawRequest']>>;
    try {
      ack = await client.rawRequest(name, payload);
    } catch (error) {
      // The server may close a socket that sends what Socket.IO cannot parse; a request left unanswered on an open socket is a bug.
      if (!client.socket.connected) return { status: 0, ok: false, code: 'DISCONNECTED', data: null };
      throw error;
    }
    const answer = { status: 0, ok: ack.ok, code: ack.ok ? null : ack.error.code, data: ack.ok ? ack.data : null };
    if (answer.ok) this.harvest(answer.data);
    return answer;
  }

  /** Remembers the id of something the fuzz created, so later calls can address it. */
  private harvest(data: unknown): void {
    if (!isPlainObject(data) || typeof data.id !== 'string') return;
    if (this.harvested.includes(data.id)) return;
    this.harvested.push(data.id);
    if (this.harvested.length > 64) this.harvested.shift();
  }

  /** The event log's last seq, as /health reports it (and proof that the server still answers). */
  async seq(): Promise<number> {
    const res = await fetch(`${this.srv.baseUrl}/health`);
    const body = (await res.json()) as { data: { seq: number } };
    if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
    return body.data.seq;
  }

  /** The stored log: how many events, the lowest and highest seq, and the counter. Gap-free means 1..counter. */
  eventLog(): { count: number; min: number | null; max: number | null; counter: number } {
    const db = this.database();
    const row = db.prepare('SELECT COUNT(*) AS count, MIN(seq) AS min, MAX(seq) AS max FROM events').get() as { count: number; min: number | null; max: number | null };
    const counter = db.prepare('SELECT last_seq FROM event_counter WHERE id = 1').get() as { last_seq: number };
    return { ...row, counter: Number(counter.last_seq) };
  }

  /** The stored events after `seq`: what wrote them. */
  eventsAfter(seq: number): Array<{ seq: number; type: string; actorType: string }> {
    const rows = this.database().prepare('SELECT seq, type, actor FROM events WHERE seq > ? ORDER BY seq').all(seq) as Array<{ seq: number; type: string; actor: string }>;
    return rows.map((r) => ({ seq: Number(r.seq), type: r.type, actorType: String((JSON.parse(r.actor) as { type?: unknown }).type) }));
  }

  private database(): Database.Database {
    this.db ??= new Database(path.join(this.srv.dataDir, 'tidewatch.sqlite'), { readonly: true, fileMustExist: true });
    return this.db;
  }

  async dispose(): Promise<void> {
    for (const client of this.sockets.values()) client.close();
    this.db?.close();
    await this.srv.dispose();
  }
}

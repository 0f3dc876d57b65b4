import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/ack';
import type { Dispatch } from '../../shared/schemas/dispatch';
import type { Team } from '../../shared/schemas/team';
import { dropPostgresSchema } from '../db/database';
import { TEAM_INPUT, dataOf, eventually, httpClient, login } from '../testing/int-support';
import { startHaproxy } from '../testing/haproxy';
import { startServer, type ServerHandle } from '../testing/server-process';
import { canSee, type Viewer } from '../visibility/policy';
import { SimulatedTablet, SyncedClient } from './failover-clients';
import { TcpProxy, startPrivateRedis } from './failover-support';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const TABLETS = 20;
const PASSWORD = 'failover-password-1';
const RECONNECT_WITHIN_MS = 5_000;
/** Three instances booting at once take turns at the boot lock (each builds its TLS certificate too). */
const BOOT_WITHIN_MS = 120_000;
/** One failure, its recovery and the restart of what was killed. */
const PHASE_MS = 150_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const started = Date.now();
/** The suite says what it did and when (seconds since it started). */
const say = (what: string) => console.log(`[failover +${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);

interface Health {
  seq: number;
  jobs: number | null;
  sockets: number;
}

/**
 * Three instances on one PostgreSQL schema and a private Redis, behind HAProxy configured from the repo's
 * scripts/cluster/haproxy.cfg; a wall, an admin board, a desk and 20 tablets on the proxy, with dispatches,
 * steps and positions flowing while instances are killed, Redis restarts and one instance loses PostgreSQL.
 */
describe('failover of a three-instance cluster', () => {
  const schema = `tw_failover_${randomBytes(5).toString('hex')}`;
  const adminPassword = `Tw-${randomBytes(12).toString('base64url')}`;
  const pgHost = new URL(PG_URL);
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  const pgProxy = new TcpProxy({ host: pgHost.hostname, port: Number(pgHost.port || 5432) });
  const instances: Array<{ name: string; server: ServerHandle }> = [];
  let proxy: Awaited<ReturnType<typeof startHaproxy>>;
  let admin: ReturnType<typeof httpClient>;
  const clients: SyncedClient[] = [];
  const tablets: SimulatedTablet[] = [];
  let desk: SyncedClient;
  let deskToken = '';
  let silentTeam: Team;
  let startSeq = 0;
  /** Dispatches the desk created and the server acknowledged, by the action id they were sent under. */
  const created = new Map<string, Dispatch>();
  const escalated: string[] = [];
  let load: Promise<void> = Promise.resolve();
  let loading = true;
  let loadFailed: Error | null = null;

  const instance = (name: string) => instances.find((i) => i.name === name)!.server;
  const health = async (server: ServerHandle): Promise<Health | null> => {
    try {
      const res = await fetch(`${server.baseUrl}/health`, { signal: AbortSignal.timeout(3_000) });
      const body = (await res.json()) as Ack<Health>;
      return body.ok ? body.data : null;
    } catch {
      return null;
    }
  };
  const alive = () => instances.filter((i) => i.server.exit === null);
  /** Jobs held per live instance, by name (each job has its own lock: two contenders may split them). */
  const jobsByInstance = async () => {
    const held = await Promise.all(alive().map(async (i) => [i.name, (await health(i.server))?.jobs ?? 0] as const));
    return new Map(held.filter(([, n]) => n > 0));
  };
  const totalJobs = (held: Map<string, number>) => [...held.values()].reduce((a, b) => a + b, 0);
  /** Which instance the client's socket is on: reconnects it once and sees whose socket count goes up. */
  const locate = async (client: SyncedClient): Promise<string> => {
    client.socket.disconnect();
    await sleep(300);
    const before = await Promise.all(alive().map(async (i) => (await health(i.server))?.sockets ?? 0));
    client.socket.connect();
    await eventually(() => client.synced, 15_000, `${client.name} to sync again`);
    client.outages.pop(); // our own disconnect, not an outage
    const after = await Promise.all(alive().map(async (i) => (await health(i.server))?.sockets ?? 0));
    const grew = alive().filter((_, k) => after[k]! > before[k]!);
    if (grew.length !== 1) throw new Error(`could not tell where ${client.name} is (${before} → ${after})`);
    return grew[0]!.name;
  };
  const sql = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> => {
    const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path="${schema}"` });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  /** The desk's POST: one action id, sent again until an instance answers and stores it. */
  const deskCreates = async (teamId: string): Promise<Dispatch> => {
    const actionId = randomUUID();
    const body = { actionId, teamIds: [teamId], taskType: 'evacuation', priority: 'urgent', destination: { lat: 29.44, lon: 121.87, label: '丹西街道 低洼小区' }, instructions: '组织群众转移' };
    const deadline = Date.now() + 30_000;
    let last = '';
    while (Date.now() < deadline) {
      const answer = await httpClient(proxy.httpUrl, deskToken)
        .post<Dispatch>('/api/dispatches', body)
        .catch((err: Error) => ({ status: 0, body: { ok: false as const, error: { code: 'NETWORK', message: err.message } } }));
      if (answer.body.ok) {
        created.set(actionId, answer.body.data);
        return answer.body.data;
      }
      last = `${answer.status} ${answer.body.error.code} ${answer.body.error.message}`;
      await sleep(300);
    }
    throw new Error(`the desk's dispatch was not acknowledged within 30 s (last answer: ${last})`);
  };
  const everyoneBack = async (what: string) => {
    const since = Date.now();
    // The clients of a killed instance notice at once (the kernel closes its sockets); give them that moment.
    await sleep(500);
    await eventually(() => clients.every((c) => c.synced), 15_000, `every client to resync after ${what}`);
    say(`every client resynced after ${what} (${Date.now() - since} ms after the check began)`);
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    await pgProxy.listen();
    const env = (databaseUrl: string) => ({
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      REDIS_URL: redis.url,
      REDIS_PREFIX: `tw-${schema}`,
      ADMIN_PASSWORD: adminPassword,
      VIDEO: 'off',
      TRUSTED_PROXIES: '127.0.0.1',
      SOCKET_REQUESTS_PER_MINUTE: '100000',
      DISPATCH_DELIVERY_TIMEOUT_SECONDS: '3',
      DISPATCH_ACCEPT_TIMEOUT_SECONDS: '3600',
    });
    const proxied = `postgresql://${pgHost.username}@127.0.0.1:${pgProxy.port}${pgHost.pathname}`;
    // All three at once on an empty schema: the boot lock lets one migrate and seed while the others wait.
    say('starting instances a, b and c at once on an empty schema (c reaches PostgreSQL through the test\'s TCP proxy)');
    const servers = await Promise.all([
      startServer({ env: env(PG_URL), readyTimeoutMs: BOOT_WITHIN_MS }),
      startServer({ env: env(PG_URL), readyTimeoutMs: BOOT_WITHIN_MS }),
      startServer({ env: env(proxied), readyTimeoutMs: BOOT_WITHIN_MS }),
    ]);
    servers.forEach((server, k) => instances.push({ name: 'abc'[k]!, server }));
    proxy = await startHaproxy(
      instances.map((i) => ({ name: i.name, port: i.server.port, osmandPort: i.server.osmandPort })),
      { certDir: path.join(instances[0]!.server.dataDir, 'tls') },
    );
    say(`HAProxy on ${proxy.httpUrl} in front of a, b, c`);

    admin = httpClient(proxy.httpUrl, await login(proxy.httpUrl, 'admin', adminPassword));
    const teams = await Promise.all(Array.from({ length: TABLETS + 1 }, async (_, i) => dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: `故障切换队${i}` }))));
    silentTeam = teams[TABLETS]!;
    const account = async (username: string, role: string, teamId: string | null) => {
      dataOf(await admin.post('/api/users', { username, role, teamId, displayName: username, password: PASSWORD }));
      return login(proxy.httpUrl, username, PASSWORD);
    };
    const tabletTokens = await Promise.all(teams.slice(0, TABLETS).map((team, i) => account(`field-${i}`, 'field', team.id)));
    deskToken = await account('commander', 'commander', null);
    const wallToken = await account('wall', 'wall', null);
    startSeq = dataOf(await admin.get<{ seq: number }>('/health')).seq;
    clients.push(new SyncedClient('wall', proxy.httpUrl, wallToken), new SyncedClient('admin board', proxy.httpUrl, await login(proxy.httpUrl, 'admin', adminPassword)));
    for (let i = 0; i < TABLETS; i++) {
      const tablet = new SimulatedTablet(`tablet ${i}`, proxy.httpUrl, tabletTokens[i]!, teams[i]!.id, { lat: 29.4 + i * 0.01, lon: 121.8 });
      tablets.push(tablet);
      clients.push(tablet);
    }
    desk = new SyncedClient('desk', proxy.httpUrl, deskToken);
    clients.push(desk);
    await everyoneBack('the first connect');

    // The desk dispatches a tablet team every 800 ms until the end; the tablets confirm and step each one.
    load = (async () => {
      for (let n = 0; loading; n++) {
        await deskCreates(teams[n % TABLETS]!.id);
        await sleep(800);
      }
    })().catch((err: Error) => void (loadFailed = err));
  }, 240_000);

  afterAll(async () => {
    loading = false;
    await load;
    for (const client of clients) client.close();
    await proxy?.stop();
    await Promise.all(instances.map((i) => i.server.dispose()));
    await pgProxy.close();
    await redis?.stop();
    await dropPostgresSchema(PG_URL, schema);
  }, 120_000);

  it('boots three instances at once on an empty database: one schema, one admin', async () => {
    const admins = await sql<{ n: number }>("select count(*)::int as n from users where role = 'admin'");
    expect(admins[0]!.n).toBe(1);
    const held = await eventually(async () => ((await jobsByInstance()).size > 0 ? jobsByInstance() : null), 10_000, 'the jobs to be taken');
    say(`jobs held: ${[...held].map(([n, k]) => `${n} ${k}`).join(', ')}`);
  });

  it('refuses the media node\'s forwarding route at the proxy, and passes every other route', async () => {
    const refused = await httpClient(proxy.httpUrl, deskToken).post('/api/video/signal', { peerId: 'any', name: 'video:join', request: {} });
    expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } });
    expect((await httpClient(proxy.httpUrl, deskToken).get('/api/config')).status).toBe(200);
  });

  it('resumes the jobs on another instance when the one holding them is SIGKILLed', async () => {
    await sleep(2_000);
    const before = await jobsByInstance();
    const total = totalJobs(before);
    const holder = [...before].sort((x, y) => y[1] - x[1])[0]![0];
    // An undelivered-dispatch escalation comes due while the holder is dead: whoever takes the job raises it.
    const due = await deskCreates(silentTeam.id);
    escalated.push(`${due.id}:${silentTeam.id}`);
    say(`SIGKILL instance ${holder} (pid ${instance(holder).pid}), holding ${before.get(holder)} of ${total} jobs; an escalation for dispatch ${due.id} is due in 3 s`);
    await instance(holder).kill();
    await everyoneBack(`killing ${holder}`);
    // Each job asks for its lock at its own pass: the frequent ones (escalation, silence) move within seconds.
    const after = await eventually(async () => {
      const held = await jobsByInstance();
      return held.size > 0 && !held.has(holder) ? held : null;
    }, 15_000, 'the other instances to take the jobs');
    say(`jobs now held by ${[...after].map(([n, k]) => `${n} ${k}`).join(', ')}`);
    await eventually(async () => (await sql("select 1 from events where type = 'alarm.raised' and payload::jsonb->'alarm'->>'sourceId' = $1", [escalated[0]])).length > 0, 15_000, 'the escalation alarm');
    say(`escalation alarm for dispatch ${due.id} raised`);
    await instance(holder).restart();
    say(`instance ${holder} restarted`);
  }, PHASE_MS);

  it('loses no client when the instance the desk is connected to is SIGKILLed', async () => {
    const where = await locate(desk);
    say(`SIGKILL instance ${where} (pid ${instance(where).pid}), the desk's`);
    await instance(where).kill();
    await everyoneBack(`killing ${where}`);
    await sleep(2_000);
    await instance(where).restart();
    say(`instance ${where} restarted`);
  }, PHASE_MS);

  it('keeps the board working while Redis is down, and brings every position back to every board after', async () => {
    say('SIGKILL Redis (its streams and counters are lost)');
    await redis.kill();
    const wall = clients[0]!;
    const appliedBefore = wall.applied.length;
    // Events travel through PostgreSQL: the desk still dispatches and the wall still sees it.
    const during = await deskCreates(silentTeam.id);
    await eventually(() => wall.applied.some((e) => e.type === 'dispatch.assigned' && e.payload.dispatch.id === during.id), 10_000, 'the wall to show a dispatch made while Redis is down');
    expect(wall.applied.length).toBeGreaterThan(appliedBefore);
    await login(proxy.httpUrl, 'commander', PASSWORD);
    await sleep(2_000);
    await redis.start();
    const back = Date.now();
    say('Redis started again, empty');
    // Positions cross instances through Redis: every tablet's fixes reach the wall again, whichever instance took them.
    await eventually(() => tablets.every((t) => (wall.positionsSeen.get(t.teamId) ?? 0) > back), 20_000, 'positions of every tablet on the wall');
    say(`every tablet's positions on the wall again ${Date.now() - back} ms after Redis came back`);
  }, PHASE_MS);

  it('refuses writes with STORE_UNAVAILABLE on the instance cut off from PostgreSQL, and says so on /health', async () => {
    const c = instance('c');
    say('black-holing instance c\'s PostgreSQL connections (open ones stay half-open, new ones are never answered)');
    pgProxy.blackhole();
    const refused = await eventually(async () => {
      const res = await fetch(`${c.baseUrl}/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
      return res?.status === 503 ? ((await res.json()) as Ack<never>) : null;
    }, 15_000, 'c to report itself unable to store');
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
    const actionId = randomUUID();
    const direct = await httpClient(c.baseUrl, deskToken).post('/api/dispatches', { actionId, teamIds: [silentTeam.id], taskType: 'patrol', priority: 'routine', destination: { lat: 29.44, lon: 121.87, label: '海塘' }, instructions: '巡查' });
    say(`a dispatch sent straight to c answered ${direct.status} ${direct.body.ok ? 'ok' : direct.body.error.code}`);
    expect(direct).toMatchObject({ status: 503, body: { ok: false, error: { code: 'STORE_UNAVAILABLE' } } });
    // HAProxy took c out and dropped its sockets: every client works on a and b meanwhile.
    await everyoneBack('c was cut off');
    const during = await deskCreates(silentTeam.id);
    await eventually(() => clients[0]!.applied.some((e) => e.type === 'dispatch.assigned' && e.payload.dispatch.id === during.id), 10_000, 'the wall to show a dispatch made meanwhile');
    pgProxy.heal();
    say('c reaches PostgreSQL again');
    await eventually(async () => (await fetch(`${c.baseUrl}/health`).catch(() => null))?.status === 200, 20_000, 'c healthy again');
    expect(await sql('select 1 from processed_actions where action_id = $1', [actionId])).toEqual([]);
  }, PHASE_MS);

  describe('at the end of the run', () => {
    beforeAll(async () => {
      loading = false;
      await load;
      await sleep(3_000);
    }, 120_000);

    it('every screen and tablet applied every event it may see, once and in seq order', async () => {
      const log = await sql<{ seq: number; audience: string }>('select seq::int as seq, audience from events where seq > $1 order by seq', [startSeq]);
      const logSeqs = log.map((r) => r.seq);
      const visibleTo = (viewer: Viewer) => log.filter((r) => canSee(viewer, r.audience)).map((r) => r.seq);
      for (const client of clients) {
        const seqs = client.applied.map((e) => e.seq).filter((s) => s > startSeq);
        expect(seqs, `${client.name}: in order, once`).toEqual([...new Set(seqs)].sort((x, y) => x - y));
      }
      // The wall and the desk see every event their role may see (the admin's sign-in is not the wall's business).
      const boards = [
        { board: clients[0]!, viewer: { role: 'wall', teamId: null } },
        { board: desk, viewer: { role: 'commander', teamId: null } },
      ] as const;
      for (const { board, viewer } of boards) {
        const from = Math.max(startSeq, board.snapshotSeq ?? 0);
        const applied = board.applied.map((e) => e.seq).filter((s) => s > from && s <= logSeqs.at(-1)!);
        expect(applied, `${board.name}: every event`).toEqual(visibleTo(viewer).filter((s) => s > from));
      }
      // A tablet sees its own team's dispatches: every one assigned to it.
      for (const tablet of tablets) {
        const assigned = [...created.values()].filter((d) => d.assignments.some((a) => a.teamId === tablet.teamId)).map((d) => d.id);
        const seen = new Set(tablet.applied.flatMap((e) => (e.type === 'dispatch.assigned' ? [e.payload.dispatch.id] : [])));
        expect(assigned.filter((id) => !seen.has(id)), `${tablet.name}: its dispatches`).toEqual([]);
      }
    });

    it('stored every acknowledged dispatch and tablet step exactly once', async () => {
      expect(loadFailed?.message ?? null).toBeNull();
      const dispatchIds = [...created.values()].map((d) => d.id);
      const stored = await sql<{ id: string }>('select id from dispatches');
      expect(stored.map((r) => r.id).sort()).toEqual([...dispatchIds].sort());
      const steps = await sql<{ dispatch_id: string; team_id: string; state: string; n: number }>(
        'select dispatch_id, team_id, state, count(*)::int as n from dispatch_steps group by dispatch_id, team_id, state',
      );
      const stepCount = new Map(steps.map((s) => [`${s.dispatch_id}:${s.team_id}:${s.state}`, s.n]));
      const acked = tablets.flatMap((t) => t.acked);
      say(`${created.size} dispatches and ${acked.length} tablet steps acknowledged`);
      expect(acked.length).toBeGreaterThan(20);
      expect(acked.filter((s) => stepCount.get(`${s.dispatchId}:${s.teamId}:${s.to}`) !== 1)).toEqual([]);
    });

    it('raised the escalation that came due while its job moved exactly once', async () => {
      const alarms = await sql<{ n: number }>("select count(*)::int as n from events where type = 'alarm.raised' and payload::jsonb->'alarm'->>'sourceId' = $1", [escalated[0]]);
      expect(alarms[0]!.n).toBe(1);
    });

    it('reconnected every client through the proxy within 5 s of each drop', () => {
      const outages = clients.flatMap((c) => c.outages.map((ms) => ({ client: c.name, ms })));
      say(`${outages.length} reconnects, longest ${Math.max(0, ...outages.map((o) => o.ms))} ms`);
      expect(outages.filter((o) => o.ms > RECONNECT_WITHIN_MS)).toEqual([]);
    });
  });
});

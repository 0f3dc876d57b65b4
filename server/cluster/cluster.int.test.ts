import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceCredentials } from '../../shared/schemas/device';
import type { Team } from '../../shared/schemas/team';
import { TEAM_INPUT, TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';
import { TEST_PG_URL, clusterTestState } from '../testing/cluster-state';
import { startServer, type ServerHandle } from '../testing/server-process';

/** Two instances on one PostgreSQL schema and one Redis, as scripts/cluster runs them behind HAProxy. */
describe('two instances in cluster mode', () => {
  const state = clusterTestState('cluster');
  const { schema } = state;
  const env = { ...state.env, VIDEO: 'off', STALE_AFTER_SECONDS: '2' };
  let a: ServerHandle;
  let b: ServerHandle;
  let boardOnB: TestClient;

  beforeAll(async () => {
    // The first instance creates the schema and the admin; the second finds them (as scripts/cluster starts them).
    a = await startServer({ env });
    b = await startServer({ env });
    boardOnB = new TestClient(b.baseUrl, await login(b.baseUrl, 'admin', env.ADMIN_PASSWORD));
    await boardOnB.connected();
    await boardOnB.request('sync:hello', { lastSeq: null });
  });
  afterAll(async () => {
    boardOnB?.close();
    await Promise.all([a?.dispose(), b?.dispose()]);
    await state.remove();
  });

  it('shows a board on one instance every change written through the other, in order and once', async () => {
    const onA = httpClient(a.baseUrl, await login(a.baseUrl, 'admin', env.ADMIN_PASSWORD));
    const teams = await Promise.all(Array.from({ length: 8 }, (_, i) => onA.post<Team>('/api/teams', { ...TEAM_INPUT, name: `集群队${i}` }).then(dataOf)));
    await eventually(() => teams.every((t) => boardOnB.events.some((e) => e.type === 'team.created' && e.payload.team.id === t.id)), 10_000, 'every team on the board of B');
    dataOf(await onA.patch(`/api/teams/${teams[0]!.id}`, { name: '集群队改名' }));
    await eventually(() => boardOnB.events.some((e) => e.type === 'team.updated' && e.payload.team.name === '集群队改名'), 10_000, 'the rename on B');

    const seqs = boardOnB.events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(seqs.at(-1)! - seqs[0]! + 1).toBe(seqs.length);
  });

  it('brings a position reported to one instance onto a board and the team\'s tablet connected to the other', async () => {
    const onA = httpClient(a.baseUrl, await login(a.baseUrl, 'admin', env.ADMIN_PASSWORD));
    const team = dataOf(await onA.post<Team>('/api/teams', { ...TEAM_INPUT, name: '定位队' }));
    const device = dataOf(await onA.post<DeviceCredentials>('/api/devices', { teamId: team.id, kind: 'osmand', name: '终端' }));
    dataOf(await onA.post('/api/users', { username: 'cluster-tablet', displayName: '平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
    const tabletOnB = new TestClient(b.baseUrl, await login(b.baseUrl, 'cluster-tablet', 'tablet-password-1'));
    await tabletOnB.connected();
    await tabletOnB.request('sync:hello', { lastSeq: null });
    const reported = await fetch(`http://127.0.0.1:${a.osmandPort}/?id=${device.osmandId}&lat=29.4512&lon=121.8834&timestamp=${Date.now()}`);
    expect(reported.status).toBe(200);
    const seen = await eventually(() => boardOnB.positions.find((p) => p.teamId === team.id), 10_000, 'the position on the board of B');
    expect(seen).toMatchObject({ lat: 29.4512, lon: 121.8834 });
    const own = await eventually(() => tabletOnB.positions.find((p) => p.teamId === team.id), 10_000, 'the position on the team\'s tablet on B');
    expect(own).toMatchObject({ lat: 29.4512, lon: 121.8834 });
    tabletOnB.close();

    // A screen that connects to B afterwards finds the team where it is (B keeps what A took as its latest too).
    const later = new TestClient(b.baseUrl, await login(b.baseUrl, 'admin', env.ADMIN_PASSWORD));
    try {
      await later.connected();
      const resync = await later.request('sync:hello', { lastSeq: null });
      expect(resync.ok && resync.data.positions.find((p) => p.teamId === team.id)).toMatchObject({ lat: 29.4512, lon: 121.8834 });
    } finally {
      later.close();
    }
  });

  /** The backends holding this deployment's job locks (one per instance that owns any). */
  const lockHolders = async (): Promise<number[]> => {
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        "select distinct a.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and a.application_name = $1",
        [`tidewatch-jobs:${schema}`],
      );
      return rows.map((r) => r.pid);
    } finally {
      await client.end();
    }
  };

  it('keeps the watchers running when the instance that ran them is killed', async () => {
    // A started first, so it took every job; B only serves screens.
    const [first] = await eventually(async () => ((await lockHolders()).length === 1 ? await lockHolders() : null), 10_000, 'one instance holding the jobs');
    const onB = httpClient(b.baseUrl, await login(b.baseUrl, 'admin', env.ADMIN_PASSWORD));
    const team = dataOf(await onB.post<Team>('/api/teams', { ...TEAM_INPUT, name: '接管队' }));
    const device = dataOf(await onB.post<DeviceCredentials>('/api/devices', { teamId: team.id, kind: 'osmand', name: '终端' }));
    expect((await fetch(`http://127.0.0.1:${b.osmandPort}/?id=${device.osmandId}&lat=29.45&lon=121.88&timestamp=${Date.now()}`)).status).toBe(200);
    await eventually(() => boardOnB.positions.some((p) => p.teamId === team.id), 5_000, 'the position on the board');

    await a.kill();
    // PostgreSQL ends the dead instance's session and frees its locks; B takes the jobs at their next pass and
    // raises the silence alarm the dead instance can no longer raise.
    const raised = await eventually(() => boardOnB.events.find((e) => e.type === 'alarm.raised' && e.payload.alarm.sourceId === team.id), 20_000, 'the silence alarm from B');
    expect(raised.type === 'alarm.raised' && raised.payload.alarm.kind).toBe('unit_silent');
    const holders = await lockHolders();
    expect(holders).toHaveLength(1);
    expect(holders).not.toContain(first);
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type DomainEvent } from '../../shared/schemas/event';
import { AlarmService } from '../alarms/alarm-service';
import { LoginThrottle } from '../auth/login-throttle';
import { SessionService } from '../auth/session-service';
import { UserService } from '../auth/user-service';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { SnapshotService } from '../sync/snapshot-service';
import { TeamService } from '../teams/team-service';
import { WallLayoutService } from '../wall/wall-layout-service';
import { dropPostgresSchema, openStore, type Store } from './database';
import { parseInput } from '../validation';
import { TeamCreateSchema } from '../../shared/schemas/team';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const LIFETIMES = { admin: 1, commander: 1, duty_officer: 1, field: 1, wall: 1 };

const teamInput = (name: string) => ({
  name,
  kind: 'township',
  leader: '张三',
  phone: '110',
  headcount: 10,
  capabilities: ['排涝'],
  baseName: '基地',
  base: { lat: 29.44, lon: 121.87 },
  township: '丹西街道',
});

describe.each(['sqlite', 'postgres'] as const)('store suite on %s', (dialect) => {
  const schema = `tw_test_${randomBytes(5).toString('hex')}`;
  let store: Store;
  let log: EventLog;
  let bus: EventBus;
  let transactor: Transactor;
  let delivered: DomainEvent[];

  beforeAll(async () => {
    store = dialect === 'sqlite' ? await openStore({ sqliteFile: ':memory:' }) : await openStore({ databaseUrl: PG_URL, schema });
  });
  afterAll(async () => {
    await store.close();
    if (dialect === 'postgres') await dropPostgresSchema(PG_URL, schema);
  });
  beforeEach(async () => {
    log = new EventLog(store.db);
    bus = new EventBus(await log.currentSeq(), (a, b) => log.readRange(a, b), (e) => {
      throw e;
    });
    delivered = [];
    bus.subscribe(({ event }) => delivered.push(event));
    transactor = new Transactor(store.db, log, bus);
  });

  it('gives concurrent appenders gap-free seqs in commit order, delivered in order', async () => {
    const start = await log.currentSeq();
    const teams = new TeamService(store.db, transactor);
    await Promise.all(Array.from({ length: 30 }, (_, i) => teams.create(parseInput(TeamCreateSchema, teamInput(`并发队${i}`)), SYSTEM_ACTOR)));
    const stored = await log.readRange(start + 1, start + 30);
    expect(stored.map((s) => s.event.seq)).toEqual(Array.from({ length: 30 }, (_, i) => start + 1 + i));
    expect(delivered.map((e) => e.seq)).toEqual(stored.map((s) => s.event.seq));
    expect(await log.currentSeq()).toBe(start + 30);
  });

  it('leaves no gap and no half-written state when a transaction fails', async () => {
    const teams = new TeamService(store.db, transactor);
    const before = await log.currentSeq();
    const teamCount = (await teams.list()).length;
    await expect(
      transactor.run(async (tx, record) => {
        await record({ type: 'team.deleted', actor: SYSTEM_ACTOR, payload: { teamId: 'x' } });
        await tx.insertInto('teams').values({ id: 'half', name: 'half', kind: 'civil', leader: '', phone: '', headcount: 1, capabilities: '[]', base_name: '', base_lat: 0, base_lon: 0, township: null, status: 'standby', updated_at: '' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await log.currentSeq()).toBe(before);
    expect((await teams.list()).length).toBe(teamCount);
    const team = await teams.create(parseInput(TeamCreateSchema, teamInput('回滚后')), SYSTEM_ACTOR);
    expect(delivered.at(-1)).toMatchObject({ seq: before + 1, type: 'team.created', payload: { team: { id: team.id } } });
  });

  it('shows each role only the events it may see', async () => {
    const teams = new TeamService(store.db, transactor);
    const users = new UserService(store.db, transactor);
    const from = await log.currentSeq();
    const team = await teams.create(parseInput(TeamCreateSchema, teamInput('可见性')), SYSTEM_ACTOR);
    await users.create({ username: `u${dialect}vis`, displayName: '某人', role: 'duty_officer', password: 'long-enough-password' }, SYSTEM_ACTOR);
    const other = await teams.create(parseInput(TeamCreateSchema, teamInput('别的队')), SYSTEM_ACTOR);
    const types = async (viewer: { role: 'admin' | 'duty_officer' | 'field' | 'wall'; teamId: string | null }) =>
      (await log.readVisibleAfter(viewer, from, 100)).map((e) => e.type);
    expect(await types({ role: 'admin', teamId: null })).toEqual(['team.created', 'user.created', 'team.created']);
    expect(await types({ role: 'wall', teamId: null })).toEqual(['team.created', 'team.created']);
    const field = await log.readVisibleAfter({ role: 'field', teamId: team.id }, from, 100);
    expect(field.map((e) => e.type === 'team.created' && e.payload.team.id)).toEqual([team.id]);
    expect(field.some((e) => e.type === 'team.created' && e.payload.team.id === other.id)).toBe(false);
  });

  it('signs in, authenticates, logs every login and cuts a revoked session off', async () => {
    const users = new UserService(store.db, transactor);
    const sessions = new SessionService(store.db, transactor, new LoginThrottle(), LIFETIMES);
    await users.create({ username: `cmd-${dialect}`, displayName: '指挥长', role: 'commander', password: 'correct-horse-battery' }, SYSTEM_ACTOR);
    const session = await sessions.login({ username: `cmd-${dialect}`, password: 'correct-horse-battery' }, { ip: '10.1.1.1', userAgent: 'test' });
    const principal = await sessions.authenticate(session.token);
    expect(principal).toMatchObject({ username: `cmd-${dialect}`, role: 'commander' });
    await expect(sessions.login({ username: `cmd-${dialect}`, password: 'wrong-password' }, { ip: '10.1.1.1', userAgent: null })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(delivered.filter((e) => e.type === 'auth.login' || e.type === 'auth.login_failed').map((e) => e.type)).toEqual(['auth.login', 'auth.login_failed']);
    await sessions.revoke(principal!.sessionId, SYSTEM_ACTOR);
    expect(await sessions.authenticate(session.token)).toBeNull();
  });

  it('throttles repeated failed sign-ins for one account', async () => {
    const users = new UserService(store.db, transactor);
    const sessions = new SessionService(store.db, transactor, new LoginThrottle(), LIFETIMES);
    await users.create({ username: `thr-${dialect}`, displayName: '值班员', role: 'duty_officer', password: 'correct-horse-battery' }, SYSTEM_ACTOR);
    for (let i = 0; i < 5; i++) {
      await expect(sessions.login({ username: `thr-${dialect}`, password: `wrong-${i}` }, { ip: '10.2.2.2', userAgent: null })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(sessions.login({ username: `thr-${dialect}`, password: 'correct-horse-battery' }, { ip: '10.2.2.2', userAgent: null })).rejects.toMatchObject({ code: 'LOGIN_THROTTLED' });
  });

  it('builds a snapshot whose seq matches the state it shows', async () => {
    const teams = new TeamService(store.db, transactor);
    const alarms = new AlarmService(store.db, transactor);
    const layouts = new WallLayoutService(store.db, transactor);
    const snapshots = new SnapshotService(store.db, store.dialect, log, alarms, layouts, { readDevices: async () => [] });
    const team = await teams.create(parseInput(TeamCreateSchema, teamInput('快照')), SYSTEM_ACTOR);
    await alarms.raise({ kind: 'unit_silent', severity: 'warning', sound: 'once', sourceType: 'team', sourceId: team.id, params: { teamName: '快照' } });
    const snapshot = await snapshots.build({ userId: 'x', username: 'w', displayName: 'w', role: 'wall', teamId: null, sessionId: 's', expiresAt: '' });
    expect(snapshot.seq).toBe(await log.currentSeq());
    expect(snapshot.teams.some((t) => t.id === team.id)).toBe(true);
    expect(snapshot.alarms.some((a) => a.sourceId === team.id && a.state === 'raised')).toBe(true);
    expect(snapshot.users).toEqual([]);
  });

  it('keeps one open alarm per source through raise → acknowledge → clear', async () => {
    const alarms = new AlarmService(store.db, transactor);
    const source = `team-${dialect}-alarm`;
    const first = await alarms.raise({ kind: 'unit_silent', severity: 'warning', sound: 'once', sourceType: 'team', sourceId: source, params: {} });
    const again = await alarms.raise({ kind: 'unit_silent', severity: 'warning', sound: 'once', sourceType: 'team', sourceId: source, params: {} });
    expect(again.id).toBe(first.id);
    const acked = await alarms.acknowledge(first.id, { type: 'user', id: 'u1', name: '值班员甲' });
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedBy: '值班员甲' });
    const cleared = await alarms.clear('unit_silent', source);
    expect(cleared?.state).toBe('cleared');
    await expect(alarms.acknowledge(first.id, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(delivered.filter((e) => e.type.startsWith('alarm.') && 'alarm' in e.payload && e.payload.alarm.sourceId === source).map((e) => e.type)).toEqual(['alarm.raised', 'alarm.acknowledged', 'alarm.cleared']);
  });
});

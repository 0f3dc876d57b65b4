import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { AlarmService } from '../alarms/alarm-service';
import { dropPostgresSchema, openStore, type Store } from '../db/database';
import { IncidentService } from '../incidents/incident-service';
import { ReportingRulesService } from '../incidents/reporting-rules-service';
import { majorIncidentInput } from '../incidents/test-support';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { silentLogger } from '../positions/test-support';
import { TeamService } from '../teams/team-service';
import { ActionLedger } from '../actions/action-ledger';
import { AssignmentWriter } from './assignment-writer';
import { DispatchReader } from './dispatch-reader';
import { DispatchService } from './dispatch-service';
import { DispatchEscalationWatcher } from './escalation-watcher';
import { TeamSuggester } from './team-suggester';
import { action, createRequest, principal } from './test-support';
import { parseInput } from '../validation';
import { DispatchCreateSchema, DispatchStepRequestSchema } from '../../shared/schemas/dispatch';
import { IncidentCreateSchema } from '../../shared/schemas/incident';
import { TeamCreateSchema } from '../../shared/schemas/team';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const desk = principal('commander');

describe.each(['sqlite', 'postgres'] as const)('dispatch store on %s', (dialect) => {
  const schema = `tw_dispatch_${randomBytes(5).toString('hex')}`;
  let store: Store;
  let log: EventLog;
  let alarms: AlarmService;
  let transactor: Transactor;
  let dispatches: DispatchService;
  let reader: DispatchReader;
  const teamIds: string[] = [];

  beforeAll(async () => {
    store = dialect === 'sqlite' ? await openStore({ sqliteFile: ':memory:' }) : await openStore({ databaseUrl: PG_URL, schema });
    log = new EventLog(store.db);
    const bus = new EventBus(await log.currentSeq(), (a, b) => log.readRange(a, b), () => {});
    transactor = new Transactor(store.db, log, bus);
    alarms = new AlarmService(store.db, transactor);
    reader = new DispatchReader(store.db);
    dispatches = new DispatchService(new ActionLedger(store.db, transactor), new AssignmentWriter(alarms), reader);
    const teams = new TeamService(store.db, transactor);
    for (const name of ['甲队', '乙队', '丙队']) {
      const team = await teams.create(parseInput(TeamCreateSchema, { name, kind: 'township', leader: '张三', phone: '1', headcount: 5, capabilities: [], baseName: '基地', base: { lat: 29.44, lon: 121.87 }, township: null }), SYSTEM_ACTOR);
      teamIds.push(team.id);
    }
  });
  afterAll(async () => {
    await store?.close();
    if (dialect === 'postgres') await dropPostgresSchema(PG_URL, schema);
  });

  const events = async (type: string, from: number) => (await log.readRange(from + 1, 1_000_000)).filter((s) => s.event.type === type);

  it('applies concurrent copies of one action once and answers each with the same result', async () => {
    const from = await log.currentSeq();
    const request = createRequest([teamIds[0]!]);
    const answers = await Promise.all(Array.from({ length: 6 }, () => dispatches.create(parseInput(DispatchCreateSchema, request), desk)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await events('dispatch.assigned', from)).toHaveLength(1);

    const tablet = principal('field', teamIds[0]!);
    const step = { actionId: action(), dispatchId: answers[0]!.id, to: 'accepted' as const };
    const accepted = await Promise.all(Array.from({ length: 6 }, () => dispatches.tabletStep(parseInput(DispatchStepRequestSchema, step), tablet)));
    expect(accepted.every((a) => a.assignments[0]?.state === 'accepted')).toBe(true);
    expect(await events('dispatch.stepped', from)).toHaveLength(1);
  });

  it('settles a cancel of every team racing the teams’ own steps without a server error', async () => {
    for (let round = 0; round < 5; round++) {
      const created = await dispatches.create(parseInput(DispatchCreateSchema, createRequest([teamIds[1]!, teamIds[2]!])), desk);
      const steps = [teamIds[2]!, teamIds[1]!].map((teamId) => dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: created.id, to: 'accepted' }), principal('field', teamId)));
      const outcomes = await Promise.allSettled([dispatches.cancel(created.id, { actionId: action(), reason: '撤销' }, desk), ...steps]);
      for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'INVALID_TRANSITION' });
      const final = await reader.get(created.id, desk);
      expect(final.assignments.map((a) => a.state).every((s) => s === 'cancelled' || s === 'accepted')).toBe(true);
    }
  });

  it('reads lists, snapshots, overdue assignments and suggestions with the same SQL on both stores', async () => {
    const incidents = new IncidentService(store.db, transactor, new ReportingRulesService(store.db, transactor), alarms);
    const incident = await incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), SYSTEM_ACTOR);
    await expect(async () => dispatches.create(parseInput(DispatchCreateSchema, createRequest([teamIds[0]!], { incidentId: 'no-such-incident' })), desk)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const created = await dispatches.create(parseInput(DispatchCreateSchema, createRequest([teamIds[0]!], { incidentId: incident.id })), desk);
    expect((await reader.list({ incidentId: incident.id, active: true, limit: 10 }, desk)).map((d) => d.id)).toEqual([created.id]);
    expect((await reader.list({ teamId: teamIds[0]!, state: 'created', limit: 10 }, desk)).map((d) => d.id)).toEqual([created.id]);
    expect((await reader.forSnapshot(store.db, principal('field', teamIds[0]!))).some((d) => d.id === created.id)).toBe(true);
    expect((await reader.get(created.id, desk)).assignments[0]).toMatchObject({ queued: true });

    const watcher = new DispatchEscalationWatcher({ db: store.db, transactor, alarms, deliveryTimeoutMs: 0, acceptTimeoutMs: 3_600_000, clock: () => Date.now() + 1_000, logger: silentLogger });
    await watcher.checkNow();
    await watcher.checkNow();
    const open = (await alarms.listOpen()).filter((a) => a.kind === 'dispatch_undelivered' && a.sourceId === `${created.id}:${teamIds[0]}`);
    expect(open).toHaveLength(1);
    await watcher.close();

    const suggestions = await new TeamSuggester(store.db, () => null, 60_000).suggest({ lat: 29.44, lon: 121.87, limit: 5, includeBusy: true });
    expect(suggestions.teams.find((s) => s.team.id === teamIds[0])).toMatchObject({ available: false, activeDispatches: 2, from: 'base', reach: 'phone' });
  });
});

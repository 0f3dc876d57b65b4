import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTask } from '../../shared/schemas/response-plan';
import { dropPostgresSchema, openStore } from '../db/database';
import { commander, openResponseServices, type ResponseTestServices } from './test-support';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const SHIPU = { lat: 29.2089, lon: 121.9418 };

const teamTask = (key: string, teamId: string, automatic = false): PlanTask => ({
  key,
  title: `${teamId} 前置`,
  owner: { kind: 'team', teamId },
  dueMinutes: 60,
  repeatMinutes: null,
  action: { kind: 'dispatch', teamIds: [teamId], taskType: 'pre_position', priority: 'urgent', destination: { ...SHIPU, label: '石浦渔港' }, instructions: '' },
  automatic,
});
const townshipTask = (key: string): PlanTask => ({ key, title: '人员转移', owner: { kind: 'township', township: '石浦镇' }, dueMinutes: 120, repeatMinutes: null, action: null, automatic: false });

describe.each(['sqlite', 'postgres'] as const)('responses on %s', (dialect) => {
  const schema = `tw_response_${randomBytes(5).toString('hex')}`;
  let s: ResponseTestServices;
  /** Set by a test: the next dispatch the plan creates fails, as a crash half-way would. */
  let failDispatch = false;

  beforeAll(async () => {
    const store = dialect === 'sqlite' ? await openStore({ sqliteFile: ':memory:' }) : await openStore({ databaseUrl: PG_URL, schema });
    s = await openResponseServices(store, Date.now, (ports) => ({
      ...ports,
      createDispatch: async (...args) => {
        if (failDispatch) throw new Error('simulated failure half-way through');
        return ports.createDispatch(...args);
      },
    }));
    for (const id of ['team-a', 'team-b', 'team-c']) await s.addTeam(id);
    await s.addContact('contact-shipu', '石浦镇', '13900000001');
    await s.plans.save('typhoon', 'IV', { tasks: [townshipTask('iv-move'), teamTask('iv-a', 'team-a')], note: '', baseVersion: 0 }, commander);
    await s.plans.save('typhoon', 'III', { tasks: [teamTask('iii-b', 'team-b'), townshipTask('iii-move')], note: '', baseVersion: 0 }, commander);
    await s.plans.save('typhoon', 'II', { tasks: [teamTask('ii-c', 'team-c', true)], note: '', baseVersion: 0 }, commander);
    await s.plans.save('flood', 'IV', { tasks: [teamTask('f-a', 'team-a'), townshipTask('f-move')], note: '', baseVersion: 0 }, commander);
    await s.plans.save('flood', 'II', { tasks: [townshipTask('f-ii'), teamTask('f-c', 'team-c', true)], note: '', baseVersion: 0 }, commander);
  });
  afterAll(async () => {
    await s?.close();
    if (dialect === 'postgres') await dropPostgresSchema(PG_URL, schema);
  });

  const counts = async () => ({
    responses: (await s.store.db.selectFrom('responses').select('id').execute()).length,
    tasks: (await s.store.db.selectFrom('response_tasks').select('id').execute()).length,
    links: (await s.store.db.selectFrom('warning_recipients').select('id').where('subject_type', '=', 'task').execute()).length,
    dispatches: (await s.store.db.selectFrom('dispatches').select('id').execute()).length,
    seq: await s.log.currentSeq(),
  });

  it('activation is one transaction: a failure half-way (an automatic action) leaves no response, task, link or event', async () => {
    const before = await counts();
    failDispatch = true;
    try {
      await expect(s.responses.start({ actionId: randomUUID(), hazard: 'flood', level: 'II', reason: '演示', exercise: false, confirmDuringReal: false }, commander)).rejects.toThrow('simulated failure');
    } finally {
      failDispatch = false;
    }
    expect(await counts()).toEqual(before);
  });

  it('concurrent copies of one start (a double click, a retried request) create one response with one set of tasks', async () => {
    const before = await counts();
    const request = { actionId: randomUUID(), hazard: 'typhoon' as const, level: 'IV' as const, reason: '7级风圈24小时内影响', exercise: false, confirmDuringReal: false };
    const answers = await Promise.all([s.responses.start(request, commander), s.responses.start(request, commander), s.responses.start(request, commander)]);
    expect(new Set(answers.map((a) => a.response.id)).size).toBe(1);
    expect(answers[1]).toEqual(answers[0]);
    const after = await counts();
    expect([after.responses - before.responses, after.tasks - before.tasks, after.links - before.links]).toEqual([1, 2, 1]);
  });

  it('raise adds the higher levels (automatic actions run), confirm all dispatches once, lower closes the higher level, end closes the rest', async () => {
    const [response] = await s.responses.list('active');
    const raise = { actionId: randomUUID(), level: 'II' as const, reason: '10级风圈12小时内影响' };
    const raised = await s.responses.raise(response!.id, raise, commander);
    expect(await s.responses.raise(response!.id, raise, commander)).toEqual(raised);
    expect(raised.tasks.map((t) => [t.key, t.actionState])).toEqual([['iii-b', 'prepared'], ['iii-move', 'none'], ['ii-c', 'done']]);
    const confirm = { actionId: randomUUID(), taskIds: [], all: true };
    const [first, second] = await Promise.all([s.responses.confirm(response!.id, confirm, commander), s.responses.confirm(response!.id, confirm, commander)]);
    expect(second).toEqual(first);
    expect(first!.tasks.map((t) => t.key).sort()).toEqual(['iii-b', 'iv-a']);
    const teams = await s.store.db.selectFrom('dispatch_assignments').select('team_id').execute();
    expect(teams.map((t) => t.team_id).sort()).toEqual(['team-a', 'team-b', 'team-c']);

    await s.responses.lower(response!.id, { actionId: randomUUID(), level: 'III', reason: '减弱' }, commander);
    const lowered = await s.responses.tasks(response!.id);
    expect(lowered.filter((t) => t.state === 'closed').map((t) => t.key)).toEqual(['ii-c']);
    await s.responses.end(response!.id, { actionId: randomUUID(), reason: '解除' }, commander);
    const ended = await s.responses.tasks(response!.id);
    expect(ended.every((t) => t.state === 'closed')).toBe(true);
    expect(ended.find((t) => t.key === 'iv-move')!.closedReason).toBe('响应结束：解除');
    await expect(s.responses.raise(response!.id, { actionId: randomUUID(), level: 'I', reason: 'x' }, commander)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

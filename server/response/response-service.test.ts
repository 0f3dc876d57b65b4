import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanTask } from '../../shared/schemas/response-plan';
import { openStore } from '../db/database';
import { linkTokens, manualClock } from '../warnings/test-support';
import { commander, dutyOfficer, openResponseServices, type ResponseTestServices } from './test-support';

let clock = manualClock();
let s: ResponseTestServices;
const MIN = 60_000;
const SHIPU = { lat: 29.2089, lon: 121.9418 };

const IV: PlanTask[] = [
  { key: 'duty', title: '启动24小时领导带班值班', owner: { kind: 'role', role: 'commander' }, dueMinutes: 30, repeatMinutes: null, action: null, automatic: false },
  { key: 'stage-a', title: '甲队前置石浦渔港', owner: { kind: 'team', teamId: 'team-a' }, dueMinutes: 120, repeatMinutes: null, action: { kind: 'dispatch', teamIds: ['team-a'], taskType: 'pre_position', priority: 'urgent', destination: { ...SHIPU, label: '石浦渔港' }, instructions: '' }, automatic: false },
  { key: 'vessels', title: '渔船回港', owner: { kind: 'township', township: '石浦镇' }, dueMinutes: 240, repeatMinutes: null, action: null, automatic: false },
  { key: 'report', title: '每6小时报送', owner: { kind: 'township', township: '石浦镇' }, dueMinutes: 360, repeatMinutes: 360, action: null, automatic: false },
];
const III: PlanTask[] = [
  { key: 'shelters', title: '开放石浦避灾场所', owner: { kind: 'role', role: 'duty_officer' }, dueMinutes: 180, repeatMinutes: null, action: { kind: 'open_shelters', townships: ['石浦镇'] }, automatic: false },
  { key: 'ghost', title: '已撤销队伍前置', owner: { kind: 'team', teamId: 'team-gone' }, dueMinutes: 120, repeatMinutes: null, action: null, automatic: false },
  { key: 'warning', title: '拟发台风黄色预警', owner: { kind: 'role', role: 'duty_officer' }, dueMinutes: 60, repeatMinutes: null, action: { kind: 'draft_warning', hazard: 'typhoon', colour: 'yellow', townships: ['石浦镇'], hours: 24 }, automatic: false },
];
const II: PlanTask[] = [{ key: 'move', title: '人员转移', owner: { kind: 'township', township: '石浦镇' }, dueMinutes: 360, repeatMinutes: null, action: null, automatic: false }];

const start = (extra: Record<string, unknown> = {}) => s.responses.start({ actionId: randomUUID(), hazard: 'typhoon', level: 'IV', reason: '7级风圈预计24小时内影响', exercise: false, confirmDuringReal: false, ...extra }, commander);
const events = async () => (await s.log.readRange(1, 100_000)).map((e) => e.event);

beforeEach(async () => {
  clock = manualClock();
  s = await openResponseServices(await openStore({ sqliteFile: ':memory:' }), () => clock.now());
  await s.addTeam('team-a', '甲队');
  await s.addShelter('shelter-shipu', '石浦镇', SHIPU.lat, SHIPU.lon);
  await s.addContact('contact-shipu', '石浦镇', '13900000001');
  for (const [level, tasks] of [['IV', IV], ['III', III], ['II', II]] as const) await s.plans.save('typhoon', level, { tasks, note: '', baseVersion: 0 }, commander);
});
afterEach(() => s.close());

describe('plans', () => {
  it('saves versions, refuses a stale one, and reports a team that does not exist', async () => {
    const saved = await s.plans.save('typhoon', 'III', { tasks: III, note: '改了', baseVersion: 1 }, commander);
    expect(saved.plan.version).toBe(2);
    expect(saved.problems).toEqual([{ taskKey: 'ghost', kind: 'missing_team', ref: 'team-gone' }]);
    await expect(s.plans.save('typhoon', 'III', { tasks: [], note: '', baseVersion: 1 }, commander)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await s.plans.versions('typhoon', 'III')).map((p) => [p.version, p.note])).toEqual([[2, '改了'], [1, '']]);
    await expect(s.plans.versions('typhoon', 'V')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('responses', () => {
  it('starts Ⅳ: the plan’s tasks with deadlines, prepared actions and personal links for the township', async () => {
    const { response, tasks, problems } = await start();
    expect(response).toMatchObject({ level: 'IV', state: 'active', planVersions: { IV: 1 } });
    expect(tasks.map((t) => [t.key, t.ownerName, t.dueAt, t.actionState])).toEqual([
      ['duty', '指挥长', '2025-09-15T01:30:00.000Z', 'none'],
      ['stage-a', '甲队', '2025-09-15T03:00:00.000Z', 'prepared'],
      ['vessels', '石浦镇', '2025-09-15T05:00:00.000Z', 'none'],
      ['report', '石浦镇', '2025-09-15T07:00:00.000Z', 'none'],
    ]);
    expect(problems).toEqual([]);
    const vessels = tasks.find((t) => t.key === 'vessels')!;
    expect(await s.recipients.listFor('task', vessels.id)).toMatchObject([{ name: '石浦镇镇长', subjectType: 'task', state: 'queued' }]);
    const [token] = [...(await linkTokens(s.store.db, vessels.id)).values()];
    const page = await s.recipients.open(token!);
    expect(page).toMatchObject({ state: 'open', subject: { headline: '防台风Ⅳ级应急响应任务', body: ['渔船回港'], asksReceived: false } });
    await s.recipients.answer(token!, 'done', '620艘渔船全部回港', null);
    expect((await s.responses.tasks(response.id)).find((t) => t.id === vessels.id)).toMatchObject({ state: 'done', note: '620艘渔船全部回港', doneBy: '石浦镇 石浦镇镇长' });
  });

  it('answers a retried start with the first result and creates nothing twice; a second start of the hazard is refused', async () => {
    const actionId = randomUUID();
    const first = await start({ actionId });
    const seq = (await events()).length;
    const again = await start({ actionId });
    expect(again).toEqual(first);
    expect((await events()).length).toBe(seq);
    expect(await s.responses.tasks(first.response.id)).toHaveLength(4);
    await expect(start()).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('raise adds the higher levels’ tasks, reporting the missing team; confirm all runs the rest; lower and end close what is open', async () => {
    const { response } = await start();
    clock.advance(60 * MIN);
    const raised = await s.responses.raise(response.id, { actionId: randomUUID(), level: 'II', reason: '10级风圈12小时内影响' }, commander);
    expect(raised.response).toMatchObject({ level: 'II', planVersions: { IV: 1, III: 1, II: 1 } });
    expect(raised.tasks.map((t) => t.key)).toEqual(['shelters', 'ghost', 'warning', 'move']);
    expect(raised.problems).toEqual([{ taskKey: 'ghost', kind: 'missing_team', ref: 'team-gone' }]);

    const confirmed = await s.responses.confirm(response.id, { actionId: randomUUID(), taskIds: [], all: true }, commander);
    const byKey = Object.fromEntries(confirmed.tasks.map((t) => [t.key, t]));
    expect(byKey['stage-a']).toMatchObject({ actionState: 'done', state: 'open', actionResult: { dispatchIds: [expect.any(String)], confirmedBy: { name: '指挥长乙' } } });
    expect(byKey.shelters).toMatchObject({ actionState: 'done', state: 'done', actionResult: { shelterIds: ['shelter-shipu'] } });
    expect(byKey.ghost).toMatchObject({ actionState: 'failed', problems: [{ kind: 'missing_team', ref: 'team-gone' }] });
    expect(byKey.warning!.actionResult!.warningId).toBeTruthy();
    expect((await s.warnings.get(byKey.warning!.actionResult!.warningId!)).status).toBe('draft');
    expect((await s.shelters.list()).find((x) => x.id === 'shelter-shipu')!.status).toBe('open');
    const dispatch = (await events()).find((e) => e.type === 'dispatch.assigned');
    expect(dispatch).toMatchObject({ payload: { teamId: 'team-a', dispatch: { instructions: '甲队前置石浦渔港', taskType: 'pre_position' } } });
    await expect(s.responses.confirm(response.id, { actionId: randomUUID(), taskIds: [byKey['stage-a']!.id], all: false }, commander)).rejects.toMatchObject({ code: 'CONFLICT' });

    await s.responses.lower(response.id, { actionId: randomUUID(), level: 'III', reason: '台风减弱' }, commander);
    let tasks = await s.responses.tasks(response.id);
    expect(tasks.find((t) => t.key === 'move')).toMatchObject({ state: 'closed', closedReason: '降为Ⅲ级，不再需要：台风减弱' });
    expect(tasks.find((t) => t.key === 'ghost')!.state).toBe('open');
    await expect(s.responses.lower(response.id, { actionId: randomUUID(), level: 'II', reason: 'x' }, commander)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const ended = await s.responses.end(response.id, { actionId: randomUUID(), reason: '台风已登陆减弱为热带低压' }, commander);
    expect(ended).toMatchObject({ state: 'ended', history: [{ kind: 'started' }, { kind: 'raised' }, { kind: 'lowered' }, { kind: 'ended', reason: '台风已登陆减弱为热带低压' }] });
    tasks = await s.responses.tasks(response.id);
    expect(tasks.filter((t) => t.state === 'open')).toEqual([]);
    expect(tasks.find((t) => t.key === 'duty')!.closedReason).toBe('响应结束：台风已登陆减弱为热带低压');
    expect(tasks.find((t) => t.key === 'shelters')!.state).toBe('done');
  });

  it('raises one overdue alarm per task past its deadline and clears it when done; a repeating task comes back', async () => {
    const { response, tasks } = await start();
    clock.advance(29 * MIN);
    expect(await s.watcher.pass()).toBe(0);
    clock.advance(2 * MIN);
    expect(await s.watcher.pass()).toBe(1);
    expect(await s.watcher.pass()).toBe(0);
    const duty = tasks.find((t) => t.key === 'duty')!;
    expect(await s.alarms.listOpen()).toMatchObject([{ kind: 'task_overdue', sourceId: duty.id, params: { title: '启动24小时领导带班值班', owner: '指挥长', minutes: 1, level: 'Ⅳ' } }]);
    await s.tasks.done(duty.id, '已安排', dutyOfficer);
    expect(await s.alarms.listOpen()).toEqual([]);
    await expect(s.tasks.done(duty.id, '', dutyOfficer)).rejects.toMatchObject({ code: 'CONFLICT' });

    const report = tasks.find((t) => t.key === 'report')!;
    await s.tasks.done(report.id, '第一次报送', dutyOfficer);
    const rounds = (await s.responses.tasks(response.id)).filter((t) => t.key === 'report');
    expect(rounds.map((t) => [t.occurrence, t.state, t.dueAt])).toEqual([
      [1, 'done', '2025-09-15T07:00:00.000Z'],
      [2, 'open', '2025-09-15T13:00:00.000Z'],
    ]);
    expect(await s.recipients.listFor('task', rounds[1]!.id)).toHaveLength(1);
  });

  it('a drill marks what it creates, opens its shelters as the drill’s, and during a real response needs a confirmation and reaches only its chosen teams', async () => {
    const real = await start();
    await expect(start({ exercise: true })).rejects.toMatchObject({ code: 'DRILL_NEEDS_CONFIRMATION' });
    const drill = await start({ exercise: true, confirmDuringReal: true, level: 'III', drillScope: { teamIds: [], contactIds: [] } });
    expect(drill.response).toMatchObject({ exercise: true, drillScope: { teamIds: [] } });
    expect(drill.tasks.every((t) => t.exercise)).toBe(true);
    expect(await s.recipients.listFor('task', drill.tasks.find((t) => t.key === 'vessels')!.id)).toEqual([]);
    const confirmed = await s.responses.confirm(drill.response.id, { actionId: randomUUID(), taskIds: [], all: true }, commander);
    const byKey = Object.fromEntries(confirmed.tasks.map((t) => [t.key, t]));
    expect(byKey['stage-a']).toMatchObject({ actionState: 'failed', actionResult: { problems: [{ kind: 'outside_drill', ref: 'team-a' }] } });
    expect((await s.shelters.list()).find((x) => x.id === 'shelter-shipu')).toMatchObject({ status: 'open', exercise: true });
    expect((await s.warnings.get(byKey.warning!.actionResult!.warningId!)).exercise).toBe(true);
    expect(real.response.exercise).toBe(false);
  });

  it('ending lists the plan’s dispatches still under way, cancels none of them, and the commander cancels them in one click', async () => {
    const { response } = await start();
    await s.responses.confirm(response.id, { actionId: randomUUID(), taskIds: [], all: true }, commander);
    await s.responses.end(response.id, { actionId: randomUUID(), reason: '台风已远离' }, commander);
    const left = await s.planDispatches.stillActive(response.id);
    expect(left.map((l) => [l.taskTitle, l.dispatch.assignments.map((a) => [a.teamId, a.state])])).toEqual([['甲队前置石浦渔港', [['team-a', 'created']]]]);
    await expect(s.planDispatches.cancel(response.id, { actionId: randomUUID(), dispatchIds: ['someone-else'], reason: '响应结束' }, commander)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const request = { actionId: randomUUID(), dispatchIds: [left[0]!.dispatch.id], reason: '响应结束' };
    expect(await s.planDispatches.cancel(response.id, request, commander)).toEqual({ cancelled: [left[0]!.dispatch.id], alreadyFinished: [] });
    expect(await s.planDispatches.cancel(response.id, request, commander)).toEqual({ cancelled: [left[0]!.dispatch.id], alreadyFinished: [] });
    expect(await s.planDispatches.stillActive(response.id)).toEqual([]);
    const steps = (await events()).filter((e) => e.type === 'dispatch.stepped');
    expect(steps.map((e) => (e.payload as { step: { state: string; reason: string } }).step)).toEqual([expect.objectContaining({ state: 'cancelled', reason: '响应结束' })]);
  });

  it('a plan activated as a drill sends drill dispatches, flagged as such for the tablet and the report', async () => {
    const drill = await start({ exercise: true });
    await s.responses.confirm(drill.response.id, { actionId: randomUUID(), taskIds: [], all: true }, commander);
    const assigned = (await events()).filter((e) => e.type === 'dispatch.assigned');
    expect(assigned).toHaveLength(1);
    const dispatch = (assigned[0]!.payload as { dispatch: { exercise: boolean; instructions: string } }).dispatch;
    expect(dispatch.exercise).toBe(true);
    expect(dispatch.instructions.startsWith('【演练】')).toBe(true);
    expect(await s.store.db.selectFrom('dispatches').select('exercise').execute()).toEqual([{ exercise: 1 }]);
  });
});

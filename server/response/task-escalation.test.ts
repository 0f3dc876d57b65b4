import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanTask } from '../../shared/schemas/response-plan';
import { openStore } from '../db/database';
import { linkTokens, manualClock } from '../warnings/test-support';
import { commander, dutyOfficer, openResponseServices, type ResponseTestServices } from './test-support';

let clock = manualClock();
let s: ResponseTestServices;
const MIN = 60_000;

const PLAN: PlanTask[] = [
  { key: 'vessels', title: '渔船回港', owner: { kind: 'township', township: '石浦镇' }, dueMinutes: 60, repeatMinutes: null, action: null, automatic: false },
  { key: 'duty', title: '领导带班', owner: { kind: 'role', role: 'commander' }, dueMinutes: 60, repeatMinutes: null, action: null, automatic: false },
];

const person = (name: string, phone: string, backupId: string | null) => ({ name, duty: 'township_head' as const, township: '石浦镇', unit: '', phones: [phone], channels: ['sms' as const], backupId });

beforeEach(async () => {
  clock = manualClock();
  s = await openResponseServices(await openStore({ sqliteFile: ':memory:' }), () => clock.now());
  await s.contacts.create(person('石浦B角', '13900000002', null), dutyOfficer, 'contact-b');
  await s.contacts.create(person('石浦A角', '13900000001', 'contact-b'), dutyOfficer, 'contact-a');
  await s.plans.save('typhoon', 'IV', { tasks: PLAN, note: '', baseVersion: 0 }, commander);
});
afterEach(() => s.close());

const start = async (extra: Record<string, unknown> = {}) => s.responses.start({ actionId: randomUUID(), hazard: 'typhoon', level: 'IV', reason: '7级风圈', exercise: false, confirmDuringReal: false, ...extra }, commander);
const taskOf = async (responseId: string, key: string) => (await s.responses.tasks(responseId)).find((t) => t.key === key)!;

describe('B角 escalation of unanswered tasks', () => {
  it('past the deadline sends the silent A角’s backup their own link, shows whom on the task, and the backup’s 已落实 completes it', async () => {
    const { response } = await start();
    const task = await taskOf(response.id, 'vessels');
    expect(await s.tasks.answers(task.id)).toMatchObject([{ name: '石浦A角', role: 'primary', backupFor: null }]);

    clock.advance(59 * MIN);
    await s.watcher.pass();
    expect((await taskOf(response.id, 'vessels')).escalations).toEqual([]);

    clock.advance(2 * MIN);
    await s.watcher.pass();
    await s.watcher.pass();
    const escalated = await taskOf(response.id, 'vessels');
    expect(escalated.escalations).toEqual([{ contactId: 'contact-b', name: '石浦B角', phones: ['13900000002'], forName: '石浦A角', at: new Date(clock.now()).toISOString() }]);
    const answers = await s.tasks.answers(task.id);
    expect(answers.map((r) => [r.name, r.role])).toEqual([['石浦A角', 'primary'], ['石浦B角', 'backup']]);
    expect(answers[1]!.backupFor).toBe(answers[0]!.id);
    // The commander's own task has no contacts to escalate to.
    expect((await taskOf(response.id, 'duty')).escalations).toEqual([]);
    const [alarm] = (await s.alarms.listOpen()).filter((a) => a.sourceId === task.id);
    expect(alarm?.params.silent).toBe('石浦A角 13900000001; 石浦B角（B角） 13900000002');

    const token = (await linkTokens(s.store.db, task.id)).get(answers[1]!.id)!;
    await s.recipients.answer(token, 'done', 'B角确认渔船已回港', null);
    expect(await taskOf(response.id, 'vessels')).toMatchObject({ state: 'done', doneBy: '石浦镇 石浦B角', note: 'B角确认渔船已回港' });
    expect((await s.tasks.answers(task.id))[1]).toMatchObject({ state: 'done', doneNote: 'B角确认渔船已回港' });
  });

  it('does not escalate when the A角 answered, and a drill during a real response reaches no backup outside its chosen contacts', async () => {
    const { response } = await start();
    const task = await taskOf(response.id, 'vessels');
    const [token] = [...(await linkTokens(s.store.db, task.id)).values()];
    clock.advance(61 * MIN);
    await s.recipients.answer(token!, 'done', '已回港', null);
    await s.watcher.pass();
    expect((await s.tasks.answers(task.id)).map((r) => r.role)).toEqual(['primary']);

    const drill = await start({ exercise: true, confirmDuringReal: true, drillScope: { teamIds: [], contactIds: ['contact-a'] } });
    clock.advance(61 * MIN);
    await s.watcher.pass();
    const drillTask = await taskOf(drill.response.id, 'vessels');
    expect(drillTask.escalations).toEqual([]);
    expect((await s.tasks.answers(drillTask.id)).map((r) => r.name)).toEqual(['石浦A角']);
  });
});

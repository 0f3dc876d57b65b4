// Test support: the response levels of the scripted typhoon response, with plan tasks whose outcomes are known.
import type { Response, ResponseChange, ResponseTask } from '../../../shared/schemas/response';
import type { ResponseLevel, TaskOwner } from '../../../shared/schemas/response-plan';
import { COMMANDER, HOUR, MIN, iso } from './records';
import type { ScriptWriter } from './script-writer';

/** Ⅳ at 0:30, raised to Ⅱ at 3:00, lowered to Ⅲ at 12:00, ended at 20:00; a drill Ⅳ from 10:00 to 11:00. */
export const EXPECTED_LEVELS = {
  real: { levels: ['started IV', 'raised II', 'lowered III', 'ended III'], highest: 'II' as ResponseLevel, shipu: { onTime: 1, late: 1, overdue: 1, open: 0, closed: 0 }, totals: { onTime: 3, late: 1, overdue: 1, open: 0, closed: 1 } },
  drill: { levels: ['started IV', 'ended IV'], totals: { onTime: 1, late: 0, overdue: 0, open: 0, closed: 0 } },
};

const person = { id: COMMANDER.id, name: COMMANDER.name };

function task(responseId: string, key: string, level: ResponseLevel, owner: TaskOwner, ownerName: string, createdAt: number, dueAt: number, exercise: boolean): ResponseTask {
  return {
    id: `${responseId}-${key}`,
    responseId,
    level,
    planVersion: 1,
    key,
    title: key,
    owner,
    ownerName,
    dueAt: iso(dueAt),
    repeatMinutes: null,
    occurrence: 1,
    state: 'open',
    closedReason: null,
    doneAt: null,
    doneBy: null,
    note: null,
    action: null,
    actionState: 'none',
    actionResult: null,
    automatic: false,
    exercise,
    problems: [],
    createdAt: iso(createdAt),
    escalations: [],
  };
}

/** Writes one response through its changes, each an event with the response as it then stood. */
function scriptChanges(s: ScriptWriter, base: Omit<Response, 'level' | 'levelSince' | 'endedAt' | 'history' | 'state'>, changes: Array<[ResponseChange['kind'], ResponseLevel, number, string]>): void {
  const history: ResponseChange[] = [];
  for (const [kind, level, at, reason] of changes) {
    history.push({ kind, level, reason, by: person, at: iso(at) });
    const response: Response = { ...base, level, levelSince: iso(at), state: kind === 'ended' ? 'ended' : 'active', endedAt: kind === 'ended' ? iso(at) : null, history: [...history] };
    s.at(at, `response.${kind}`, { response }, COMMANDER);
  }
}

export function scriptLevels(s: ScriptWriter, t0: number): void {
  const real = { id: 'resp-1', hazard: 'typhoon' as const, exercise: false, startedAt: iso(t0 + 30 * MIN), planVersions: { IV: 1, III: 1, II: 1 }, drillScope: null };
  scriptChanges(s, real, [
    ['started', 'IV', t0 + 30 * MIN, '7级风圈预计24小时内影响'],
    ['raised', 'II', t0 + 3 * HOUR, '10级风圈12小时内影响'],
    ['lowered', 'III', t0 + 12 * HOUR, '台风减弱'],
    ['ended', 'III', t0 + 20 * HOUR, '台风影响结束'],
  ]);
  const shipu: TaskOwner = { kind: 'township', township: '石浦镇' };
  const duty = task('resp-1', 'duty', 'IV', { kind: 'role', role: 'commander' }, '指挥长', t0 + 30 * MIN, t0 + HOUR, false);
  const vessels = task('resp-1', 'vessels', 'IV', shipu, '石浦镇', t0 + 30 * MIN, t0 + 4 * HOUR, false);
  s.at(t0 + 30 * MIN, 'response.tasks_added', { responseId: 'resp-1', tasks: [duty, vessels], problems: [] }, COMMANDER);
  const move = task('resp-1', 'move', 'II', shipu, '石浦镇', t0 + 3 * HOUR, t0 + 9 * HOUR, false);
  const report = task('resp-1', 'report', 'II', shipu, '石浦镇', t0 + 3 * HOUR, t0 + 5 * HOUR, false);
  const fourStops = task('resp-1', 'four-stops', 'II', { kind: 'role', role: 'duty_officer' }, '值班员', t0 + 3 * HOUR, t0 + 6 * HOUR, false);
  s.at(t0 + 3 * HOUR, 'response.tasks_added', { responseId: 'resp-1', tasks: [move, report, fourStops], problems: [] }, COMMANDER);
  const done = (t: ResponseTask, at: number): ResponseTask => ({ ...t, state: 'done', doneAt: iso(at), doneBy: '值班员' });
  s.at(t0 + 50 * MIN, 'response.tasks_changed', { responseId: 'resp-1', tasks: [done(duty, t0 + 50 * MIN)], cause: 'done' }, COMMANDER);
  s.at(t0 + 3.5 * HOUR, 'response.tasks_changed', { responseId: 'resp-1', tasks: [done(vessels, t0 + 3.5 * HOUR)], cause: 'answered' });
  s.at(t0 + 10 * HOUR, 'response.tasks_changed', { responseId: 'resp-1', tasks: [done(move, t0 + 10 * HOUR)], cause: 'answered' });
  s.at(t0 + 5.5 * HOUR, 'response.tasks_changed', { responseId: 'resp-1', tasks: [done(fourStops, t0 + 5.5 * HOUR)], cause: 'done' }, COMMANDER);
  // The 报送 task is never answered (逾期 at the window's end); lowering to Ⅲ closes an open Ⅱ task.
  const extra = task('resp-1', 'extra', 'II', { kind: 'role', role: 'commander' }, '指挥长', t0 + 3 * HOUR, t0 + 14 * HOUR, false);
  s.at(t0 + 3 * HOUR, 'response.tasks_added', { responseId: 'resp-1', tasks: [extra], problems: [] }, COMMANDER);
  s.at(t0 + 12 * HOUR, 'response.tasks_changed', { responseId: 'resp-1', tasks: [{ ...extra, state: 'closed', closedReason: '降为Ⅲ级，不再需要' }], cause: 'closed' }, COMMANDER);

  const drill = { id: 'resp-x', hazard: 'typhoon' as const, exercise: true, startedAt: iso(t0 + 10 * HOUR), planVersions: { IV: 1 }, drillScope: null };
  scriptChanges(s, drill, [
    ['started', 'IV', t0 + 10 * HOUR, '演练'],
    ['ended', 'IV', t0 + 11 * HOUR, '演练结束'],
  ]);
  const drillTask = task('resp-x', 'duty', 'IV', { kind: 'role', role: 'commander' }, '指挥长', t0 + 10 * HOUR, t0 + 10.5 * HOUR, true);
  s.at(t0 + 10 * HOUR, 'response.tasks_added', { responseId: 'resp-x', tasks: [drillTask], problems: [] }, COMMANDER);
  s.at(t0 + 10.2 * HOUR, 'response.tasks_changed', { responseId: 'resp-x', tasks: [done(drillTask, t0 + 10.2 * HOUR)], cause: 'done' }, COMMANDER);
}

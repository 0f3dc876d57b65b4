// Test and benchmark support: a typhoon response whose after-action figures are known (see EXPECTED).
import type { Kysely } from 'kysely';
import type { Alarm } from '../../../shared/schemas/alarm';
import type { AssignmentState, Dispatch } from '../../../shared/schemas/dispatch';
import type { Fix } from '../../../shared/schemas/position';
import type { Incident, IncidentSeverity, IncidentType } from '../../../shared/schemas/incident';
import type { Recipient } from '../../../shared/schemas/warning';
import type { Database } from '../../db/schema';
import { insertFixes } from '../../positions/position-store';
import { COMMANDER, DESK, HOUR, MIN, alarm, dispatch, incident, iso, recipient, shelter, supplyRun, team, warning } from './records';
import { scriptDrill } from './scripted-drill';
import { scriptLevels } from './scripted-levels';
import { ScriptWriter } from './script-writer';

/** The response's window: 24 hours from 2025-09-15 08:00 Beijing time. */
export const T0 = Date.UTC(2025, 8, 15, 0, 0, 0);
export const WINDOW = { from: iso(T0), to: iso(T0 + 24 * HOUR) };
export const TEAMS = [
  { id: 't-a', name: '甲队' },
  { id: 't-b', name: '乙队' },
  { id: 't-c', name: '丙队' },
] as const;

/** Seconds from creation to delivered, accepted, on scene, completed (null: never), per dispatch. */
const DISPATCH_STEPS: Array<[string, Array<number | null>]> = [
  ['t-a', [10, 60, 600, 3600]],
  ['t-a', [20, 120, 900, 7200]],
  ['t-a', [30, 180, 1200, null]],
  ['t-a', [40, 240, 1500, null]],
  ['t-b', [15, 100, 1000, null]],
  ['t-b', [25, 200, 2000, null]],
  ['t-b', [35, 300, null, null]],
  ['t-c', [5, 90, null, null]],
  ['t-c', [50, null, null, null]],
  ['t-c', [null, null, null, null]],
];
const STEP_STATES: AssignmentState[] = ['delivered', 'accepted', 'on_scene', 'completed'];

/** The figures the report must give for WINDOW (the real report; the drill report sees warning W4 and EXPECTED_DRILL only). */
export const EXPECTED = {
  warnings: 3,
  drillWarnings: 1,
  shipuAck: { recipients: 2, received: 2, coveragePercent: 100, ack: { count: 2, medianSeconds: 600, worstSeconds: 900 } },
  reporting: { met: 3, late: 2, missed: 1, open: 0 },
  dispatches: 10,
  delivered: { count: 9, medianSeconds: 25, worstSeconds: 50 },
  teamA: { assignments: 4, accepted: { medianSeconds: 150, worstSeconds: 240 }, completed: { count: 2, medianSeconds: 5400, worstSeconds: 7200 } },
  incidents: 4,
  peakSheltered: 210,
  peakAt: iso(T0 + 6 * HOUR),
  peakEvacuated: 240,
  supplies: { runs: 4, onTime: 1, late: 1, overdue: 1, cancelled: 1 },
  alarms: { raised: 4, unacknowledged: 1, medianSeconds: 60, worstSeconds: 120, critical: 1 },
  // 9 warnings, incidents, shelters, alarms and bulletins, and the 4 response level changes (scripted-levels).
  timeline: 13,
};

export interface ScriptedResponseOptions {
  /** Fixes every 5 s for the teams over the window's first two hours (team 丙队 silent from 0:30 to 0:50). */
  positions?: boolean;
}

export async function writeScriptedResponse(db: Kysely<Database>, options: ScriptedResponseOptions = {}): Promise<void> {
  const s = new ScriptWriter();
  for (const t of TEAMS) s.at(T0 - 24 * HOUR, 'team.created', { team: team(t.id, t.name, T0 - 24 * HOUR) }, DESK);
  scriptWarnings(s);
  scriptIncidents(s);
  scriptDispatches(s);
  scriptShelters(s);
  scriptSupplies(s);
  scriptAlarms(s);
  scriptDrill(s, T0);
  scriptLevels(s, T0);
  await s.write(db);
  await insertTeamRows(db, TEAMS);
  if (options.positions) await insertFixes(db, scriptedFixes());
}

/** The teams' projection rows, as the teams domain would have written them (replay reads the team list there). */
export async function insertTeamRows(db: Kysely<Database>, teams: ReadonlyArray<{ id: string; name: string }>): Promise<void> {
  for (let i = 0; i < teams.length; i += 200) {
    const rows = teams.slice(i, i + 200).map((t) => ({ id: t.id, name: t.name, kind: 'township', leader: '张三', phone: '13800000000', headcount: 10, capabilities: '[]', base_name: '基地', base_lat: 29.2, base_lon: 121.9, township: null, status: 'standby', updated_at: iso(T0 - 24 * HOUR) }));
    await db.insertInto('teams').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

function scriptWarnings(s: ScriptWriter): void {
  const answers: Array<[Recipient, number | null, 'received' | 'done' | 'phone']> = [];
  const issue = (id: string, f: Parameters<typeof warning>[1], people: Array<[string, number | null, 'received' | 'done' | 'phone']>) => {
    const w = warning(id, f);
    s.at(f.issuedAt, 'warning.issued', { warning: w }, COMMANDER);
    const list = people.map(([township], i) => recipient(`${id}-r${i + 1}`, id, township, f.issuedAt));
    if (list.length > 0) s.at(f.issuedAt, 'warning.recipients_queued', { warningId: id, role: 'primary', recipients: list });
    list.forEach((r, i) => answers.push([r, people[i]![1] === null ? null : f.issuedAt + people[i]![1]! * 1000, people[i]![2]]));
    return w;
  };
  const w1 = issue('W1', { hazard: 'typhoon', colour: 'blue', townships: ['石浦镇', '鹤浦镇'], issuedAt: T0 + 10 * MIN }, [
    ['石浦镇', 300, 'received'],
    ['石浦镇', 900, 'received'],
    ['鹤浦镇', 1800, 'done'],
    ['鹤浦镇', null, 'received'],
  ]);
  issue('W2', { hazard: 'rainstorm', colour: 'yellow', townships: ['丹西街道'], issuedAt: T0 + 2 * HOUR }, [['丹西街道', 1200, 'phone']]);
  issue('W4', { hazard: 'typhoon', colour: 'red', townships: ['高塘岛乡'], issuedAt: T0 + 3 * HOUR, exercise: true }, [['高塘岛乡', 60, 'received']]);
  const w3 = issue('W3', { hazard: 'typhoon', colour: 'orange', townships: ['石浦镇'], issuedAt: T0 + 6 * HOUR, replacesId: 'W1' }, []);
  s.at(T0 + 6 * HOUR, 'warning.replaced', { warning: { ...w1, status: 'updated', replacedById: w3.id, updatedAt: w3.issuedAt! }, replacedBy: w3, reason: null }, COMMANDER);
  for (const [r, at, how] of answers) {
    if (at === null) continue;
    if (how === 'phone') s.at(at, 'warning.recipient_changed', { recipient: { ...r, state: 'received', phoneAnswer: { by: DESK.name, at: iso(at), note: '' } }, cause: 'phone_answer' });
    else s.at(at, 'warning.recipient_changed', { recipient: { ...r, state: how, receivedAt: iso(at), doneAt: how === 'done' ? iso(at) : null }, cause: how });
  }
}

function scriptIncidents(s: ScriptWriter): void {
  const entry = (i: Incident, at: number, kind: 'reported' | 'report_done') => ({ id: `${i.id}-${kind}-${at}`, incidentId: i.id, at: iso(at), kind, text: '', params: {}, author: DESK.name });
  const take = (id: string, code: string, type: IncidentType, severity: IncidentSeverity, township: string, reportedAt: number, done: Array<number | null>) => {
    let current = incident(id, code, { type, severity, township, reportedAt });
    s.at(reportedAt, 'incident.reported', { incident: current, entry: entry(current, reportedAt, 'reported') }, DESK);
    current.deadlines.forEach((d, k) => {
      const minutes = done[k];
      if (minutes === null || minutes === undefined) return;
      const at = reportedAt + minutes * MIN;
      const updated = { ...d, state: 'done' as const, doneAt: iso(at), doneBy: DESK.name, recipient: '市应急管理局', recordedBy: DESK.name };
      current = { ...current, deadlines: current.deadlines.map((x) => (x.id === d.id ? updated : x)), updatedAt: iso(at) };
      s.at(at, 'incident.report_done', { incident: current, deadline: updated, entry: entry(current, at, 'report_done') }, DESK);
    });
  };
  take('i-0', '20250915-000', 'other', 'general', '丹东街道', T0 - 2 * HOUR, []);
  take('i-1', '20250915-001', 'typhoon', 'major', '石浦镇', T0 + HOUR, [20, 50]);
  take('i-2', '20250915-002', 'landslide', 'serious', '鹤浦镇', T0 + 2 * HOUR, [45, 90]);
  take('i-3', '20250915-003', 'flash_flood', 'major', '石浦镇', T0 + 4 * HOUR, [10, null]);
  take('i-4', '20250915-004', 'waterlogging', 'general', '丹西街道', T0 + 5 * HOUR, []);
}

function scriptDispatches(s: ScriptWriter): void {
  DISPATCH_STEPS.forEach(([teamId, seconds], i) => {
    const createdAt = T0 + HOUR + i * 20 * MIN;
    const d: Dispatch = dispatch(`d-${i + 1}`, teamId, createdAt, { lat: 29.2 + i * 0.01, lon: 121.9 });
    s.at(createdAt, 'dispatch.assigned', { dispatch: d, teamId, queue: [d.id] }, DESK);
    let from: AssignmentState = 'created';
    seconds.forEach((sec, k) => {
      if (sec === null) return;
      const state = STEP_STATES[k]!;
      const at = iso(createdAt + sec * 1000);
      const step = { dispatchId: d.id, teamId, from, state, at, actor: DESK, channel: 'tablet' as const, reason: null };
      const assignment = { ...d.assignments[0]!, state, updatedAt: at, channel: 'tablet' as const };
      s.at(createdAt + sec * 1000, 'dispatch.stepped', { dispatchId: d.id, teamId, step, assignment, queue: state === 'completed' ? [] : [d.id] });
      from = state;
    });
  });
}

function scriptShelters(s: ScriptWriter): void {
  const shelters = { 'sh-1': shelter('sh-1', '石浦镇中心小学', '石浦镇', T0 - 24 * HOUR), 'sh-2': shelter('sh-2', '鹤浦镇文化礼堂', '鹤浦镇', T0 - 24 * HOUR) };
  for (const sh of Object.values(shelters)) s.at(T0 - 24 * HOUR, 'shelter.created', { shelter: sh }, DESK);
  const moves: Array<[keyof typeof shelters, number, number]> = [
    ['sh-1', T0 - HOUR, 20],
    ['sh-1', T0 + 3 * HOUR, 120],
    ['sh-2', T0 + 3.5 * HOUR, 80],
    ['sh-1', T0 + 5 * HOUR, 60],
    ['sh-2', T0 + 6 * HOUR, 150],
    ['sh-1', T0 + 8 * HOUR, 10],
  ];
  for (const [id, at, occupancy] of moves) {
    const before = shelters[id].occupancy;
    shelters[id] = { ...shelters[id], occupancy, updatedAt: iso(at) };
    const people = Math.abs(occupancy - before);
    const movement = { id: `m-${id}-${at}`, shelterId: id, kind: occupancy > before ? ('check_in' as const) : ('check_out' as const), people, at: iso(at), note: '', actorName: DESK.name, exercise: false };
    s.at(at, 'shelter.occupancy_changed', { shelter: shelters[id], movement }, DESK);
  }
  s.at(T0 + 4 * HOUR, 'evacuation.township_reported', { report: { township: '石浦镇', withRelatives: 30, reportedAt: iso(T0 + 4 * HOUR), reportedBy: DESK.name, exercise: false } }, DESK);
}

function scriptSupplies(s: ScriptWriter): void {
  const arrive = (id: string, requestedAt: number, arrivedAt: number | null, cancelled = false) => {
    const run = supplyRun(id, requestedAt);
    s.at(requestedAt, 'supply_run.allocated', { run, levels: [] }, DESK);
    if (cancelled) s.at(requestedAt + HOUR, 'supply_run.cancelled', { run: { ...run, status: 'cancelled', cancelledAt: iso(requestedAt + HOUR) }, levels: [] }, DESK);
    if (arrivedAt !== null) s.at(arrivedAt, 'supply_run.arrived', { run: { ...run, status: 'arrived', arrivedAt: iso(arrivedAt) }, levels: [], shelter: null }, DESK);
  };
  arrive('r-1', T0 + HOUR, T0 + 9 * HOUR);
  arrive('r-2', T0 + 2 * HOUR, T0 + 16 * HOUR);
  arrive('r-3', T0 + 3 * HOUR, null);
  arrive('r-4', T0 + 4 * HOUR, null, true);
}

function scriptAlarms(s: ScriptWriter): void {
  const raise = (a: Alarm, ackAfterSeconds: number | null) => {
    s.at(Date.parse(a.raisedAt), 'alarm.raised', { alarm: a });
    if (ackAfterSeconds === null) {
      const at = Date.parse(a.raisedAt) + 10 * MIN;
      s.at(at, 'alarm.cleared', { alarm: { ...a, state: 'cleared', clearedAt: iso(at) } });
      return;
    }
    const at = Date.parse(a.raisedAt) + ackAfterSeconds * 1000;
    s.at(at, 'alarm.acknowledged', { alarm: { ...a, state: 'acknowledged', acknowledgedBy: DESK.name, acknowledgedAt: iso(at) } }, DESK);
  };
  raise(alarm('a-1', 'sos', 'critical', T0 + HOUR, 't-a'), 30);
  raise(alarm('a-2', 'report_overdue', 'warning', T0 + 2.5 * HOUR, 'i-2'), 120);
  raise(alarm('a-3', 'unit_silent', 'warning', T0 + 7 * HOUR, 't-c'), null);
  raise(alarm('a-4', 'dispatch_undelivered', 'warning', T0 + 9 * HOUR, 'd-10'), 60);
}

/** Each team drives east from its base; 丙队 reports nothing from 0:30 to 0:50 (a gap the replay shows). */
export function scriptedFixes(): Fix[] {
  const fixes: Fix[] = [];
  TEAMS.forEach((t, k) => {
    for (let t5 = 0; t5 < 2 * HOUR; t5 += 5_000) {
      if (t.id === 't-c' && t5 >= 30 * MIN && t5 < 50 * MIN) continue;
      fixes.push({ teamId: t.id, deviceId: `dev-${t.id}`, lat: 29.2 + k * 0.05, lon: 121.8 + t5 / HOUR / 10, t: T0 + t5, speed: null, heading: null, accuracy: null, altitude: null, battery: null });
    }
  });
  return fixes;
}

import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evacuationTotals } from '../../shared/overview';
import { evacuationProgress, townshipShelterCounts } from '../../shared/response/evacuation';
import type { PlanTask } from '../../shared/schemas/response-plan';
import { dropPostgresSchema, openStore } from '../db/database';
import { ReportService } from '../review/report/report-service';
import { manualClock } from '../warnings/test-support';
import { listTargets } from './evacuation-store';
import { commander, dutyOfficer, openResponseServices, type ResponseTestServices } from './test-support';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const SHIPU = { lat: 29.2089, lon: 121.9418 };
const board = { role: 'commander' as const, teamId: null };

const stage = (key: string, teamId: string): PlanTask => ({
  key,
  title: `${teamId}前置石浦渔港`,
  owner: { kind: 'team', teamId },
  dueMinutes: 60,
  repeatMinutes: null,
  action: { kind: 'dispatch', teamIds: [teamId], taskType: 'pre_position', priority: 'urgent', destination: { ...SHIPU, label: '石浦渔港' }, instructions: '' },
  automatic: false,
});
const PLAN: PlanTask[] = [
  stage('stage-a', 'team-a'),
  stage('stage-b', 'team-b'),
  { key: 'shipu', title: '石浦镇渔船回港', owner: { kind: 'township', township: '石浦镇' }, dueMinutes: 120, repeatMinutes: null, action: null, automatic: false },
  { key: 'dandong', title: '丹东街道人员转移', owner: { kind: 'township', township: '丹东街道' }, dueMinutes: 120, repeatMinutes: null, action: null, automatic: false },
  { key: 'warn', title: '拟发台风黄色预警', owner: { kind: 'role', role: 'duty_officer' }, dueMinutes: 30, repeatMinutes: null, action: { kind: 'draft_warning', hazard: 'typhoon', colour: 'yellow', townships: ['石浦镇', '丹东街道'], hours: 24 }, automatic: false },
  { key: 'open', title: '开放石浦避灾场所', owner: { kind: 'role', role: 'duty_officer' }, dueMinutes: 30, repeatMinutes: null, action: { kind: 'open_shelters', townships: ['石浦镇'] }, automatic: false },
];

describe.each(['sqlite', 'postgres'] as const)('drills on %s', (dialect) => {
  let schema = '';
  let clock = manualClock();
  let s: ResponseTestServices;
  const start = (extra: Record<string, unknown> = {}) => s.responses.start({ actionId: randomUUID(), hazard: 'typhoon', level: 'IV', reason: '台风演练', exercise: false, confirmDuringReal: false, ...extra }, commander);
  const confirmAll = (responseId: string) => s.responses.confirm(responseId, { actionId: randomUUID(), taskIds: [], all: true }, commander);
  const events = async () => (await s.log.readRange(1, 100_000)).map((e) => e.event);

  beforeEach(async () => {
    clock = manualClock();
    schema = `tw_drill_${randomBytes(5).toString('hex')}`;
    const store = dialect === 'sqlite' ? await openStore({ sqliteFile: ':memory:' }) : await openStore({ databaseUrl: PG_URL, schema });
    s = await openResponseServices(store, () => clock.now());
    await s.addTeam('team-a', '甲队');
    await s.addTeam('team-b', '乙队');
    await s.addShelter('shelter-shipu', '石浦镇', SHIPU.lat, SHIPU.lon);
    await s.addContact('contact-shipu', '石浦镇', '13900000001');
    await s.addContact('contact-dandong', '丹东街道', '13900000002');
    await s.plans.save('typhoon', 'IV', { tasks: PLAN, note: '', baseVersion: 0 }, commander);
  });
  afterEach(async () => {
    await s.close();
    if (dialect === 'postgres') await dropPostgresSchema(PG_URL, schema);
  });

  it('during a real response a drill without the explicit confirmation and its chosen teams is refused, and writes nothing', async () => {
    await start();
    const before = await s.log.currentSeq();
    await expect(start({ exercise: true })).rejects.toMatchObject({ code: 'DRILL_NEEDS_CONFIRMATION' });
    await expect(start({ exercise: true, confirmDuringReal: true })).rejects.toMatchObject({ code: 'DRILL_NEEDS_CONFIRMATION' });
    await expect(start({ exercise: true, drillScope: { teamIds: ['team-a'], contactIds: [] } })).rejects.toMatchObject({ code: 'DRILL_NEEDS_CONFIRMATION' });
    expect(await s.log.currentSeq()).toBe(before);
    expect(await s.responses.list('active')).toHaveLength(1);
  });

  it('a confirmed drill during a real response reaches only the chosen team and contact, every message marked 演练', async () => {
    await start();
    const drill = await start({ exercise: true, confirmDuringReal: true, drillScope: { teamIds: ['team-a'], contactIds: ['contact-shipu'] } });
    const byKey = Object.fromEntries(drill.tasks.map((t) => [t.key, t]));
    expect((await s.recipients.listFor('task', byKey.shipu!.id)).map((r) => r.contactId)).toEqual(['contact-shipu']);
    expect(await s.recipients.listFor('task', byKey.dandong!.id)).toEqual([]);
    expect(drill.problems).toContainEqual({ taskKey: 'dandong', kind: 'outside_drill', ref: 'contact-dandong' });

    const confirmed = Object.fromEntries((await confirmAll(drill.response.id)).tasks.map((t) => [t.key, t]));
    const assigned = (await events()).filter((e) => e.type === 'dispatch.assigned').map((e) => e.payload as { teamId: string; dispatch: { exercise: boolean; instructions: string } });
    expect(assigned.map((a) => a.teamId)).toEqual(['team-a']);
    expect(assigned[0]!.dispatch).toMatchObject({ exercise: true, instructions: expect.stringMatching(/^【演练】/) });
    expect(confirmed['stage-b']).toMatchObject({ actionState: 'failed', actionResult: { problems: [{ kind: 'outside_drill', ref: 'team-b' }] } });

    const warning = await s.warnings.issue(confirmed.warn!.actionResult!.warningId!, commander);
    expect(warning).toMatchObject({ exercise: true, townships: ['石浦镇', '丹东街道'] });
    expect((await s.recipients.listFor('warning', warning.id)).map((r) => r.contactId)).toEqual(['contact-shipu']);
    const drillSubjects = [warning.id, ...drill.tasks.map((t) => t.id)];
    const texts = await s.store.db.selectFrom('warning_deliveries').select(['text', 'to_address']).where('warning_id', 'in', drillSubjects).execute();
    expect(texts.map((d) => d.to_address).sort()).toEqual(['13900000001', '13900000001']);
    expect(texts.every((d) => d.text.startsWith('【演练】'))).toBe(true);
  });

  it('a drill’s shelter, its check-ins and its alarms are marked and stay out of the real figures and report', async () => {
    const from = new Date(clock.now()).toISOString();
    const drill = await start({ exercise: true });
    await confirmAll(drill.response.id);
    expect(await s.shelters.get('shelter-shipu')).toMatchObject({ status: 'open', exercise: true });
    await s.shelters.recordMovement('shelter-shipu', { kind: 'check_in', people: 280, note: '' }, dutyOfficer);
    expect((await s.shelters.movements('shelter-shipu'))[0]).toMatchObject({ people: 280, exercise: true });
    expect(evacuationTotals(await s.shelters.list(), []).county).toMatchObject({ sheltered: 0, sheltersOpen: 0, shelters: 1 });

    clock.advance(3 * 3_600_000);
    expect(await s.watcher.pass()).toBeGreaterThan(0);
    const alarms = await s.alarms.listOpen();
    expect(alarms.map((a) => a.kind)).toEqual(expect.arrayContaining(['shelter_near_full', 'task_overdue']));
    expect(alarms.every((a) => a.exercise)).toBe(true);

    const window = { from, to: new Date(clock.now() + 1000).toISOString() };
    const reports = new ReportService(s.store.db, () => clock.now());
    const real = await reports.build({ ...window, exercise: false }, board);
    const drillReport = await reports.build({ ...window, exercise: true }, board);
    expect(real.sections.shelters).toMatchObject({ peakSheltered: 0, peakEvacuated: 0 });
    expect(real.sections.alarms.raised).toBe(0);
    expect(drillReport.sections.shelters.peakSheltered).toBe(280);
    expect(drillReport.sections.alarms.raised).toBe(alarms.length);

    // Opened for real afterwards, the shelter is the real response's.
    await s.shelters.recordMovement('shelter-shipu', { kind: 'check_out', people: 280, note: '演练结束' }, dutyOfficer);
    await s.shelters.setStatus('shelter-shipu', { status: 'closed' }, dutyOfficer);
    expect(await s.shelters.setStatus('shelter-shipu', { status: 'open' }, dutyOfficer)).toMatchObject({ status: 'open', exercise: false });
  });
  /** What the desk and the wall show: the real totals, and a response's progress counted with its own kind of figures. */
  const figures = async (responseId: string, exercise: boolean) => {
    const [shelters, reports] = [await s.shelters.list(), await s.relatives.reports()];
    return { real: evacuationTotals(shelters, reports).county, progress: evacuationProgress(await listTargets(s.store.db, responseId), townshipShelterCounts(shelters, reports, exercise)).county };
  };
  const reportsOver = async (from: string) => {
    const reports = new ReportService(s.store.db, () => clock.now());
    const window = { from, to: new Date(clock.now() + 1000).toISOString() };
    return { real: (await reports.build({ ...window, exercise: false }, board)).sections.shelters, drill: (await reports.build({ ...window, exercise: true }, board)).sections.shelters };
  };

  it('a drill’s 投亲靠友 count is its own: it never overwrites the real one, nor the real one it', async () => {
    const from = new Date(clock.now()).toISOString();
    await s.relatives.report({ township: '石浦镇', withRelatives: 1200 }, dutyOfficer);
    const drill = await start({ exercise: true });
    await s.evacuation.set(drill.response.id, '石浦镇', { people: 100 }, dutyOfficer);
    clock.advance(60_000);
    expect(await s.relatives.report({ township: '石浦镇', withRelatives: 40, exercise: true }, dutyOfficer)).toMatchObject({ exercise: true, withRelatives: 40 });
    clock.advance(60_000);
    await s.relatives.report({ township: '石浦镇', withRelatives: 1300 }, dutyOfficer);

    expect((await s.relatives.reports()).map((r) => [r.township, r.exercise, r.withRelatives])).toEqual([['石浦镇', false, 1300], ['石浦镇', true, 40]]);
    const { real, progress } = await figures(drill.response.id, true);
    expect(real).toMatchObject({ withRelatives: 1300, evacuated: 1300 });
    expect(progress).toMatchObject({ withRelatives: 40, moved: 40, toGo: 60, percent: 40 });

    const report = await reportsOver(from);
    expect(report.real.peakEvacuated).toBe(1300);
    expect(report.drill.peakEvacuated).toBe(40);
  });

  it('a drill’s check-ins and check-outs move only the drill’s figures: real occupancy, status and alarms count real people', async () => {
    const from = new Date(clock.now()).toISOString();
    await s.addShelter('shelter-hepu', '鹤浦镇', 29.15, 121.97);
    await s.shelters.setStatus('shelter-hepu', { status: 'open' }, dutyOfficer);
    await s.shelters.recordMovement('shelter-hepu', { kind: 'check_in', people: 50, note: '' }, dutyOfficer);
    const drill = await start({ exercise: true });
    await confirmAll(drill.response.id);

    // At the drill's shelter: the drill's people fill it for the drill (its alarm a drill alarm), never for real.
    expect(await s.shelters.recordMovement('shelter-shipu', { kind: 'check_in', people: 280, note: '' }, dutyOfficer)).toMatchObject({ occupancy: 0, drillOccupancy: 280, status: 'open', exercise: true });
    // At a real shelter, people checked in as a drill's take only free places and count only for the drill.
    expect(await s.shelters.recordMovement('shelter-hepu', { kind: 'check_in', people: 30, note: '', exercise: true }, dutyOfficer)).toMatchObject({ occupancy: 50, drillOccupancy: 30, exercise: false });
    const before = await s.log.currentSeq();
    await expect(s.shelters.recordMovement('shelter-hepu', { kind: 'check_in', people: 221, note: '', exercise: true }, dutyOfficer)).rejects.toMatchObject({ code: 'CONFLICT', details: { free: 220 } });
    await expect(s.shelters.recordMovement('shelter-hepu', { kind: 'check_out', people: 31, note: '', exercise: true }, dutyOfficer)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await s.log.currentSeq()).toBe(before);
    expect(await s.shelters.get('shelter-hepu')).toMatchObject({ occupancy: 50, drillOccupancy: 30 });

    const alarms = await s.alarms.listOpen();
    expect(alarms.map((a) => [a.kind, a.sourceId, a.exercise, a.params.occupancy])).toEqual([['shelter_near_full', 'shelter-shipu', true, 280]]);
    const { real, progress } = await figures(drill.response.id, true);
    expect(real).toMatchObject({ sheltered: 50, evacuated: 50 });
    expect(progress).toMatchObject({ sheltered: 0, moved: 0 });
    await s.evacuation.set(drill.response.id, '石浦镇', { people: 400 }, dutyOfficer);
    await s.evacuation.set(drill.response.id, '鹤浦镇', { people: 100 }, dutyOfficer);
    expect((await figures(drill.response.id, true)).progress).toMatchObject({ sheltered: 310, moved: 310, target: 500 });

    // Opened for real meanwhile, the shelter's drill people stay the drill's: real figures start from nobody.
    expect(await s.shelters.setStatus('shelter-shipu', { status: 'open' }, dutyOfficer)).toMatchObject({ exercise: false, occupancy: 0, drillOccupancy: 280, status: 'open' });
    expect((await s.alarms.listOpen()).filter((a) => a.sourceId === 'shelter-shipu')).toEqual([]);
    clock.advance(60_000);
    await s.shelters.recordMovement('shelter-shipu', { kind: 'check_in', people: 20, note: '' }, dutyOfficer);
    clock.advance(60_000);
    await s.shelters.recordMovement('shelter-shipu', { kind: 'check_out', people: 280, note: '演练结束', exercise: true }, dutyOfficer);
    expect(await s.shelters.get('shelter-shipu')).toMatchObject({ occupancy: 20, drillOccupancy: 0 });
    expect((await s.shelters.movements('shelter-shipu')).map((m) => [m.kind, m.people, m.exercise])).toEqual([['check_out', 280, true], ['check_in', 20, false], ['check_in', 280, true]]);
    expect((await figures(drill.response.id, false)).real).toMatchObject({ sheltered: 70 });
    await expect(s.shelters.setStatus('shelter-hepu', { status: 'closed' }, dutyOfficer)).rejects.toMatchObject({ code: 'CONFLICT', details: { occupancy: 80 } });

    const report = await reportsOver(from);
    expect(report.real.peakSheltered).toBe(70);
    expect(report.drill.peakSheltered).toBe(310);
  });
});

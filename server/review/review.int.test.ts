import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPostgresSchema, openStore, type Store } from '../db/database';
import type { Report } from '../../shared/schemas/review';
import { EXPECTED, WINDOW, writeScriptedResponse } from './testing/scripted-response';
import { ReportService } from './report/report-service';
import { HistoryService } from './history/history-service';
import { ReplayService } from './replay/replay-service';
import { T0 } from './testing/scripted-response';
import { EXPECTED_DRILL } from './testing/scripted-drill';
import { EXPECTED_LEVELS } from './testing/scripted-levels';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const commander = { role: 'commander' as const, teamId: null };

/** The after-action report and entity histories of a scripted response, read from the log page by page, on both stores. */
describe.each(['sqlite', 'postgres'] as const)('after-action review on %s', (dialect) => {
  const schema = `tw_review_${randomBytes(5).toString('hex')}`;
  let store: Store;
  let report: Report;
  let drill: Report;
  let histories: HistoryService;
  let replays: ReplayService;

  beforeAll(async () => {
    store = dialect === 'sqlite' ? await openStore({ sqliteFile: ':memory:' }) : await openStore({ databaseUrl: PG_URL, schema });
    await writeScriptedResponse(store.db, { positions: true });
    const service = new ReportService(store.db);
    report = await service.build({ ...WINDOW, exercise: false }, commander);
    drill = await service.build({ ...WINDOW, exercise: true }, commander);
    histories = new HistoryService(store.db);
    replays = new ReplayService(store.db);
  });
  afterAll(async () => {
    await store?.close();
    if (dialect === 'postgres') await dropPostgresSchema(PG_URL, schema);
  });

  it('gives each warning’s per-township acknowledgement times and coverage, drills apart', () => {
    const { warnings } = report.sections;
    expect(warnings.issued).toBe(EXPECTED.warnings);
    const w1 = warnings.rows.find((w) => w.id === 'W1')!;
    expect(w1.townships.find((t) => t.township === '石浦镇')).toMatchObject(EXPECTED.shipuAck);
    expect(w1.townships.find((t) => t.township === '鹤浦镇')).toMatchObject({ recipients: 2, received: 1, done: 1, coveragePercent: 50, ack: { medianSeconds: 1800 } });
    expect(warnings.rows.map((w) => w.id)).not.toContain('W4');
    expect(drill.sections.warnings.rows.map((w) => w.id)).toEqual(['W4']);
    expect(drill.sections.timeline.entries.filter((e) => e.kind === 'warning_issued')).toHaveLength(EXPECTED.drillWarnings);
  });

  it('keeps a drill’s incident and dispatch out of every real figure and counts them in the drill report only', () => {
    expect(report.sections.dispatches.assignments).toBe(EXPECTED.dispatches);
    expect(report.sections.dispatches.teams.find((t) => t.teamName === '乙队')?.assignments).toBe(3);
    expect(report.sections.incidents.total).toBe(EXPECTED.incidents);
    expect(report.sections.reporting.rows.map((r) => r.incidentId)).not.toContain('i-x');
    expect(report.sections.timeline.entries.filter((e) => e.subject?.id === 'i-x')).toEqual([]);
    expect(drill.sections.dispatches).toMatchObject({ assignments: EXPECTED_DRILL.dispatches, overall: { delivered: { count: 1, worstSeconds: 30 } } });
    expect(drill.sections.incidents.total).toBe(EXPECTED_DRILL.incidents);
    expect(drill.sections.reporting.totals.missed).toBe(EXPECTED_DRILL.missedReports);
  });

  it('gives the response levels as they changed, who and why, and the plan tasks per owner, drills apart', () => {
    const { responses } = report.sections;
    expect(responses.responses).toEqual([expect.objectContaining({ id: 'resp-1', highestLevel: EXPECTED_LEVELS.real.highest, endedAt: expect.any(String) })]);
    expect(responses.levels.map((l) => `${l.kind} ${l.level}`)).toEqual(EXPECTED_LEVELS.real.levels);
    expect(responses.levels[1]).toMatchObject({ by: '指挥长', reason: '10级风圈12小时内影响' });
    expect(responses.owners.find((o) => o.owner === '石浦镇')).toMatchObject(EXPECTED_LEVELS.real.shipu);
    expect(responses.totals).toEqual(EXPECTED_LEVELS.real.totals);
    expect(drill.sections.responses.levels.map((l) => `${l.kind} ${l.level}`)).toEqual(EXPECTED_LEVELS.drill.levels);
    expect(drill.sections.responses.totals).toEqual(EXPECTED_LEVELS.drill.totals);
  });

  it('puts every response level change in the significant-events timeline, with the reason and who, drills apart', () => {
    const changes = (r: Report) => r.sections.timeline.entries.filter((e) => e.kind.startsWith('response_'));
    expect(changes(report).map((e) => `${e.kind.slice('response_'.length)} ${e.params.level}`)).toEqual(EXPECTED_LEVELS.real.levels);
    expect(changes(report)[1]).toMatchObject({ at: report.sections.responses.levels[1]!.at, subject: { kind: 'response', id: 'resp-1' }, params: { hazard: 'typhoon', reason: '10级风圈12小时内影响', by: '指挥长' } });
    expect(changes(drill).map((e) => `${e.kind.slice('response_'.length)} ${e.params.level}`)).toEqual(EXPECTED_LEVELS.drill.levels);
  });

  it('counts reports to the next level met, late (迟报) and missed (漏报)', () => {
    expect(report.sections.reporting.totals).toEqual(EXPECTED.reporting);
    const late = report.sections.reporting.rows.find((r) => r.incidentId === 'i-2')!;
    expect(late).toMatchObject({ late: 2, worstLateMinutes: 30 });
  });

  it('times every dispatch from creation to delivery, acceptance, arrival and completion, per team', () => {
    const { dispatches } = report.sections;
    expect(dispatches.assignments).toBe(EXPECTED.dispatches);
    expect(dispatches.overall.delivered).toEqual(EXPECTED.delivered);
    const a = dispatches.teams.find((t) => t.teamName === '甲队')!;
    expect(a.assignments).toBe(EXPECTED.teamA.assignments);
    expect(a.milestones.accepted).toMatchObject(EXPECTED.teamA.accepted);
    expect(a.milestones.completed).toEqual(EXPECTED.teamA.completed);
  });

  it('counts incidents taken in during the window by type, township and severity', () => {
    const { incidents } = report.sections;
    expect(incidents.total).toBe(EXPECTED.incidents);
    expect(incidents.byTownship[0]).toEqual({ key: '石浦镇', count: 2 });
    expect(incidents.bySeverity).toContainEqual({ key: 'major', count: 2 });
  });

  it('finds the peak of people sheltered and evacuated, county and per township', () => {
    const { shelters } = report.sections;
    expect(shelters).toMatchObject({ peakSheltered: EXPECTED.peakSheltered, peakAt: EXPECTED.peakAt, peakEvacuated: EXPECTED.peakEvacuated });
    expect(shelters.townships).toContainEqual({ township: '鹤浦镇', peakSheltered: 150, peakEvacuated: 150 });
    expect(shelters.townships).toContainEqual({ township: '石浦镇', peakSheltered: 120, peakEvacuated: 150 });
  });

  it('holds supply runs against the 12-hour goal and alarms against their acknowledgement', () => {
    expect(report.sections.supplies).toMatchObject(EXPECTED.supplies);
    const { alarms } = report.sections;
    expect(alarms).toMatchObject({ raised: EXPECTED.alarms.raised, unacknowledged: 1, critical: 1, ack: { medianSeconds: 60, worstSeconds: 120 } });
  });

  it('lists the significant moments in time order', () => {
    const { entries } = report.sections.timeline;
    expect(entries).toHaveLength(EXPECTED.timeline);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'report_missed', subject: { kind: 'incident', id: 'i-3' } }));
  });

  it('answers who did what when for a dispatch, a team and a warning, oldest first', async () => {
    const dispatch = await histories.history('dispatch', 'd-1', commander);
    expect(dispatch.label).toBe('目的地d-1');
    expect(dispatch.entries.map((e) => e.detail.to ?? e.type)).toEqual(['dispatch.assigned', 'delivered', 'accepted', 'on_scene', 'completed']);
    expect(dispatch.entries[0]!.actor.name).toBe('值班员');
    const team = await histories.history('team', 't-a', commander);
    expect(team.entries.filter((e) => e.type === 'dispatch.assigned')).toHaveLength(4);
    expect(team.entries.some((e) => e.type === 'alarm.raised')).toBe(true);
    const warning = await histories.history('warning', 'W1', commander);
    expect(warning.entries.filter((e) => e.type === 'warning.recipient_changed').map((e) => e.detail.cause)).toEqual(['received', 'received', 'done']);
    expect((await histories.history('dispatch', 'd-1_%', commander)).entries).toEqual([]);
  });

  it('sets the replay scene as it was: dispatches under way, open incidents, warnings in force', async () => {
    const scene = await replays.scene(new Date(T0 + 2.5 * 3_600_000).toISOString(), commander);
    expect(Object.keys(scene.incidents).sort()).toEqual(['i-0', 'i-1', 'i-2']);
    expect(Object.keys(scene.warnings).sort()).toEqual(['W1', 'W2']);
    expect(scene.dispatches['d-1|t-a']).toBeUndefined(); // completed at 2:00
    expect(scene.dispatches['d-2|t-a']?.state).toBe('on_scene');
    expect(scene.shelters['sh-1']?.occupancy).toBe(20);
    // Each unit's last fix before the moment, however old: 丙队's at 0:29:55, ten minutes into its silence.
    const silent = await replays.scene(new Date(T0 + 40 * 60_000).toISOString(), commander);
    const k = silent.lastFixes.teams.indexOf('t-c');
    expect(silent.lastFixes.fixes.slice(k * 4 + 1, k * 4 + 2)).toEqual([-605]);
  });

  it('pages the window in time order, each unit thinned to one fix per step, a gap left a gap', async () => {
    const resolutionMs = 60_000;
    const first = await replays.page({ from: new Date(T0).toISOString(), to: new Date(T0 + 2 * 3_600_000).toISOString(), resolutionMs }, commander);
    expect(first.to).toBe(new Date(T0 + 20 * 60_000).toISOString());
    expect(first.next).toBe(first.to);
    const perTeam = (page: typeof first, team: string) => {
      const k = page.tracks.teams.indexOf(team);
      const times: number[] = [];
      for (let i = 0; i < page.tracks.fixes.length; i += 4) if (page.tracks.fixes[i] === k) times.push(page.tracks.fixes[i + 1]!);
      return times;
    };
    expect(perTeam(first, 't-a')).toEqual(Array.from({ length: 20 }, (_, i) => i * 60));
    const second = await replays.page({ from: first.next!, to: new Date(T0 + 2 * 3_600_000).toISOString(), resolutionMs }, commander);
    // 丙队 is silent from 0:30 to 0:50: its fixes stop at 0:29 and resume at 0:50.
    expect(perTeam(second, 't-c')).toEqual([-60, ...Array.from({ length: 10 }, (_, i) => i * 60)]);
    expect(second.events.every((e, i, all) => i === 0 || all[i - 1]!.at <= e.at)).toBe(true);
    expect(second.events.some((e) => e.type === 'dispatch.assigned')).toBe(false);
  });
});

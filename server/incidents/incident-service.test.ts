import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { deskActor, fieldPrincipal, JPEG_BYTES, majorIncidentInput, openIncidentTestServices, PNG_1PX, type IncidentTestServices } from './test-support';
import { parseInput } from '../validation';
import { IncidentCreateSchema, ReportDoneSchema, ReportingRulesSchema, IncidentNoteCreateSchema } from '../../shared/schemas/incident';
import { FieldSituationReportSchema } from '../../shared/schemas/incident-record';

const T0 = Date.UTC(2025, 8, 15, 1, 0, 0); // 09:00 Beijing time
const MIN = 60_000;
let now: number;
let s: IncidentTestServices;

beforeEach(async () => {
  now = T0;
  s = await openIncidentTestServices(() => now);
});
afterEach(() => s.close());

const overdueAlarms = async () => (await s.alarms.listOpen()).filter((a) => a.kind === 'report_overdue');

describe('IncidentService', () => {
  it('takes in an incident with a day code, its township and deadlines by the rules', async () => {
    const incident = await s.incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), deskActor);
    expect(incident).toMatchObject({ code: '20250915-001', status: 'reported', township: '丹东街道', source: 'phone', trapped: 3 });
    expect(incident.deadlines.map((d) => [d.kind, d.dueAt])).toEqual([
      ['phone', new Date(T0 + 30 * MIN).toISOString()],
      ['written', new Date(T0 + 60 * MIN).toISOString()],
    ]);
    const second = await s.incidents.create(parseInput(IncidentCreateSchema, { ...majorIncidentInput, severity: 'general' }), deskActor);
    expect(second.code).toBe('20250915-002');
    expect(second.deadlines).toEqual([]);
    const detail = await s.incidents.detail(incident.id);
    expect(detail.timeline.map((e) => e.kind)).toEqual(['reported']);
    expect((await s.log.readRange(1, 100)).map((e) => e.event.type)).toEqual(['incident.reported', 'incident.reported']);
  });

  it('refuses an incident without location or township, and an unknown township', async () => {
    await expect(async () => s.incidents.create(parseInput(IncidentCreateSchema, { ...majorIncidentInput, location: null }), deskActor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(async () => s.incidents.create(parseInput(IncidentCreateSchema, { ...majorIncidentInput, township: '不存在镇' }), deskActor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await s.incidents.list()).toEqual([]);
  });

  it('moves through the lifecycle and refuses illegal transitions with INVALID_TRANSITION', async () => {
    const { id } = await s.incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), deskActor);
    await expect(s.incidents.changeStatus(id, { status: 'contained' }, deskActor)).rejects.toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'reported', to: 'contained' } });
    for (const status of ['verified', 'responding', 'contained', 'responding', 'contained', 'closed'] as const) {
      now += MIN;
      expect((await s.incidents.changeStatus(id, { status, note: `→${status}` }, deskActor)).status).toBe(status);
    }
    const closed = await s.incidents.detail(id);
    expect(closed.incident.closedAt).toBe(new Date(now).toISOString());
    expect(closed.timeline.filter((e) => e.kind === 'status').map((e) => e.params.to)).toEqual(['verified', 'responding', 'contained', 'responding', 'contained', 'closed']);
    await expect(s.incidents.changeStatus(id, { status: 'responding' }, deskActor)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await s.incidents.list(true)).toEqual([]);
  });

  it('alarms an overdue report until it is marked done, with who and when', async () => {
    const incident = await s.incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), deskActor);
    now += 29 * MIN;
    await s.watcher.checkNow();
    expect(await overdueAlarms()).toEqual([]);
    now += 2 * MIN;
    await s.watcher.checkNow();
    await s.watcher.checkNow();
    const [alarm] = await overdueAlarms();
    expect(await overdueAlarms()).toHaveLength(1);
    expect(alarm).toMatchObject({ severity: 'warning', sound: 'repeat', sourceType: 'incident_deadline', sourceId: incident.deadlines[0]!.id, params: { code: incident.code, reportKind: 'phone', incidentSeverity: 'major' } });

    const done = await s.incidents.markReportDone(incident.id, { kind: 'phone', reportedBy: '王主任', recipient: '宁波市应急管理局值班室', reportedAt: new Date(now - 30_000).toISOString() }, deskActor);
    expect(done.deadlines[0]).toMatchObject({ state: 'done', doneBy: '王主任', recordedBy: '值班员甲', recipient: '宁波市应急管理局值班室', doneAt: new Date(now - 30_000).toISOString() });
    expect(await overdueAlarms()).toEqual([]);
    await expect(async () => s.incidents.markReportDone(incident.id, parseInput(ReportDoneSchema, { kind: 'phone' }), deskActor)).rejects.toMatchObject({ code: 'CONFLICT' });
    const timeline = (await s.incidents.detail(incident.id)).timeline.at(-1);
    expect(timeline).toMatchObject({ kind: 'report_done', params: { reportKind: 'phone', late: 1 } });
  });

  it('restarts the clock for the new level when the severity is raised, superseding the open reports and their alarms', async () => {
    const incident = await s.incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), deskActor);
    now += 45 * MIN;
    await s.watcher.checkNow();
    expect(await overdueAlarms()).toHaveLength(1);
    const raised = await s.incidents.changeSeverity(incident.id, { severity: 'serious', note: '被困人数增至12人' }, deskActor);
    expect(await overdueAlarms()).toEqual([]);
    expect(raised.deadlines.map((d) => [d.severity, d.kind, d.state])).toEqual([
      ['major', 'phone', 'superseded'],
      ['major', 'written', 'superseded'],
      ['serious', 'phone', 'open'],
      ['serious', 'written', 'open'],
    ]);
    expect(raised.deadlines[2]!.dueAt).toBe(new Date(now + 30 * MIN).toISOString());
    now += 31 * MIN;
    await s.watcher.checkNow();
    expect((await overdueAlarms()).map((a) => [a.severity, a.params.reportKind, a.params.incidentSeverity])).toEqual([['critical', 'phone', 'serious']]);
    const lowered = await s.incidents.changeSeverity(incident.id, { severity: 'major' }, deskActor);
    expect(lowered.deadlines.filter((d) => d.state === 'open')).toHaveLength(2);
  });

  it('clears an overdue alarm left open when its deadline is no longer open (after a restart)', async () => {
    const incident = await s.incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), deskActor);
    await s.alarms.raise({ kind: 'report_overdue', severity: 'warning', sound: 'repeat', sourceType: 'incident_deadline', sourceId: 'gone', params: {} }, SYSTEM_ACTOR);
    await s.watcher.checkNow();
    expect((await overdueAlarms()).map((a) => a.sourceId)).toEqual([]);
    expect(incident.deadlines).toHaveLength(2);
  });

  it('keeps a timeline of notes and edits, and recomputes the township when the location moves', async () => {
    const { id } = await s.incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), deskActor);
    await s.incidents.addNote(id, { text: '蓝天救援队已出发' }, deskActor);
    const moved = await s.incidents.update(id, { location: { lat: 29.2159, lon: 121.9384 }, trapped: 5 }, deskActor);
    expect(moved).toMatchObject({ township: '石浦镇', trapped: 5 });
    await expect(async () => s.incidents.addNote(id, parseInput(IncidentNoteCreateSchema, { text: '   ' }), deskActor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await s.incidents.detail(id)).timeline.map((e) => e.kind)).toEqual(['reported', 'note', 'updated']);
  });

  it('stores photos by content hash and refuses bytes that are not what their type says', async () => {
    const { id } = await s.incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), deskActor);
    const photo = await s.attachments.addPhoto(id, { mime: 'image/png', dataBase64: PNG_1PX, caption: '现场' }, deskActor);
    const again = await s.attachments.addPhoto(id, { mime: 'image/png', dataBase64: PNG_1PX }, deskActor);
    expect(again.sha256).toBe(photo.sha256);
    const file = await s.attachments.fileOf(id, photo.id);
    expect(fs.readFileSync(file.path).equals(Buffer.from(PNG_1PX, 'base64'))).toBe(true);
    expect(fs.readdirSync(s.attachmentDir)).toEqual([`${photo.sha256}.png`]);
    await expect(s.attachments.addPhoto(id, { mime: 'image/jpeg', dataBase64: PNG_1PX }, deskActor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(s.attachments.addPhoto('nope', { mime: 'image/jpeg', dataBase64: JPEG_BYTES }, deskActor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('turns a field situation report into a reported incident with its photo and township', async () => {
    await s.addTeam('zone-central', '中片综合应急救援队');
    const receipt = await s.fieldReports.file(parseInput(FieldSituationReportSchema, { actionId: randomUUID(), text: '东陈乡红庙山村后山发生滑坡，两户房屋受威胁', position: { lat: 29.3736, lon: 121.9039 }, photo: { mime: 'image/jpeg', dataBase64: JPEG_BYTES } }), fieldPrincipal('zone-central'));
    const detail = await s.incidents.detail(receipt.incidentId);
    expect(detail.incident).toMatchObject({ code: receipt.code, source: 'field_report', status: 'reported', severity: 'general', township: '东陈乡', teamId: 'zone-central', caller: '中片救援队平板' });
    expect(detail.incident.title.length).toBeLessThanOrEqual(30);
    expect(detail.attachments).toHaveLength(1);
    expect(detail.timeline.map((e) => e.kind)).toEqual(['reported', 'attachment']);
    await expect(async () => s.fieldReports.file(parseInput(FieldSituationReportSchema, { actionId: randomUUID(), text: '' }), fieldPrincipal('zone-central'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('applies changed reporting rules to incidents taken in afterwards', async () => {
    await s.rules.set({ general: { phoneMinutes: 120, writtenMinutes: null }, major: { phoneMinutes: 20, writtenMinutes: 40 }, serious: { phoneMinutes: 15, writtenMinutes: 30 }, extraordinary: { phoneMinutes: 10, writtenMinutes: 30 } }, deskActor);
    const general = await s.incidents.create(parseInput(IncidentCreateSchema, { ...majorIncidentInput, severity: 'general' }), deskActor);
    expect(general.deadlines.map((d) => d.kind)).toEqual(['phone']);
    await expect(async () => s.rules.set(parseInput(ReportingRulesSchema, { general: { phoneMinutes: 0, writtenMinutes: null } }), deskActor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

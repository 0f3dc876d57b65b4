import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/schemas/alarm';
import type { Incident, ReportingRules } from '../../shared/schemas/incident';
import type { Attachment, IncidentDetail } from '../../shared/schemas/incident-record';
import { JPEG_BYTES, PNG_1PX, jpegBytes, majorIncidentInput, pngBytes } from './test-support';
import { startServer, type ServerHandle } from '../testing/server-process';
import { signInEveryRole, statusByRole, type SignedIn } from '../testing/overview-support';
import { TestClient, dataOf, eventually, login } from '../testing/int-support';

let server: ServerHandle;
let as: SignedIn;
let wall: TestClient;

beforeAll(async () => {
  server = await startServer();
  as = await signInEveryRole(server);
  wall = new TestClient(server.baseUrl, as.tokens.wall);
  await wall.connected();
  await wall.request('sync:hello', { lastSeq: null });
});
afterAll(async () => {
  wall?.close();
  await server?.dispose();
});

describe('incidents over HTTP', () => {
  it('lets the duty desk take in incidents, the board read them, and nobody else', async () => {
    expect(await statusByRole(as, (http) => http.post('/api/incidents', majorIncidentInput))).toEqual({ admin: 403, commander: 200, duty: 200, wall: 403, field: 403 });
    expect(await statusByRole(as, (http) => http.get('/api/incidents'))).toEqual({ admin: 200, commander: 200, duty: 200, wall: 200, field: 403 });
    const list = dataOf(await as.http.wall.get<Incident[]>('/api/incidents?open=true'));
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ status: 'reported', township: '丹东街道', deadlines: [{ kind: 'phone' }, { kind: 'written' }] });
    await eventually(() => wall.events.filter((e) => e.type === 'incident.reported').length === 2, 5_000, 'the wall to see both intakes');
    expect((await as.http.duty.post('/api/incidents', { ...majorIncidentInput, severity: 'catastrophic' })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('runs the lifecycle with typed errors for illegal transitions, notes, edits and severity, role by role', async () => {
    const incident = dataOf(await as.http.duty.post<Incident>('/api/incidents', { ...majorIncidentInput, severity: 'general' }));
    const base = `/api/incidents/${incident.id}`;
    expect((await as.http.duty.post(`${base}/status`, { status: 'closed', note: '误报' })).status).toBe(200);
    const closedAgain = await as.http.commander.post(`${base}/status`, { status: 'responding' });
    expect(closedAgain).toMatchObject({ status: 409, body: { ok: false, error: { code: 'INVALID_TRANSITION', details: { from: 'closed', to: 'responding' } } } });

    const live = dataOf(await as.http.duty.post<Incident>('/api/incidents', majorIncidentInput));
    const path = `/api/incidents/${live.id}`;
    expect(await statusByRole(as, (http) => http.post(`${path}/notes`, { text: '已通知丹东街道' }))).toEqual({ admin: 403, commander: 200, duty: 200, wall: 403, field: 403 });
    expect(await statusByRole(as, (http) => http.patch(path, { trapped: 4 }))).toEqual({ admin: 403, commander: 200, duty: 200, wall: 403, field: 403 });
    expect(await statusByRole(as, (http, role) => http.post(`${path}/status`, { status: role === 'duty' ? 'verified' : 'responding' }), ['admin', 'wall', 'field', 'duty'])).toEqual({ admin: 403, wall: 403, field: 403, duty: 200 });
    expect(await statusByRole(as, (http) => http.post(`${path}/severity`, { severity: 'serious' }), ['wall', 'field', 'commander'])).toEqual({ wall: 403, field: 403, commander: 200 });
    expect(await statusByRole(as, (http) => http.get(path))).toEqual({ admin: 200, commander: 200, duty: 200, wall: 200, field: 403 });
    const detail = dataOf(await as.http.wall.get<IncidentDetail>(path));
    expect(detail.incident).toMatchObject({ status: 'verified', severity: 'serious', trapped: 4 });
    expect(detail.timeline.map((e) => e.kind)).toEqual(['reported', 'note', 'note', 'updated', 'updated', 'status', 'severity']);
    expect((await as.http.duty.get('/api/incidents/nope')).status).toBe(404);
  });

  it('raises report_overdue on the wall until the report is marked done', async () => {
    const reportedAt = new Date(Date.now() - 31 * 60_000).toISOString();
    const incident = dataOf(await as.http.duty.post<Incident>('/api/incidents', { ...majorIncidentInput, title: '逾期未报', reportedAt }));
    const raised = await eventually(
      () => wall.events.find((e) => e.type === 'alarm.raised' && e.payload.alarm.kind === 'report_overdue' && e.payload.alarm.params.incidentId === incident.id),
      10_000,
      'the overdue alarm',
    );
    expect(raised.type === 'alarm.raised' && raised.payload.alarm).toMatchObject({ severity: 'warning', sound: 'repeat', params: { reportKind: 'phone', code: incident.code } });
    expect(await statusByRole(as, (http) => http.post(`/api/incidents/${incident.id}/reports`, { kind: 'written' }), ['admin', 'wall', 'field'])).toEqual({ admin: 403, wall: 403, field: 403 });
    const done = dataOf(await as.http.commander.post<Incident>(`/api/incidents/${incident.id}/reports`, { kind: 'phone', reportedBy: '王主任', recipient: '市应急管理局' }));
    expect(done.deadlines.find((d) => d.kind === 'phone')).toMatchObject({ state: 'done', doneBy: '王主任', recordedBy: '值班指挥长' });
    await eventually(() => wall.events.some((e) => e.type === 'alarm.cleared' && raised.type === 'alarm.raised' && e.payload.alarm.id === raised.payload.alarm.id), 5_000, 'the alarm to clear');
    const open = dataOf(await as.http.wall.get<Alarm[]>('/api/alarms'));
    expect(open.filter((a) => a.params.incidentId === incident.id).map((a) => a.params.reportKind)).toEqual([]);
  });

  it('uploads photos up to 2 MB for the desk and serves them to the board only', async () => {
    const incident = dataOf(await as.http.duty.post<Incident>('/api/incidents', majorIncidentInput));
    const url = `/api/incidents/${incident.id}/attachments`;
    expect(await statusByRole(as, (http) => http.post(url, { mime: 'image/png', dataBase64: PNG_1PX }))).toEqual({ admin: 403, commander: 200, duty: 200, wall: 403, field: 403 });
    const big = jpegBytes(1600, 1200, 1_900_000);
    const photo = dataOf(await as.http.duty.post<Attachment>(url, { mime: 'image/jpeg', dataBase64: big.toString('base64'), caption: '大图' }));
    expect(photo.bytes).toBe(1_900_000);
    const tooBig = jpegBytes(1600, 1200, 2_200_000);
    expect((await as.http.duty.post(url, { mime: 'image/jpeg', dataBase64: tooBig.toString('base64') })).body).toMatchObject({ ok: false });
    expect((await as.http.duty.post(url, { mime: 'image/jpeg', dataBase64: PNG_1PX })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    for (const role of ['wall', 'field'] as const) {
      const res = await fetch(`${server.baseUrl}${url}/${photo.id}`, { headers: { authorization: `Bearer ${as.tokens[role]}` } });
      expect({ role, status: res.status }).toEqual({ role, status: role === 'wall' ? 200 : 403 });
      if (role === 'wall') {
        expect(res.headers.get('content-type')).toBe('image/jpeg');
        expect(Buffer.from(await res.arrayBuffer()).equals(big)).toBe(true);
      } else await res.arrayBuffer();
    }
  });

  it('lets admins and commanders change the reporting rules, and shows them to the board', async () => {
    const rules = dataOf(await as.http.wall.get<ReportingRules>('/api/reporting-rules'));
    expect(rules.major).toEqual({ phoneMinutes: 30, writtenMinutes: 60 });
    const next = { ...rules, general: { phoneMinutes: 240, writtenMinutes: null } };
    expect(await statusByRole(as, (http) => http.put('/api/reporting-rules', next))).toEqual({ admin: 200, commander: 200, duty: 403, wall: 403, field: 403 });
    const general = dataOf(await as.http.duty.post<Incident>('/api/incidents', { ...majorIncidentInput, severity: 'general' }));
    expect(general.deadlines.map((d) => d.kind)).toEqual(['phone']);
    dataOf(await as.http.admin.put('/api/reporting-rules', rules));
  });
});

describe('field situation reports', () => {
  it('files a report with text, photo and position from a tablet; it lands on the desk as a reported incident', async () => {
    const tablet = new TestClient(server.baseUrl, as.tokens.field);
    const desk = new TestClient(server.baseUrl, as.tokens.duty);
    try {
      await Promise.all([tablet.connected(), desk.connected()]);
      await tablet.request('sync:hello', { lastSeq: null });
      await desk.request('sync:hello', { lastSeq: null });
      const photo = jpegBytes(1600, 1200, 1_500_000);
      const report = { actionId: randomUUID(), type: 'waterlogging' as const, text: '新桥镇高湾村河堤出现管涌，需要沙袋', position: { lat: 29.3268, lon: 121.8535 }, photo: { mime: 'image/jpeg' as const, dataBase64: photo.toString('base64') } };
      const receipt = await tablet.request('incident:field_report', report);
      if (!receipt.ok) throw new Error(JSON.stringify(receipt.error));
      // Resent after a lost answer: the same incident, not a second one.
      expect(await tablet.request('incident:field_report', report)).toEqual(receipt);
      const reported = await eventually(() => desk.events.find((e) => e.type === 'incident.reported' && e.payload.incident.id === receipt.data.incidentId), 5_000, 'the report on the desk');
      expect(reported.type === 'incident.reported' && reported.payload.incident).toMatchObject({ source: 'field_report', type: 'waterlogging', status: 'reported', township: '新桥镇', teamId: as.team.id });
      await eventually(() => desk.events.some((e) => e.type === 'incident.attachment_added' && e.payload.incidentId === receipt.data.incidentId), 5_000, 'the photo');
      expect(tablet.events.some((e) => e.type.startsWith('incident.'))).toBe(false);

      await new Promise((r) => setTimeout(r, 300));
      expect(desk.events.filter((e) => e.type === 'incident.reported' && e.payload.incident.source === 'field_report' && e.payload.incident.account === report.text)).toHaveLength(1);
      expect(await desk.request('incident:field_report', { actionId: randomUUID(), text: '桌面不能上报' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await tablet.rawRequest('incident:field_report', { text: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(await tablet.rawRequest('incident:field_report', { text: '照片类型不对', photo: { mime: 'image/gif', dataBase64: JPEG_BYTES } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    } finally {
      tablet.close();
      desk.close();
    }
  });

  it('answers a tablet that files a flood of reports at once with WRITE_THROTTLED and when to retry, filing only what the limit allows', async () => {
    // A session of its own: the limit is per tablet session, and the other tests' tablet must not inherit the flood.
    const tablet = new TestClient(server.baseUrl, await login(server.baseUrl, as.users.field.username, 'long-enough-password'));
    const desk = new TestClient(server.baseUrl, as.tokens.duty);
    try {
      await Promise.all([tablet.connected(), desk.connected()]);
      await desk.request('sync:hello', { lastSeq: null });
      const marker = `洪水刷屏-${randomUUID()}`;
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => tablet.rawRequest('incident:field_report', { actionId: randomUUID(), text: `${marker} ${i}` })));
      const filed = answers.filter((a) => a.ok);
      // Past 16 requests in flight the socket's own gate answers RATE_LIMITED first: both mean "later" to the outbox.
      const writeThrottled = answers.filter((a) => !a.ok && a.error.code === 'WRITE_THROTTLED');
      const gateLimited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
      expect(filed.length).toBeGreaterThan(0);
      expect(filed.length).toBeLessThanOrEqual(10);
      expect(filed.length + writeThrottled.length + gateLimited.length).toBe(40);
      expect(writeThrottled[0]).toMatchObject({ ok: false, error: { code: 'WRITE_THROTTLED', details: { retryAfterMs: expect.any(Number) } } });
      await new Promise((r) => setTimeout(r, 500));
      expect(desk.events.filter((e) => e.type === 'incident.reported' && e.payload.incident.account.startsWith(marker))).toHaveLength(filed.length);
    } finally {
      tablet.close();
      desk.close();
    }
  });

  it('refuses a photo of absurd dimensions from a tablet or the desk, and keeps no file of it', async () => {
    const attachments = path.join(server.dataDir, 'attachments');
    const before = fs.existsSync(attachments) ? fs.readdirSync(attachments).sort() : [];
    const huge = { mime: 'image/png' as const, dataBase64: pngBytes(20_000, 20_000).toString('base64') };
    const tablet = new TestClient(server.baseUrl, as.tokens.field);
    try {
      await tablet.connected();
      const refused = await tablet.request('incident:field_report', { actionId: randomUUID(), text: '石浦港码头进水', photo: huge });
      expect(refused).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/20000×20000/) } });
    } finally {
      tablet.close();
    }
    const incident = dataOf(await as.http.duty.post<Incident>('/api/incidents', majorIncidentInput));
    const upload = await as.http.duty.post(`/api/incidents/${incident.id}/attachments`, huge);
    expect(upload).toMatchObject({ status: 413, body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } } });
    const noise = Buffer.alloc(50_000, 3);
    noise.set([0xff, 0xd8, 0xff]);
    expect((await as.http.duty.post(`/api/incidents/${incident.id}/attachments`, { mime: 'image/jpeg', dataBase64: noise.toString('base64') })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(fs.existsSync(attachments) ? fs.readdirSync(attachments).sort() : []).toEqual(before);
  });
});

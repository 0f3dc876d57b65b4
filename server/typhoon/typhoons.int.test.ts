import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, Storm } from '../../shared/schemas/typhoon';
import type { Exposure, FeedStatus, SignalRule } from '../../shared/schemas/typhoon-exposure';
import { startServer, type ServerHandle } from '../testing/server-process';
import { signInEveryRole, statusByRole, type SignedIn } from '../testing/overview-support';
import { TestClient, dataOf, eventually } from '../testing/int-support';

// Real data: JMA best tracks of Lekima and Hagupit (fixtures/ATTRIBUTION.md).
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const LEKIMA = fixture('jma_bst_1909_lekima.txt');
const HAGUPIT = fixture('jma_bst_2004_hagupit.txt');

let server: ServerHandle;
let as: SignedIn;

beforeAll(async () => {
  server = await startServer();
  as = await signInEveryRole(server);
});
afterAll(async () => server?.dispose());

type Role = keyof SignedIn['tokens'];
type Answer<T> = { status: number; body: { ok: boolean; data?: T; error?: { code: string; message: string; details?: unknown } } };

async function importFile<T = ImportResult>(role: Role, text: string, contentType = 'text/plain', query = ''): Promise<Answer<T>> {
  const res = await fetch(`${server.baseUrl}/api/typhoons/import${query}`, { method: 'POST', headers: { authorization: `Bearer ${as.tokens[role]}`, 'content-type': contentType }, body: text });
  return { status: res.status, body: (await res.json()) as Answer<T>['body'] };
}

describe('typhoons', () => {
  it('imports a JMA file as sent, answers the storms with their ids, and tells the board in the event log', async () => {
    const wall = new TestClient(server.baseUrl, as.tokens.wall);
    try {
      await wall.connected();
      await wall.request('sync:hello', { lastSeq: null });
      expect((await importFile('wall', LEKIMA)).status).toBe(403);
      expect((await importFile('field', LEKIMA)).status).toBe(403);
      const answer = await importFile('duty', `${LEKIMA}${HAGUPIT}`, 'text/plain', '?historical=true');
      expect(answer.body).toEqual({
        ok: true,
        data: {
          format: 'jma_best_track',
          storms: [
            { id: 'ty-1909', number: '1909', nameEn: 'LEKIMA', outcome: 'created', points: 56 },
            { id: 'ty-2004', number: '2004', nameEn: 'HAGUPIT', outcome: 'created', points: 55 },
          ],
        },
      });
      await eventually(() => wall.events.filter((e) => e.type === 'typhoon.imported').length === 2, 5_000, 'imported events');
      expect(await statusByRole(as, (http) => http.get('/api/typhoons'))).toEqual({ admin: 200, commander: 200, duty: 200, wall: 200, field: 403 });
      const lekima = dataOf(await as.http.wall.get<Storm>('/api/typhoons/ty-1909'));
      expect(lekima).toMatchObject({ historical: true, archived: false, updatedAt: '2019-08-14T18:00:00.000Z', source: 'jma_best_track' });
    } finally {
      wall.close();
    }
  });

  it('refuses a bad file whole, naming the line, and stores nothing of it', async () => {
    const lines = HAGUPIT.replace('HAGUPIT', 'BADONE  ').replace('66666 2004', '66666 2099').replace(/2004 1 0/, '2099 1 0').split('\n');
    lines[5] = `${lines[5]!.slice(0, 15)}9x9${lines[5]!.slice(18)}`;
    const goodThenBad = `${fixture('jma_bst_1909_lekima.txt').replace(/1909/g, '1998')}${lines.join('\n')}`;
    const answer = await importFile('commander', goodThenBad);
    expect(answer.status).toBe(400);
    // The second storm's header is line 58 (Lekima has 1 + 56 lines), its fifth data line is line 63.
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'line 63, latitude: "9x9" (columns 16-18) is not a number' });
    const numbers = dataOf(await as.http.wall.get<Storm[]>('/api/typhoons')).map((s) => s.number);
    expect(numbers).not.toContain('1998');
    expect((await importFile('duty', 'hello world')).body.error?.message).toContain('line 1, format');
  });

  it('imports the best-track CSV given the storm number, and JSON from the Zhejiang site as sent', async () => {
    expect((await importFile('duty', fixture('jma_bst_1909_lekima.csv'), 'text/csv')).body.error?.message).toContain('?number=YYNN');
    const csv = await importFile('duty', fixture('jma_bst_2004_hagupit.csv'), 'text/csv', '?number=2004&nameEn=HAGUPIT&nameZh=%E9%BB%91%E6%A0%BC%E6%AF%94');
    // Hagupit is already stored from its JMA text: the same track, and the Chinese name it lacked.
    expect(csv.body.data).toEqual({ format: 'best_track_csv', storms: [{ id: 'ty-2004', number: '2004', nameEn: 'HAGUPIT', outcome: 'merged', points: 55 }] });
    expect(dataOf(await as.http.wall.get<Storm>('/api/typhoons/ty-2004')).nameZh).toBe('黑格比');
    const again = await importFile('duty', fixture('jma_bst_2004_hagupit.csv'), 'text/csv', '?number=2004');
    expect(again.body.data).toMatchObject({ storms: [{ outcome: 'stale' }] });
    const json = await importFile('duty', fixture('zhejiang_storm_made_up.json'), 'application/json');
    expect(json.body.data).toMatchObject({ format: 'zhejiang_json', storms: [{ id: 'ty-2699', outcome: 'created', points: 2 }] });
    const storm = dataOf(await as.http.wall.get<Storm>('/api/typhoons/ty-2699'));
    expect(storm.forecasts.map((f) => f.agency)).toEqual(['BABJ', 'RJTD']);
  });

  it('answers the exposure of every township in the documented shape, following the chosen agency', async () => {
    const lekima = dataOf(await as.http.wall.get<Exposure>('/api/typhoons/ty-1909/exposure?at=2019-08-09T12:00:00Z'));
    expect(lekima.townships).toHaveLength(18);
    expect(lekima).toMatchObject({ stormId: 'ty-1909', at: '2019-08-09T12:00:00.000Z', agency: null, historical: true, suggestion: { state: 'historical' }, county: { level7: { state: 'historical' } } });
    const danDong = lekima.townships.find((t) => t.name === '丹东街道')!;
    expect(danDong.circles.level12).toEqual({ state: 'no_data' });
    expect(danDong.circles.level7).toMatchObject({ state: 'reached', enteredAt: expect.any(String), leftAt: expect.any(String) });
    expect(danDong.closestApproach).toMatchObject({ distanceKm: expect.closeTo(122.4, 0) });

    const made = dataOf(await as.http.duty.get<Exposure>('/api/typhoons/ty-2699/exposure?agency=RJTD&at=2026-08-01T06:00:00Z'));
    expect(made.agency).toBe('RJTD');
    expect((await as.http.duty.get('/api/typhoons/ty-2699/exposure?agency=PGTW')).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await as.http.field.get('/api/typhoons/ty-2699/exposure')).status).toBe(403);
  });

  it('takes a typed bulletin, merges it into the storm, and never lets an older one replace it', async () => {
    const bulletin = { number: '2698', nameZh: '手工', nameEn: 'manual', at: '2026-08-02T00:00:00Z', lat: 26, lon: 125, pressureHpa: 960, windMs: 38, radii: { level7: { ne: 300, se: 280, sw: 200, nw: 250 } }, forecast: [{ at: '2026-08-02T12:00:00Z', lat: 27.5, lon: 123 }] };
    expect(await statusByRole(as, (http) => http.post('/api/typhoons/bulletins', { ...bulletin, nameEn: 'x' }))).toEqual({ admin: 403, commander: 200, duty: 200, wall: 403, field: 403 });
    const storm = dataOf(await as.http.duty.post<Storm>('/api/typhoons/bulletins', bulletin));
    expect(storm).toMatchObject({ id: 'ty-2698', source: 'manual', updatedAt: '2026-08-02T00:00:00.000Z', track: [{ grade: 'TY', beaufort: 13, radii: { level7: { ne: 300 }, level10: null } }], forecasts: [{ agency: 'BABJ' }] });
    const older = dataOf(await as.http.duty.post<Storm>('/api/typhoons/bulletins', { ...bulletin, at: '2026-08-01T18:00:00Z', lat: 25.5, forecast: [{ at: '2026-08-02T06:00:00Z', lat: 40, lon: 140 }] }));
    expect(older.updatedAt).toBe('2026-08-02T00:00:00.000Z');
    expect(older.track.map((p) => p.at)).toEqual(['2026-08-01T18:00:00.000Z', '2026-08-02T00:00:00.000Z']);
    expect(older.forecasts[0]!.points[0]!.lat).toBe(27.5);
    expect((await as.http.duty.post('/api/typhoons/bulletins', { ...bulletin, forecast: [{ at: '2026-08-01T00:00:00Z', lat: 1, lon: 1 }] })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('forecast.0.at') } });
  });

  it('archives a storm off the default list; admin and commander edit the signal table, which the exposure shows', async () => {
    expect(await statusByRole(as, (http) => http.post('/api/typhoons/ty-2698/archive', {}))).toEqual({ admin: 403, commander: 200, duty: 200, wall: 403, field: 403 });
    expect(dataOf(await as.http.wall.get<Storm[]>('/api/typhoons')).map((s) => s.id)).not.toContain('ty-2698');
    expect(dataOf(await as.http.wall.get<Storm[]>('/api/typhoons?archived=true')).map((s) => s.id)).toContain('ty-2698');
    const rules: SignalRule[] = [{ signal: 'blue', level: 'level7', withinHours: 48 }];
    expect(await statusByRole(as, (http) => http.put('/api/typhoon-signal-rules', rules))).toEqual({ admin: 200, commander: 200, duty: 403, wall: 403, field: 403 });
    expect(dataOf(await as.http.wall.get<SignalRule[]>('/api/typhoon-signal-rules'))).toEqual(rules);
    expect(dataOf(await as.http.wall.get<Exposure>('/api/typhoons/ty-2004/exposure')).signalRules).toEqual(rules);
    expect(dataOf(await as.http.wall.get<FeedStatus>('/api/typhoon-feed'))).toEqual({ enabled: false, lastAttemptAt: null, lastSuccessAt: null, lastError: null, ageSeconds: null });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { DISPATCH_ROUTES } from '@shared/routes/dispatch';
import { SUPPLY_CSV_ROUTES } from '@shared/routes/supplies';
import { TEAM_ROUTES } from '@shared/routes/teams';
import { ApiError } from './apiError';
import { callRoute } from './routeClient';

const team = { id: 't 1', name: '一队', kind: 'township', leader: '甲', phone: '1', headcount: 3, capabilities: [], baseName: '站', base: { lat: 29.4, lon: 121.8 }, township: null, status: 'off_duty', updatedAt: '2026-01-01T00:00:00.000Z' };

function answer(body: unknown, status = 200) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('callRoute', () => {
  it('builds the path and body from the contract and returns the parsed answer', async () => {
    const fetchMock = answer({ ok: true, data: team });
    await expect(callRoute(TEAM_ROUTES.setStatus, { params: { id: 't 1' }, body: { status: 'off_duty' } })).resolves.toEqual(team);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/teams/t%201/status');
    expect(init).toMatchObject({ method: 'POST', body: JSON.stringify({ status: 'off_duty' }) });
  });

  it('sends the query of a GET route', async () => {
    const fetchMock = answer({ ok: true, data: { method: 'straight_line', teams: [] } });
    await callRoute(DISPATCH_ROUTES.suggestions, { query: { lat: 29.4, lon: 121.8, limit: 8, includeBusy: 'true' } });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/dispatches/suggestions?lat=29.4&lon=121.8&limit=8&includeBusy=true');
  });

  it('turns an answer that does not match the contract into a typed BAD_ANSWER error naming the field', async () => {
    answer({ ok: true, data: { ...team, status: 'on_holiday' } });
    const error = await callRoute(TEAM_ROUTES.setStatus, { params: { id: 't1' }, body: { status: 'off_duty' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BAD_ANSWER', details: [{ path: 'status' }] });
    answer({ ok: true, data: '<html>captive portal</html>' });
    await expect(callRoute(TEAM_ROUTES.list, {})).rejects.toMatchObject({ code: 'BAD_ANSWER' });
  });

  it('still passes the server refusal through as its own code', async () => {
    answer({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } }, 403);
    await expect(callRoute(TEAM_ROUTES.remove, { params: { id: 't1' } })).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('sends a raw-body route its bytes as a file of the first accepted type, not as JSON', async () => {
    const fetchMock = answer({ ok: true, data: { kind: 'items', rows: 1, created: 1, updated: 0, unchanged: 0 } });
    const csv = new TextEncoder().encode('编码,名称\nTENT,帐篷\n');
    await callRoute(SUPPLY_CSV_ROUTES.import, { params: { kind: 'items' }, query: { encoding: 'utf-8' }, body: csv });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/supplies/csv/items?encoding=utf-8');
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect(new Uint8Array(await (init?.body as Blob).arrayBuffer())).toEqual(csv);
  });
});

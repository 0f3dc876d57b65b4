import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SituationOverview } from '../../shared/schemas/overview';
import type { Incident } from '../../shared/schemas/incident';
import type { Snapshot } from '../../shared/schemas/sync';
import { startServer, type ServerHandle } from '../testing/server-process';
import { TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';

let server: ServerHandle;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer({ env: { SEED: 'demo' } });
  const accounts = fs.readFileSync(path.join(server.dataDir, 'demo-accounts.txt'), 'utf8');
  for (const username of ['duty', 'wall', 'field-central']) {
    const password = new RegExp(`^\\S+\\s+${username}\\s+(\\S+)$`, 'm').exec(accounts)?.[1];
    tokens[username] = await login(server.baseUrl, username, password!);
  }
  tokens.admin = await login(server.baseUrl, 'admin', server.adminPassword);
});
afterAll(async () => server?.dispose());

async function snapshotOf(token: string): Promise<Snapshot> {
  const client = new TestClient(server.baseUrl, token);
  try {
    await client.connected();
    const res = await client.request('sync:hello', { lastSeq: null });
    if (!res.ok || res.data.mode !== 'snapshot') throw new Error(JSON.stringify(res));
    return res.data.snapshot;
  } finally {
    client.close();
  }
}

describe('the wall panels', () => {
  it('summarise the seeded county in one answer for the board, and nothing for tablets', async () => {
    const wall = httpClient(server.baseUrl, tokens.wall);
    const summary = dataOf(await wall.get<SituationOverview>('/api/board/summary'));
    expect(summary.incidents.open.length).toBe(4);
    expect(summary.incidents.bySeverity.major).toBe(2);
    expect(summary.incidents.open.find((i) => i.type === 'landslide')?.deadlines.map((d) => d.kind)).toEqual(['phone', 'written']);
    expect(summary.evacuation.townships).toHaveLength(18);
    expect(summary.evacuation.county.evacuated).toBe(summary.evacuation.county.sheltered + summary.evacuation.county.withRelatives);
    expect(summary.shelters.open).toBe(6);
    expect(summary.stock.keyItems.find((i) => i.itemId === 'tent')).toMatchObject({ unit: '顶' });
    expect(summary.supplyRuns.inTransit).toBe(1);
    expect((await httpClient(server.baseUrl, tokens['field-central']).get('/api/board/summary')).status).toBe(403);
  });

  it('puts the board lists in the snapshot for board roles only, and keeps them live by events', async () => {
    const board = await snapshotOf(tokens.wall!);
    expect(board.shelters.length).toBeGreaterThanOrEqual(40);
    expect(board.incidents.length).toBe(4);
    expect(board.depots.length).toBe(9);
    expect(board.stockLevels.length).toBeGreaterThan(40);
    expect(board.supplyRuns).toHaveLength(1);
    expect(board.dutyShifts.length).toBeGreaterThanOrEqual(4);
    expect(board.townshipEvacuations.length).toBe(6);
    const tablet = await snapshotOf(tokens['field-central']!);
    expect([tablet.incidents, tablet.shelters, tablet.depots, tablet.stockLevels, tablet.supplyRuns, tablet.dutyShifts, tablet.handovers]).toEqual([[], [], [], [], [], [], []]);

    const wall = new TestClient(server.baseUrl, tokens.wall!);
    try {
      await wall.connected();
      await wall.request('sync:hello', { lastSeq: board.seq });
      const incident = dataOf(await httpClient(server.baseUrl, tokens.duty).post<Incident>('/api/incidents', { title: '爵溪海塘漫水', type: 'typhoon', severity: 'serious', source: 'township_report', township: '爵溪街道' }));
      const seen = await eventually(() => wall.events.find((e) => e.type === 'incident.reported' && e.payload.incident.id === incident.id), 5_000, 'the intake on the wall');
      expect(seen.type === 'incident.reported' && seen.payload.incident.deadlines.map((d) => d.kind)).toEqual(['phone', 'written']);
      const summary = dataOf(await httpClient(server.baseUrl, tokens.wall).get<SituationOverview>('/api/board/summary'));
      expect(summary.incidents.open[0]).toMatchObject({ id: incident.id, severity: 'serious' });
    } finally {
      wall.close();
    }
  });
});

// Test-only helpers for the dispatch integration tests: a county of teams and accounts on a started server,
// request builders, and the event log read straight from the server's SQLite file.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Dispatch, DispatchCreate } from '../../shared/schemas/dispatch';
import type { DomainEvent } from '../../shared/schemas/event';
import type { Team } from '../../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../testing/int-support';
import type { ServerHandle } from '../testing/server-process';

export const PASSWORD = 'dispatch-password-1';
export type Http = ReturnType<typeof httpClient>;

export interface County {
  teams: Team[];
  /** Tokens by account: admin, commander, duty_officer, wall, and field-<n> for the tablet of teams[n]. */
  tokens: Record<string, string>;
  admin: Http;
  desk: Http;
}

/** Teams with one tablet account each, and one account per desk role. */
export async function setUpCounty(server: ServerHandle, teamCount: number): Promise<County> {
  const adminToken = await login(server.baseUrl, 'admin', server.adminPassword);
  const admin = httpClient(server.baseUrl, adminToken);
  const teams: Team[] = [];
  for (let i = 0; i < teamCount; i++) teams.push(dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: `调度测试队${i}` })));
  const tokens: Record<string, string> = { admin: adminToken };
  const accounts = [
    { username: 'commander', role: 'commander', teamId: null },
    { username: 'duty_officer', role: 'duty_officer', teamId: null },
    { username: 'wall', role: 'wall', teamId: null },
    ...teams.map((t, i) => ({ username: `field-${i}`, role: 'field', teamId: t.id })),
  ];
  for (const account of accounts) {
    dataOf(await admin.post('/api/users', { ...account, displayName: account.username, password: PASSWORD }));
    tokens[account.username] = await login(server.baseUrl, account.username, PASSWORD);
  }
  return { teams, tokens, admin, desk: httpClient(server.baseUrl, tokens.duty_officer) };
}

export const createBody = (teamIds: string[], over: Partial<DispatchCreate> = {}): DispatchCreate => ({
  actionId: randomUUID(),
  teamIds,
  taskType: 'evacuation',
  priority: 'urgent',
  destination: { lat: 29.4431, lon: 121.8712, label: '丹西街道 低洼小区' },
  instructions: '组织群众转移到安置点',
  ...over,
});

export async function createDispatch(desk: Http, teamIds: string[], over: Partial<DispatchCreate> = {}): Promise<Dispatch> {
  return dataOf(await desk.post<Dispatch>('/api/dispatches', createBody(teamIds, over)));
}

export async function currentSeq(http: Http): Promise<number> {
  return dataOf(await http.get<{ seq: number }>('/health')).seq;
}

/** The whole event log, read from the server's store (a readonly connection; the server may be running). */
export function readEventLog(server: ServerHandle): DomainEvent[] {
  const db = new SqliteDatabase(path.join(server.dataDir, 'tidewatch.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('select seq, at, type, actor, payload from events order by seq').all() as Array<{ seq: number; at: string; type: string; actor: string; payload: string }>;
    return rows.map((r) => ({ seq: Number(r.seq), at: r.at, type: r.type, actor: JSON.parse(r.actor), payload: JSON.parse(r.payload) }) as DomainEvent);
  } finally {
    db.close();
  }
}

/** `state` of every `dispatch.stepped` event per `dispatchId:teamId`, in log order. */
export function stepsByAssignment(events: DomainEvent[]): Map<string, string[]> {
  const steps = new Map<string, string[]>();
  for (const event of events) {
    if (event.type !== 'dispatch.stepped') continue;
    const key = `${event.payload.dispatchId}:${event.payload.teamId}`;
    steps.set(key, [...(steps.get(key) ?? []), event.payload.step.state]);
  }
  return steps;
}

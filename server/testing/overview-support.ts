import type { Team } from '../../shared/schemas/team';
import type { ServerHandle } from './server-process';
import { TEAM_INPUT, dataOf, httpClient, login } from './int-support';

export type Http = ReturnType<typeof httpClient>;
export const ROLE_NAMES = ['admin', 'commander', 'duty', 'wall', 'field'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface SignedIn {
  http: Record<RoleName, Http>;
  tokens: Record<RoleName, string>;
  team: Team;
  users: Record<RoleName, { username: string; displayName: string }>;
}

/** One signed-in account per role (the field one bound to a fresh team), for role-by-role route checks. */
export async function signInEveryRole(server: ServerHandle, suffix = ''): Promise<SignedIn> {
  const adminToken = await login(server.baseUrl, 'admin', server.adminPassword);
  const admin = httpClient(server.baseUrl, adminToken);
  const team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: `事件测试队${suffix}` }));
  const accounts = {
    commander: { username: `cmd${suffix}`, displayName: '值班指挥长', role: 'commander', teamId: null },
    duty: { username: `duty${suffix}`, displayName: '值班员甲', role: 'duty_officer', teamId: null },
    wall: { username: `wall${suffix}`, displayName: '大屏', role: 'wall', teamId: null },
    field: { username: `field${suffix}`, displayName: '测试队平板', role: 'field', teamId: team.id },
  } as const;
  const tokens = { admin: adminToken } as Record<RoleName, string>;
  for (const [name, account] of Object.entries(accounts) as Array<[Exclude<RoleName, 'admin'>, (typeof accounts)[keyof typeof accounts]]>) {
    dataOf(await admin.post('/api/users', { ...account, password: 'long-enough-password' }));
    tokens[name] = await login(server.baseUrl, account.username, 'long-enough-password');
  }
  const http = Object.fromEntries(ROLE_NAMES.map((r) => [r, httpClient(server.baseUrl, tokens[r])])) as Record<RoleName, Http>;
  const users = { admin: { username: 'admin', displayName: '系统管理员' }, ...accounts };
  return { http, tokens, team, users };
}

/** The HTTP status each role gets for one call, e.g. `{ admin: 403, commander: 200, … }`. */
export async function statusByRole(signedIn: SignedIn, call: (http: Http, role: RoleName) => Promise<{ status: number }>, roles: readonly RoleName[] = ROLE_NAMES): Promise<Partial<Record<RoleName, number>>> {
  const result: Partial<Record<RoleName, number>> = {};
  for (const role of roles) result[role] = (await call(signedIn.http[role], role)).status;
  return result;
}

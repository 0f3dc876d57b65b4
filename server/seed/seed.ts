import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Role } from '../../shared/enums';
import { SYSTEM_ACTOR, type Actor } from '../../shared/schemas/event';
import { generatePassword } from '../auth/password';
import type { UserService } from '../auth/user-service';
import type { Database } from '../db/schema';
import { seedDemoDuty } from '../duty/demo-seed';
import type { DutyServices } from '../duty/duty-module';
import { seedDemoIncidents } from '../incidents/demo-seed';
import type { IncidentServices } from '../incidents/incidents-module';
import { seedDemoShelters } from '../shelters/demo-seed';
import type { ShelterServices } from '../shelters/shelters-module';
import { seedDemoSupplies } from '../supplies/demo-seed';
import type { SupplyServices } from '../supplies/supplies-module';
import type { TeamService } from '../teams/team-service';
import { DEMO_TEAMS } from '../teams/demo-teams';
import { parseInput } from '../validation';
import { TeamCreateSchema } from '../../shared/schemas/team';

/**
 * First run: an `admin` account with ADMIN_PASSWORD or, when none is given, a generated password
 * that the caller prints once. There is no fixed default password.
 */
export async function ensureAdmin(db: Kysely<Database>, users: UserService, given: string | undefined): Promise<{ generatedPassword: string | null }> {
  const existing = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  if (existing) return { generatedPassword: null };
  const password = given ?? generatePassword(16);
  await users.create({ username: 'admin', displayName: '系统管理员', role: 'admin', teamId: null, password }, SYSTEM_ACTOR);
  return { generatedPassword: given ? null : password };
}

const DEMO_ACCOUNTS: Array<{ username: string; displayName: string; role: Role; teamId: string | null }> = [
  { username: 'commander', displayName: '值班指挥长', role: 'commander', teamId: null },
  { username: 'duty', displayName: '值班员', role: 'duty_officer', teamId: null },
  { username: 'wall', displayName: '大屏一号', role: 'wall', teamId: null },
  { username: 'field-central', displayName: '中片救援队平板', role: 'field', teamId: 'zone-central' },
  { username: 'field-bluesky', displayName: '蓝天救援队平板', role: 'field', teamId: 'civil-bluesky' },
  { username: 'field-shipu', displayName: '石浦消防站平板', role: 'field', teamId: 'fire-shipu' },
];

/**
 * Seeds the demo county once, on an empty database: teams and one account per role, whose generated
 * passwords go to a file only the server's user can read.
 */
export async function seedDemoCounty(db: Kysely<Database>, teams: TeamService, users: UserService, dataDir: string): Promise<{ accountsFile: string } | null> {
  const anyTeam = await db.selectFrom('teams').select('id').executeTakeFirst();
  if (anyTeam) return null;
  for (const { id, ...team } of DEMO_TEAMS) await teams.create(parseInput(TeamCreateSchema, team), SYSTEM_ACTOR, id);
  const lines = ['# Tidewatch demo accounts (generated on first run; change or disable them before real use)', ''];
  for (const account of DEMO_ACCOUNTS) {
    const password = generatePassword(14);
    await users.create({ ...account, password }, SYSTEM_ACTOR);
    lines.push(`${account.role.padEnd(13)} ${account.username.padEnd(14)} ${password}`);
  }
  const accountsFile = path.join(dataDir, 'demo-accounts.txt');
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(accountsFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  return { accountsFile };
}

export interface SituationServices {
  incidents: IncidentServices;
  shelters: ShelterServices;
  supplies: SupplyServices;
  duty: DutyServices;
}

/**
 * Seeds the demo county's situation once, through each domain's services so every row has its event:
 * shelters, depots with stock and a run on the road, a typhoon night's incidents, and the duty watch.
 */
export async function seedDemoSituation(db: Kysely<Database>, services: SituationServices, clock: () => number = Date.now): Promise<void> {
  if (await db.selectFrom('shelters').select('id').executeTakeFirst()) return;
  const staff = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', 'in', ['duty', 'commander']).execute();
  const account = (username: string) => staff.find((u) => u.username === username);
  const actorOf = (username: string): Actor => {
    const user = account(username);
    return user ? { type: 'user', id: user.id, name: user.display_name } : SYSTEM_ACTOR;
  };
  const dutyOfficer = actorOf('duty');
  const commander = actorOf('commander');
  const dutyAccount = account('duty');
  const commanderAccount = account('commander');
  const now = clock();

  await seedDemoShelters(services.shelters, dutyOfficer);
  await seedDemoSupplies(services.supplies, dutyOfficer, now);
  const { vesselId } = await seedDemoIncidents(services.incidents, { dutyOfficer, commander }, now);
  const accounts = dutyAccount && commanderAccount ? { dutyOfficerId: dutyAccount.id, commanderId: commanderAccount.id } : null;
  await seedDemoDuty(services.duty, { dutyOfficer, commander, accounts }, now, vesselId);
}

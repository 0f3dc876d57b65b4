import { DutyLogCreateSchema } from '../../shared/schemas/duty';
import { SYSTEM_ACTOR, type Actor } from '../../shared/schemas/event';
import { parseInput } from '../validation';
import type { DutyServices } from './duty-module';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Beijing time is UTC+8 all year. */
const BEIJING_OFFSET = 8 * HOUR;

export interface DemoWatchStaff {
  dutyOfficer: Actor;
  commander: Actor;
  /** The demo duty officer's and commander's accounts, when they exist: without both there is no roster. */
  accounts: { dutyOfficerId: string; commanderId: string } | null;
}

/** The demo duty watch: a roster around now and the night's log, one entry about the vessel in distress. */
export async function seedDemoDuty({ roster, dutyLog }: DutyServices, staff: DemoWatchStaff, now: number, vesselIncidentId: string): Promise<void> {
  const { dutyOfficer, commander } = staff;
  const ago = (minutes: number) => new Date(now - minutes * MIN).toISOString();
  if (staff.accounts) await seedRoster(roster, now, staff.accounts);
  await dutyLog.add(parseInput(DutyLogCreateSchema, { kind: 'call_in', summary: '县气象台：台风橙色预警，预计今夜在浙江沿海登陆', counterpart: '县气象台', at: ago(120) }), dutyOfficer);
  await dutyLog.add(parseInput(DutyLogCreateSchema, { kind: 'call_out', summary: '通知沿海各乡镇做好渔船回港和人员转移', counterpart: '沿海乡镇应急办', at: ago(100) }), dutyOfficer);
  await dutyLog.add(parseInput(DutyLogCreateSchema, { kind: 'action', summary: '电话报告市应急管理局：渔船遇险情况', counterpart: '宁波市应急管理局', incidentId: vesselIncidentId, at: ago(20) }), commander);
}

/** Two 12-hour shifts a day (08:00 and 20:00 Beijing time), from the one before now to two days ahead. */
async function seedRoster(roster: DutyServices['roster'], now: number, accounts: { dutyOfficerId: string; commanderId: string }): Promise<void> {
  const beijing = now + BEIJING_OFFSET;
  const sinceMidnight = beijing % (24 * HOUR);
  const lastChange = now - sinceMidnight + (sinceMidnight >= 20 * HOUR ? 20 : sinceMidnight >= 8 * HOUR ? 8 : -4) * HOUR;
  for (let i = -1; i < 4; i++) {
    const startsAt = lastChange + i * 12 * HOUR;
    // 带班 is the commander's post; the duty officer (值班员) stands the watch beside them.
    await roster.create({ startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 12 * HOUR).toISOString(), leaderUserId: accounts.commanderId, officerUserIds: [accounts.dutyOfficerId], note: '防台风Ⅲ级应急响应期间' }, SYSTEM_ACTOR);
  }
}

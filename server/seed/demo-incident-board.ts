import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import type { IncidentBoard } from '../incident-board';
import { DEMO_CHECK_INS, DEMO_DEPOTS, DEMO_ITEMS, DEMO_STOCK, DEMO_WITH_RELATIVES } from '../supplies/demo-supplies';
import { DEMO_SHELTERS } from '../shelters/shelter-sites';
import { parseInput } from '../validation';
import { ShelterCreateSchema } from '../../shared/schemas/shelter';
import { IncidentCreateSchema } from '../../shared/schemas/incident';
import { DutyLogCreateSchema } from '../../shared/schemas/duty';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Beijing time is UTC+8 all year. */
const BEIJING_OFFSET = 8 * HOUR;

/**
 * Seeds the incident board of the demo county through its services, so every row has its event:
 * shelters on real school sites, depots with stock and thresholds, a typhoon night's incidents with
 * their reporting deadlines, a supply run on the road, evacuees, and a duty roster around now.
 */
export async function seedDemoIncidentBoard(db: Kysely<Database>, board: IncidentBoard['services'], clock: () => number = Date.now): Promise<void> {
  if (await db.selectFrom('shelters').select('id').executeTakeFirst()) return;
  const staff = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', 'in', ['duty', 'commander']).execute();
  const actorOf = (username: string): Actor => {
    const user = staff.find((u) => u.username === username);
    return user ? { type: 'user', id: user.id, name: user.display_name } : SYSTEM_ACTOR;
  };
  const duty = actorOf('duty');
  const commander = actorOf('commander');
  const now = clock();
  const ago = (minutes: number) => new Date(now - minutes * MIN).toISOString();

  for (const { id, source: _source, ...shelter } of DEMO_SHELTERS) await board.shelters.create(parseInput(ShelterCreateSchema, shelter), SYSTEM_ACTOR, id);
  for (const [shelterId, people] of DEMO_CHECK_INS) {
    await board.shelters.setStatus(shelterId, { status: 'open' }, duty);
    await board.shelters.recordMovement(shelterId, { kind: 'check_in', people, note: '台风转移' }, duty);
  }
  for (const [township, withRelatives] of Object.entries(DEMO_WITH_RELATIVES)) await board.evacuation.report({ township, withRelatives }, duty);

  for (const depot of DEMO_DEPOTS) await board.depots.create(depot, SYSTEM_ACTOR);
  for (const item of DEMO_ITEMS) await board.items.create(item, SYSTEM_ACTOR);
  for (const [depotId, lines] of Object.entries(DEMO_STOCK)) {
    await board.stock.move({ kind: 'receipt', depotId, lines: lines.map(([itemId, quantity]) => ({ itemId, quantity })), reason: '汛前储备入库' }, duty);
    for (const [itemId, , minLevel] of lines) await board.stock.setThreshold(depotId, itemId, { minLevel }, SYSTEM_ACTOR);
  }

  const vessel = await board.incidents.create(
    parseInput(IncidentCreateSchema, { title: '浙象渔12345 主机故障漂流', type: 'vessel_distress', severity: 'major', source: 'transfer_110_119', township: '石浦镇', location: { lat: 29.1, lon: 122.12 }, place: '檀头山东南约6海里', affected: 9, trapped: 9, account: '渔船主机故障，船上9人，风浪7-8级，请求拖带。', caller: '110指挥中心转警', reportedAt: ago(40) }),
    duty,
  );
  await board.incidents.changeStatus(vessel.id, { status: 'verified', note: '与船长电话核实' }, duty);
  await board.incidents.changeStatus(vessel.id, { status: 'responding', note: '海上民间救援队出发' }, commander);
  await board.incidents.markReportDone(vessel.id, { kind: 'phone', reportedBy: '值班指挥长', recipient: '宁波市应急管理局值班室', reportedAt: ago(20) }, commander);
  const flood = await board.incidents.create(
    parseInput(IncidentCreateSchema, { title: '丹城新华路积水', type: 'waterlogging', severity: 'general', source: 'phone', location: { lat: 29.4711, lon: 121.896 }, place: '新华路与丹河路口', affected: 60, account: '路面积水约40厘米，车辆无法通行。', caller: '市民 王女士', reportedAt: ago(90) }),
    duty,
  );
  await board.incidents.changeStatus(flood.id, { status: 'verified' }, duty);
  await board.incidents.create(
    parseInput(IncidentCreateSchema, { title: '茅洋乡后山滑坡', type: 'landslide', severity: 'major', source: 'township_report', location: { lat: 29.401, lon: 121.815 }, affected: 12, account: '后山出现滑坡，两户民房受威胁，已先行转移7人。', caller: '茅洋乡应急办', reportedAt: ago(6) }),
    duty,
  );
  const collapse = await board.incidents.create(
    parseInput(IncidentCreateSchema, { title: '鹤浦镇旧民房部分倒塌', type: 'building_collapse', severity: 'general', source: 'township_report', location: { lat: 29.124, lon: 121.93 }, affected: 3, injured: 1, account: '一处空置旧民房部分倒塌，一人轻伤已送医。', caller: '鹤浦镇应急办', reportedAt: ago(150) }),
    duty,
  );
  for (const status of ['verified', 'responding', 'contained'] as const) await board.incidents.changeStatus(collapse.id, { status }, duty);

  const run = await board.runs.allocate({ fromDepotId: 'XS-county', destinationType: 'shelter', destinationId: 'shelter-14', lines: [{ itemId: 'quilt', quantity: 200 }, { itemId: 'water', quantity: 80 }, { itemId: 'food', quantity: 60 }], reason: '石浦镇中心小学安置点保障', vehicle: '浙B·D5861', requestedAt: ago(50) }, duty);
  await board.runs.depart(run.id, { eta: new Date(now + 35 * MIN).toISOString() }, duty);

  await seedRoster(board, now, staff);
  await board.dutyLog.add(parseInput(DutyLogCreateSchema, { kind: 'call_in', summary: '县气象台：台风橙色预警，预计今夜在浙江沿海登陆', counterpart: '县气象台', at: ago(120) }), duty);
  await board.dutyLog.add(parseInput(DutyLogCreateSchema, { kind: 'call_out', summary: '通知沿海各乡镇做好渔船回港和人员转移', counterpart: '沿海乡镇应急办', at: ago(100) }), duty);
  await board.dutyLog.add(parseInput(DutyLogCreateSchema, { kind: 'action', summary: '电话报告市应急管理局：渔船遇险情况', counterpart: '宁波市应急管理局', incidentId: vessel.id, at: ago(20) }), commander);
}

/** Two 12-hour shifts a day (08:00 and 20:00 Beijing time), from the one before now to two days ahead. */
async function seedRoster(board: IncidentBoard['services'], now: number, staff: Array<{ id: string; username: string }>): Promise<void> {
  const duty = staff.find((u) => u.username === 'duty');
  const commander = staff.find((u) => u.username === 'commander');
  if (!duty || !commander) return;
  const beijing = now + BEIJING_OFFSET;
  const sinceMidnight = beijing % (24 * HOUR);
  const lastChange = now - sinceMidnight + (sinceMidnight >= 20 * HOUR ? 20 : sinceMidnight >= 8 * HOUR ? 8 : -4) * HOUR;
  for (let i = -1; i < 4; i++) {
    const startsAt = lastChange + i * 12 * HOUR;
    // 带班 is the commander's post; the duty officer (值班员) stands the watch beside them.
    await board.roster.create({ startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 12 * HOUR).toISOString(), leaderUserId: commander.id, officerUserIds: [duty.id], note: '防台风Ⅲ级应急响应期间' }, SYSTEM_ACTOR);
  }
}

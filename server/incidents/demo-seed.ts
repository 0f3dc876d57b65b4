import type { Actor } from '../../shared/schemas/event';
import { IncidentCreateSchema } from '../../shared/schemas/incident';
import { parseInput } from '../validation';
import type { IncidentServices } from './incidents-module';

const MIN = 60_000;

/**
 * A typhoon night's incidents in the demo county, at several steps with their reporting deadlines.
 * Resolves the id of the vessel in distress, which the duty log refers to.
 */
export async function seedDemoIncidents({ incidents }: IncidentServices, staff: { dutyOfficer: Actor; commander: Actor }, now: number): Promise<{ vesselId: string }> {
  const { dutyOfficer, commander } = staff;
  const ago = (minutes: number) => new Date(now - minutes * MIN).toISOString();
  const vessel = await incidents.create(
    parseInput(IncidentCreateSchema, { title: '浙象渔12345 主机故障漂流', type: 'vessel_distress', severity: 'major', source: 'transfer_110_119', township: '石浦镇', location: { lat: 29.1, lon: 122.12 }, place: '檀头山东南约6海里', affected: 9, trapped: 9, account: '渔船主机故障，船上9人，风浪7-8级，请求拖带。', caller: '110指挥中心转警', reportedAt: ago(40) }),
    dutyOfficer,
  );
  await incidents.changeStatus(vessel.id, { status: 'verified', note: '与船长电话核实' }, dutyOfficer);
  await incidents.changeStatus(vessel.id, { status: 'responding', note: '海上民间救援队出发' }, commander);
  await incidents.markReportDone(vessel.id, { kind: 'phone', reportedBy: '值班指挥长', recipient: '宁波市应急管理局值班室', reportedAt: ago(20) }, commander);
  const flood = await incidents.create(
    parseInput(IncidentCreateSchema, { title: '丹城新华路积水', type: 'waterlogging', severity: 'general', source: 'phone', location: { lat: 29.4711, lon: 121.896 }, place: '新华路与丹河路口', affected: 60, account: '路面积水约40厘米，车辆无法通行。', caller: '市民 王女士', reportedAt: ago(90) }),
    dutyOfficer,
  );
  await incidents.changeStatus(flood.id, { status: 'verified' }, dutyOfficer);
  await incidents.create(
    parseInput(IncidentCreateSchema, { title: '茅洋乡后山滑坡', type: 'landslide', severity: 'major', source: 'township_report', location: { lat: 29.401, lon: 121.815 }, affected: 12, account: '后山出现滑坡，两户民房受威胁，已先行转移7人。', caller: '茅洋乡应急办', reportedAt: ago(6) }),
    dutyOfficer,
  );
  const collapse = await incidents.create(
    parseInput(IncidentCreateSchema, { title: '鹤浦镇旧民房部分倒塌', type: 'building_collapse', severity: 'general', source: 'township_report', location: { lat: 29.124, lon: 121.93 }, affected: 3, injured: 1, account: '一处空置旧民房部分倒塌，一人轻伤已送医。', caller: '鹤浦镇应急办', reportedAt: ago(150) }),
    dutyOfficer,
  );
  for (const status of ['verified', 'responding', 'contained'] as const) await incidents.changeStatus(collapse.id, { status }, dutyOfficer);
  return { vesselId: vessel.id };
}

import type { Actor } from '../../shared/schemas/event';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { ShelterCreateSchema } from '../../shared/schemas/shelter';
import { parseInput } from '../validation';
import { DEMO_SHELTERS } from './shelter-sites';
import type { ShelterServices } from './shelters-module';

/** 投亲靠友 counts the coastal townships reported. */
export const DEMO_WITH_RELATIVES: Record<string, number> = { 石浦镇: 1860, 鹤浦镇: 940, 高塘岛乡: 620, 定塘镇: 410, 东陈乡: 230, 爵溪街道: 180 };

/** Open shelters and the evacuees checked in: [shelter id, people]. */
export const DEMO_CHECK_INS: Array<[string, number]> = [
  ['shelter-14', 276], // 石浦镇中心小学: near full
  ['shelter-16', 190], // 金星学校
  ['shelter-17', 220], // 象山高塘学校
  ['shelter-32', 160], // 鹤浦镇文体中心
  ['shelter-12', 85], // 定塘镇中心小学
  ['shelter-07', 40], // 旦门小学
];

/** The demo county's shelters on real school sites, a few opened with evacuees checked in, and the townships' counts. */
export async function seedDemoShelters({ shelters, evacuation }: ShelterServices, dutyOfficer: Actor): Promise<void> {
  for (const { id, source: _source, ...shelter } of DEMO_SHELTERS) await shelters.create(parseInput(ShelterCreateSchema, shelter), SYSTEM_ACTOR, id);
  for (const [shelterId, people] of DEMO_CHECK_INS) {
    await shelters.setStatus(shelterId, { status: 'open' }, dutyOfficer);
    await shelters.recordMovement(shelterId, { kind: 'check_in', people, note: '台风转移' }, dutyOfficer);
  }
  for (const [township, withRelatives] of Object.entries(DEMO_WITH_RELATIVES)) await evacuation.report({ township, withRelatives }, dutyOfficer);
}

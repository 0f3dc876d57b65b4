import type { TeamCreate } from '../../shared/schemas/team';

/**
 * A believable Xiangshan County order of battle for demos and tests. Team names, leaders and phone
 * numbers are invented; bases sit in the real townships (geometry: see shared/geo-data/ATTRIBUTION.md).
 */
export type DemoTeam = TeamCreate & { id: string };

const team = (id: string, t: Omit<DemoTeam, 'id' | 'status'>): DemoTeam => ({ id, status: 'standby', ...t });

export const DEMO_TEAMS: DemoTeam[] = [
  team('fire-dancheng', { name: '象山县消防救援大队丹城站', kind: 'fire_rescue', leader: '陈建国', phone: '0574-65710119', headcount: 32, capabilities: ['灭火', '破拆', '高空救援'], baseName: '丹城消防站', base: { lat: 29.4563, lon: 121.9108 }, township: '丹东街道' }),
  team('fire-shipu', { name: '石浦消防救援站', kind: 'fire_rescue', leader: '林海涛', phone: '0574-65980119', headcount: 24, capabilities: ['灭火', '破拆', '船舶火灾'], baseName: '石浦消防站', base: { lat: 29.2089, lon: 121.9418 }, township: '石浦镇' }),
  team('fire-xizhou', { name: '西周消防救援站', kind: 'fire_rescue', leader: '王志强', phone: '0574-65650119', headcount: 18, capabilities: ['灭火', '破拆'], baseName: '西周消防站', base: { lat: 29.4748, lon: 121.6834 }, township: '西周镇' }),
  team('fire-juexi', { name: '爵溪消防救援站', kind: 'fire_rescue', leader: '周斌', phone: '0574-65720119', headcount: 16, capabilities: ['灭火', '工业火灾'], baseName: '爵溪消防站', base: { lat: 29.4856, lon: 121.9498 }, township: '爵溪街道' }),
  team('fire-daxu', { name: '大徐专职消防队', kind: 'fire_rescue', leader: '徐立新', phone: '0574-65760119', headcount: 12, capabilities: ['灭火'], baseName: '大徐镇专职消防队', base: { lat: 29.5269, lon: 121.8797 }, township: '大徐镇' }),
  team('forest-maoyang', { name: '象山县森林消防专业队', kind: 'forest_fire', leader: '张国平', phone: '0574-65790012', headcount: 28, capabilities: ['森林灭火', '风力灭火机', '山地搜救'], baseName: '茅洋森林消防营地', base: { lat: 29.4045, lon: 121.8119 }, township: '茅洋乡' }),
  team('forest-xizhou', { name: '西周森林消防分队', kind: 'forest_fire', leader: '俞明', phone: '0574-65651012', headcount: 14, capabilities: ['森林灭火', '山地搜救'], baseName: '西周林场', base: { lat: 29.4652, lon: 121.7005 }, township: '西周镇' }),
  team('zone-east', { name: '东片综合应急救援队', kind: 'township', leader: '邵海军', phone: '0574-65801001', headcount: 20, capabilities: ['抢险排涝', '人员转移', '沙袋封堵'], baseName: '东陈乡应急站', base: { lat: 29.3736, lon: 121.9039 }, township: '东陈乡' }),
  team('zone-west', { name: '西片综合应急救援队', kind: 'township', leader: '何伟', phone: '0574-65802001', headcount: 20, capabilities: ['抢险排涝', '人员转移', '道路清障'], baseName: '墙头镇应急站', base: { lat: 29.4865, lon: 121.7981 }, township: '墙头镇' }),
  team('zone-south', { name: '南片综合应急救援队', kind: 'township', leader: '鲍立军', phone: '0574-65803001', headcount: 24, capabilities: ['抢险排涝', '人员转移', '渔船避风'], baseName: '定塘镇应急站', base: { lat: 29.2463, lon: 121.8437 }, township: '定塘镇' }),
  team('zone-north', { name: '北片综合应急救援队', kind: 'township', leader: '史国华', phone: '0574-65804001', headcount: 20, capabilities: ['抢险排涝', '人员转移'], baseName: '贤庠镇应急站', base: { lat: 29.6082, lon: 121.8749 }, township: '贤庠镇' }),
  team('zone-central', { name: '中片综合应急救援队', kind: 'township', leader: '郑宏', phone: '0574-65805001', headcount: 26, capabilities: ['抢险排涝', '人员转移', '城市内涝'], baseName: '丹西街道应急站', base: { lat: 29.4431, lon: 121.8712 }, township: '丹西街道' }),
  team('twp-hepu', { name: '鹤浦镇综合应急救援队', kind: 'township', leader: '蒋海波', phone: '0574-65806001', headcount: 15, capabilities: ['海岛救援', '人员转移'], baseName: '鹤浦镇政府', base: { lat: 29.1234, lon: 121.9324 }, township: '鹤浦镇' }),
  team('twp-gaotang', { name: '高塘岛乡综合应急救援队', kind: 'township', leader: '韩斌', phone: '0574-65807001', headcount: 10, capabilities: ['海岛救援'], baseName: '高塘岛乡政府', base: { lat: 29.1278, lon: 121.8261 }, township: '高塘岛乡' }),
  team('twp-xinqiao', { name: '新桥镇综合应急救援队', kind: 'township', leader: '孙立', phone: '0574-65808001', headcount: 12, capabilities: ['抢险排涝'], baseName: '新桥镇政府', base: { lat: 29.3226, lon: 121.8433 }, township: '新桥镇' }),
  team('civil-bluesky', { name: '象山蓝天救援队', kind: 'civil', leader: '李晓东', phone: '13805740001', headcount: 40, capabilities: ['山地搜救', '水上救援', '无人机'], baseName: '丹西街道队部', base: { lat: 29.4386, lon: 121.8655 }, township: '丹西街道' }),
  team('civil-sea', { name: '象山海上民间救援队', kind: 'civil', leader: '邱阿毛', phone: '13805740002', headcount: 30, capabilities: ['海上搜救', '渔船拖带'], baseName: '石浦渔港', base: { lat: 29.2035, lon: 121.9512 }, township: '石浦镇' }),
  team('hazmat-county', { name: '象山县危化品应急救援队', kind: 'hazmat', leader: '罗军', phone: '0574-65711119', headcount: 18, capabilities: ['危化品泄漏处置', '侦检', '洗消'], baseName: '大徐化工园区站', base: { lat: 29.5185, lon: 121.8702 }, township: '大徐镇' }),
  team('water-shipu', { name: '石浦水域救援队', kind: 'water_rescue', leader: '黄海', phone: '0574-65981119', headcount: 16, capabilities: ['冲锋舟', '潜水', '激流救援'], baseName: '石浦水域救援站', base: { lat: 29.2120, lon: 121.9385 }, township: '石浦镇' }),
  team('water-xiangshangang', { name: '象山港水上救援队', kind: 'water_rescue', leader: '钱永', phone: '0574-65652119', headcount: 12, capabilities: ['冲锋舟', '水上搜救'], baseName: '西周港', base: { lat: 29.4900, lon: 121.6900 }, township: '西周镇' }),
  team('medical-first', { name: '象山县第一人民医院应急医疗队', kind: 'medical', leader: '陆医生', phone: '0574-65722120', headcount: 15, capabilities: ['现场急救', '伤员转运'], baseName: '县第一人民医院', base: { lat: 29.4600, lon: 121.8790 }, township: '丹西街道' }),
  team('medical-shipu', { name: '石浦医院应急医疗队', kind: 'medical', leader: '吴医生', phone: '0574-65982120', headcount: 8, capabilities: ['现场急救'], baseName: '石浦医院', base: { lat: 29.2150, lon: 121.9300 }, township: '石浦镇' }),
  team('power-county', { name: '国网象山供电抢修队', kind: 'utility_repair', leader: '冯电力', phone: '95598', headcount: 36, capabilities: ['电力抢修', '应急发电车'], baseName: '县供电公司', base: { lat: 29.4470, lon: 121.8800 }, township: '丹西街道' }),
  team('telecom-county', { name: '象山应急通信保障队', kind: 'utility_repair', leader: '卫通信', phone: '0574-65700010', headcount: 12, capabilities: ['应急通信车', '卫星电话'], baseName: '县通信枢纽', base: { lat: 29.4610, lon: 121.9000 }, township: '丹东街道' }),
];

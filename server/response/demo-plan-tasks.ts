import type { PlanAction, PlanTask, ResponseLevel, TaskOwner } from '../../shared/schemas/response-plan';
import { DEFAULT_WALL_LAYOUT } from '../../shared/schemas/wall';

/**
 * The demo county's 防台风 plan, Ⅳ to Ⅰ, after Zhejiang practice (浙江省防台风应急预案 and county plans): each level
 * lists what it adds to the ones below — leadership on duty around the clock, fishing vessels back in port
 * (渔船回港), people moved out of danger zones (人员转移), shelters opened, teams and supplies pre-positioned,
 * reports at fixed times. Team ids are the demo teams'; figures are invented but plausible for Xiangshan.
 */

const role = (r: 'commander' | 'duty_officer'): TaskOwner => ({ kind: 'role', role: r });
const twp = (township: string): TaskOwner => ({ kind: 'township', township });
const H = 60;

const task = (key: string, title: string, owner: TaskOwner, dueMinutes: number, extra: Partial<PlanTask> = {}): PlanTask => ({ key, title, owner, dueMinutes, repeatMinutes: null, action: null, automatic: false, ...extra });

const PLACES = {
  石浦渔港: [29.203, 121.95],
  鹤浦码头: [29.13, 121.94],
  高塘岛码头: [29.135, 121.83],
  定塘海塘: [29.25, 121.85],
  东陈沿海: [29.37, 121.92],
  爵溪海堤: [29.485, 121.955],
  丹城低洼区: [29.45, 121.88],
  西周港区: [29.47, 121.69],
  贤庠沿海: [29.6, 121.88],
  新桥镇区: [29.32, 121.84],
  黄避岙沿海: [29.54, 121.74],
  涂茨沿海: [29.55, 121.93],
} as const satisfies Record<string, readonly [number, number]>;

/** A team task: the team pre-positioned (前置) at a place, as a dispatch once confirmed. */
const stage = (key: string, teamId: string, place: keyof typeof PLACES, dueMinutes: number, title: string, taskType: 'pre_position' | 'evacuation' | 'patrol' = 'pre_position'): PlanTask => {
  const [lat, lon] = PLACES[place];
  const action: PlanAction = { kind: 'dispatch', teamIds: [teamId], taskType, priority: 'urgent', destination: { lat, lon, label: place }, instructions: '' };
  return task(key, title, { kind: 'team', teamId }, dueMinutes, { action });
};

const COASTAL = ['石浦镇', '鹤浦镇', '高塘岛乡', '东陈乡', '定塘镇', '爵溪街道', '晓塘乡', '新桥镇', '涂茨镇', '贤庠镇', '黄避岙乡', '西周镇', '泗洲头镇', '墙头镇', '大徐镇', '茅洋乡'];
const ALL = [...COASTAL, '丹东街道', '丹西街道'];

const IV: PlanTask[] = [
  task('iv-duty', '启动24小时领导带班值班', role('commander'), 30),
  task('iv-consult', '组织气象、水利、海洋渔业部门会商', role('duty_officer'), 60),
  task('iv-wall', '大屏切换台风图层', role('duty_officer'), 10, { action: { kind: 'wall_layout', layout: { ...DEFAULT_WALL_LAYOUT, layers: { ...DEFAULT_WALL_LAYOUT.layers, typhoon: true, shelters: true } } }, automatic: true }),
  task('iv-warning', '拟发台风蓝色预警（待签发）', role('duty_officer'), 60, { action: { kind: 'draft_warning', hazard: 'typhoon', colour: 'blue', townships: COASTAL, hours: 48 } }),
  task('iv-report', '沿海乡镇每6小时报送防御工作情况', role('duty_officer'), 6 * H, { repeatMinutes: 6 * H, action: { kind: 'require_report', townships: COASTAL, withinMinutes: 6 * H } }),
  task('iv-vessels-shipu', '通知渔船回港避风并清点在港渔船', twp('石浦镇'), 4 * H),
  task('iv-vessels-hepu', '通知渔船回港避风并清点在港渔船', twp('鹤浦镇'), 4 * H),
  task('iv-vessels-gaotang', '通知渔船回港避风并清点在港渔船', twp('高塘岛乡'), 4 * H),
  task('iv-seawall', '巡查海塘、山塘水库和地质灾害隐患点', twp('定塘镇'), 6 * H),
  stage('iv-bluesky', 'civil-bluesky', '丹城低洼区', 2 * H, '象山蓝天救援队集结待命'),
  stage('iv-sea', 'civil-sea', '石浦渔港', 2 * H, '海上民间救援队石浦渔港待命'),
];

const III: PlanTask[] = [
  task('iii-vessels', '渔船全部回港、渔排人员上岸（渔船回港计数）', role('duty_officer'), 6 * H, {
    action: { kind: 'evacuation_targets', targets: [
      { township: '石浦镇', vessels: 620 },
      { township: '鹤浦镇', vessels: 240 },
      { township: '高塘岛乡', vessels: 180 },
      { township: '东陈乡', vessels: 90 },
      { township: '定塘镇', vessels: 70 },
      { township: '爵溪街道', vessels: 60 },
    ] },
  }),
  task('iii-shelters', '开放沿海重点乡镇避灾安置场所', role('duty_officer'), 3 * H, { action: { kind: 'open_shelters', townships: ['石浦镇', '鹤浦镇', '高塘岛乡', '东陈乡', '定塘镇'] } }),
  task('iii-warning', '拟发台风黄色预警（待签发）', role('duty_officer'), 60, { action: { kind: 'draft_warning', hazard: 'typhoon', colour: 'yellow', townships: COASTAL, hours: 36 } }),
  task('iii-report', '沿海乡镇每3小时报送人员转移和渔船回港情况', role('duty_officer'), 3 * H, { repeatMinutes: 3 * H }),
  task('iii-supplies', '防汛物资前置到石浦、鹤浦、高塘仓库', role('duty_officer'), 4 * H),
  task('iii-aquaculture-shipu', '海上养殖人员全部上岸', twp('石浦镇'), 6 * H),
  task('iii-aquaculture-hepu', '海上养殖人员全部上岸', twp('鹤浦镇'), 6 * H),
  task('iii-aquaculture-gaotang', '海上养殖人员全部上岸', twp('高塘岛乡'), 6 * H),
  task('iii-construction', '停止海上及沿海在建工地作业', twp('爵溪街道'), 6 * H),
  stage('iii-south', 'zone-south', '定塘海塘', 3 * H, '南片综合应急救援队前置定塘海塘'),
  stage('iii-hepu', 'twp-hepu', '鹤浦码头', 3 * H, '鹤浦镇救援队前置鹤浦码头'),
  stage('iii-gaotang', 'twp-gaotang', '高塘岛码头', 3 * H, '高塘岛乡救援队前置码头'),
  stage('iii-water-shipu', 'water-shipu', '石浦渔港', 3 * H, '石浦水域救援队冲锋舟前置石浦渔港'),
];

const II: PlanTask[] = [
  task('ii-evacuation', '下达沿海危险区域人员转移目标', role('commander'), 60, {
    action: { kind: 'evacuation_targets', targets: [
      { township: '石浦镇', people: 8600, vessels: 620 },
      { township: '鹤浦镇', people: 4200, vessels: 240 },
      { township: '高塘岛乡', people: 3100, vessels: 180 },
      { township: '东陈乡', people: 1500, vessels: 90 },
      { township: '定塘镇', people: 2400, vessels: 70 },
      { township: '爵溪街道', people: 1200, vessels: 60 },
      { township: '新桥镇', people: 900, vessels: 0 },
      { township: '晓塘乡', people: 600, vessels: 0 },
    ] },
  }),
  task('ii-shelters', '开放全部沿海乡镇避灾安置场所', role('duty_officer'), 3 * H, { action: { kind: 'open_shelters', townships: ['西周镇', '新桥镇', '晓塘乡', '贤庠镇', '涂茨镇', '黄避岙乡', '爵溪街道', '泗洲头镇', '墙头镇'] } }),
  task('ii-warning', '拟发台风橙色预警（待签发）', role('duty_officer'), 30, { action: { kind: 'draft_warning', hazard: 'typhoon', colour: 'orange', townships: ALL, hours: 24 } }),
  task('ii-report', '各乡镇每2小时报送防御情况', role('duty_officer'), 2 * H, { repeatMinutes: 2 * H, action: { kind: 'require_report', townships: ALL, withinMinutes: 2 * H } }),
  task('ii-closures', '沿海景区、海上旅游和渡运全部停航关闭', role('commander'), 2 * H),
  task('ii-move-shipu', '危旧房、低洼地和海岛人员转移', twp('石浦镇'), 6 * H),
  task('ii-move-hepu', '危旧房、低洼地和海岛人员转移', twp('鹤浦镇'), 6 * H),
  task('ii-move-gaotang', '危旧房、低洼地和海岛人员转移', twp('高塘岛乡'), 6 * H),
  task('ii-move-dongchen', '危旧房和沿海低洼地人员转移', twp('东陈乡'), 6 * H),
  task('ii-move-dingtang', '危旧房和沿海低洼地人员转移', twp('定塘镇'), 6 * H),
  stage('ii-east', 'zone-east', '东陈沿海', 2 * H, '东陈片区人员转移', 'evacuation'),
  stage('ii-west', 'zone-west', '西周港区', 2 * H, '西片综合应急救援队前置西周港区'),
  stage('ii-central', 'zone-central', '丹城低洼区', 2 * H, '丹城低洼区排涝待命'),
  stage('ii-water-xsg', 'water-xiangshangang', '西周港区', 2 * H, '象山港水上救援队前置'),
  stage('ii-medical', 'medical-first', '丹城低洼区', 3 * H, '县第一人民医院应急医疗队待命'),
  stage('ii-medical-shipu', 'medical-shipu', '石浦渔港', 3 * H, '石浦医院应急医疗队待命'),
  stage('ii-power', 'power-county', '石浦渔港', 3 * H, '供电抢修队前置石浦'),
  stage('ii-telecom', 'telecom-county', '鹤浦码头', 3 * H, '应急通信车前置鹤浦'),
];

const I: PlanTask[] = [
  task('i-stop', '全县停工、停课、停业、停运（“四停”）', role('commander'), 60),
  task('i-shelters', '开放全县避灾安置场所', role('duty_officer'), 2 * H, { action: { kind: 'open_shelters', townships: ['丹东街道', '丹西街道', '大徐镇', '茅洋乡'] } }),
  task('i-warning', '拟发台风红色预警（待签发）', role('duty_officer'), 30, { action: { kind: 'draft_warning', hazard: 'typhoon', colour: 'red', townships: ALL, hours: 24 } }),
  task('i-report', '各乡镇每小时报送防御情况', role('duty_officer'), 60, { repeatMinutes: 60 }),
  task('i-all-moved-juexi', '危险区域人员全部转移到位', twp('爵溪街道'), 4 * H),
  task('i-all-moved-xinqiao', '危险区域人员全部转移到位', twp('新桥镇'), 4 * H),
  task('i-all-moved-xiaotang', '危险区域人员全部转移到位', twp('晓塘乡'), 4 * H),
  task('i-all-moved-xianxiang', '危险区域人员全部转移到位', twp('贤庠镇'), 4 * H),
  task('i-reservoir', '山塘水库预泄并加密巡查', twp('茅洋乡'), 3 * H),
  task('i-geohazard', '地质灾害隐患点人员全部撤离', twp('黄避岙乡'), 3 * H),
  task('i-seawall', '海塘薄弱段加固与巡查', twp('墙头镇'), 3 * H),
  task('i-supplies', '调拨救灾物资到各安置场所', role('duty_officer'), 3 * H),
  stage('i-fire-shipu', 'fire-shipu', '石浦渔港', 60, '石浦消防站前置石浦渔港'),
  stage('i-fire-dancheng', 'fire-dancheng', '丹城低洼区', 60, '丹城站前置城区'),
  stage('i-fire-juexi', 'fire-juexi', '爵溪海堤', 60, '爵溪站前置海堤'),
  stage('i-fire-xizhou', 'fire-xizhou', '西周港区', 60, '西周站前置港区'),
  stage('i-north', 'zone-north', '贤庠沿海', 60, '北片综合应急救援队前置贤庠'),
  stage('i-xinqiao', 'twp-xinqiao', '新桥镇区', 60, '新桥镇救援队前置镇区'),
];

export const DEMO_TYPHOON_PLAN: Record<ResponseLevel, PlanTask[]> = { IV, III, II, I };

/** Townships with no contact in the demo registry get one, so every township's task reaches someone. */
export const DEMO_TOWNSHIPS = ALL;

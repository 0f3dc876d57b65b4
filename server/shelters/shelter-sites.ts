import type { ShelterCreate } from '../../shared/schemas/shelter';

/**
 * Demo shelters (避灾安置场所) of Xiangshan County. No official shelter list is public; in Zhejiang most
 * township and village shelters are schools, so real school sites stand in for them:
 * names and positions (polygon centroids, WGS84) © OpenStreetMap contributors, ODbL
 * (via GitHub qingwalashi/nignbohub). Levels and capacities are invented. Townships without a school in
 * that data get one plausible invented site each (`source: 'invented'`), so that every township has one.
 */
export type DemoShelter = ShelterCreate & { id: string; source: 'osm' | 'invented' };

const SCHOOL = ['教室', '操场', '卫生间', '饮用水'];
const COUNTY = [...SCHOOL, '医疗点', '备用发电机', '无障碍通道'];

let n = 0;
const site = (source: DemoShelter['source']) => (name: string, township: string, level: DemoShelter['level'], lat: number, lon: number, capacity: number): DemoShelter => ({
  id: `shelter-${String(++n).padStart(2, '0')}`,
  source,
  name,
  township,
  level,
  location: { lat, lon },
  capacity,
  address: `象山县${township}`,
  facilities: level === 'county' ? COUNTY : SCHOOL,
  contactName: source === 'osm' ? '校方值班室' : `${township}应急办`,
  contactPhone: '',
});
const osm = site('osm');
const invented = site('invented');

export const DEMO_SHELTERS: DemoShelter[] = [
  osm('东溪小学', '新桥镇', 'village', 29.341701, 121.84995, 150),
  osm('象山港书院', '丹东街道', 'township', 29.480752, 121.883861, 200),
  osm('丹城中学', '丹东街道', 'county', 29.470146, 121.895292, 800),
  osm('丹城第四小学', '丹东街道', 'township', 29.48732, 121.896415, 300),
  osm('西周镇中心小学', '西周镇', 'township', 29.475742, 121.676631, 300),
  osm('下沈小学', '西周镇', 'village', 29.4738, 121.654014, 150),
  osm('旦门小学', '东陈乡', 'village', 29.347776, 121.911467, 150),
  osm('象山西周中学', '西周镇', 'township', 29.47175, 121.679259, 450),
  osm('西周社区教育学院', '西周镇', 'township', 29.486009, 121.66803, 450),
  osm('新桥学校', '新桥镇', 'township', 29.32676, 121.853503, 450),
  osm('宏润小学', '定塘镇', 'village', 29.267284, 121.8244, 150),
  osm('象山县定塘镇中心小学', '定塘镇', 'township', 29.228199, 121.840526, 300),
  osm('象山县定塘中学', '定塘镇', 'township', 29.228805, 121.838997, 450),
  osm('石浦镇中心小学', '石浦镇', 'township', 29.215915, 121.938392, 300),
  osm('晓塘乡中心小学', '晓塘乡', 'township', 29.207192, 121.821904, 300),
  osm('金星学校', '石浦镇', 'township', 29.177109, 121.8468, 450),
  osm('象山高塘学校', '高塘岛乡', 'township', 29.115289, 121.834917, 450),
  osm('象山中学', '丹东街道', 'county', 29.479434, 121.882545, 800),
  osm('丹城第二小学', '丹东街道', 'township', 29.480773, 121.872635, 300),
  osm('象山文峰学校', '丹东街道', 'county', 29.477426, 121.885354, 800),
  osm('塔山中学', '丹东街道', 'township', 29.48723, 121.898196, 450),
  osm('象山丹城第五小学东校区', '丹东街道', 'township', 29.475342, 121.897185, 300),
  osm('丹城第五小学丹南校区', '丹东街道', 'township', 29.471697, 121.894353, 300),
  osm('象山林海学校', '丹东街道', 'township', 29.459163, 121.90347, 450),
  osm('象山实验小学南校区', '丹西街道', 'township', 29.447498, 121.888598, 300),
  osm('浙江省象山县第三中学', '丹西街道', 'county', 29.444953, 121.885243, 800),
  osm('象山县启力学校', '丹西街道', 'township', 29.455212, 121.860953, 120),
  osm('宁波滨海学校', '丹西街道', 'county', 29.461216, 121.880264, 800),
  osm('象山县实验中学', '丹西街道', 'county', 29.460323, 121.877788, 800),
  osm('象山县实验小学', '丹西街道', 'township', 29.462364, 121.87747, 300),
  osm('丹城第三小学', '丹西街道', 'township', 29.470183, 121.870868, 300),
  invented('鹤浦镇文体中心避灾安置点', '鹤浦镇', 'township', 29.1191, 121.9237, 350),
  invented('贤庠镇文化礼堂避灾安置点', '贤庠镇', 'township', 29.5844, 121.8733, 300),
  invented('茅洋乡中心小学', '茅洋乡', 'township', 29.4041, 121.8092, 250),
  invented('大徐镇中心小学', '大徐镇', 'township', 29.5255, 121.8686, 300),
  invented('爵溪街道文体中心', '爵溪街道', 'township', 29.4722, 121.9363, 400),
  invented('墙头镇综合文化站', '墙头镇', 'township', 29.4727, 121.8022, 250),
  invented('泗洲头镇中心小学', '泗洲头镇', 'township', 29.3559, 121.7529, 250),
  invented('涂茨镇文化礼堂避灾安置点', '涂茨镇', 'township', 29.586, 121.9276, 200),
  invented('黄避岙乡避灾安置中心', '黄避岙乡', 'township', 29.5682, 121.8247, 200),
];

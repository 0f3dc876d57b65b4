import type { DepotCreate, SupplyItemCreate } from '../../shared/schemas/supply';

/** Demo supply depots and catalogue of Xiangshan County: names, managers and quantities are invented. */
export const DEMO_DEPOTS: DepotCreate[] = [
  { id: 'XS-county', name: '象山县救灾物资储备库', tier: 'county', township: '丹西街道', location: { lat: 29.4523, lon: 121.8652 }, address: '丹西街道象山港路', manager: '孙国庆', phone: '0574-65700110' },
  { id: 'XS-shipu', name: '石浦镇救灾物资储备点', tier: 'township', township: '石浦镇', location: { lat: 29.2061, lon: 121.9365 }, address: '石浦镇人民政府院内', manager: '林海波', phone: '0574-65980110' },
  { id: 'XS-hepu', name: '鹤浦镇救灾物资储备点', tier: 'township', township: '鹤浦镇', location: { lat: 29.126, lon: 121.929 }, manager: '蒋立新', phone: '0574-65806110' },
  { id: 'XS-gaotang', name: '高塘岛乡救灾物资储备点', tier: 'township', township: '高塘岛乡', location: { lat: 29.13, lon: 121.83 }, manager: '韩海', phone: '0574-65807110' },
  { id: 'XS-dingtang', name: '定塘镇救灾物资储备点', tier: 'township', township: '定塘镇', location: { lat: 29.242, lon: 121.84 }, manager: '鲍军', phone: '0574-65803110' },
  { id: 'XS-xizhou', name: '西周镇救灾物资储备点', tier: 'township', township: '西周镇', location: { lat: 29.477, lon: 121.688 }, manager: '俞平', phone: '0574-65650110' },
  { id: 'XS-juexi', name: '爵溪街道救灾物资储备点', tier: 'township', township: '爵溪街道', location: { lat: 29.479, lon: 121.942 }, manager: '周海燕', phone: '0574-65720110' },
  { id: 'XS-v-dongmen', name: '东门渔村物资储备点', tier: 'village', township: '石浦镇', location: { lat: 29.198, lon: 121.956 }, manager: '王阿大', phone: '' },
  { id: 'XS-v-xiagan', name: '下干村物资储备点', tier: 'village', township: '东陈乡', location: { lat: 29.354, lon: 121.916 }, manager: '陈明', phone: '' },
];

export const DEMO_ITEMS: SupplyItemCreate[] = [
  { id: 'tent', name: '帐篷', category: '安置类', unit: '顶', keyItem: true },
  { id: 'quilt', name: '棉被', category: '安置类', unit: '床', keyItem: true },
  { id: 'folding-bed', name: '折叠床', category: '安置类', unit: '张', keyItem: false },
  { id: 'lifejacket', name: '救生衣', category: '救生类', unit: '件', keyItem: true },
  { id: 'sandbag', name: '编织袋/沙袋', category: '防汛类', unit: '条', keyItem: true },
  { id: 'water', name: '饮用水', category: '生活类', unit: '箱', keyItem: true },
  { id: 'food', name: '方便食品', category: '生活类', unit: '箱', keyItem: true },
  { id: 'generator', name: '发电机', category: '动力照明', unit: '台', keyItem: true },
  { id: 'pump', name: '水泵', category: '防汛类', unit: '台', keyItem: false },
  { id: 'boat', name: '冲锋舟', category: '救生类', unit: '艘', keyItem: true },
  { id: 'flashlight', name: '强光手电', category: '动力照明', unit: '支', keyItem: false },
  { id: 'raincoat', name: '雨衣', category: '防汛类', unit: '件', keyItem: false },
];

/** Stock per depot: [item, quantity, minimum]. The county depot holds most; village points a little. */
export const DEMO_STOCK: Record<string, Array<[string, number, number]>> = {
  'XS-county': [['tent', 800, 300], ['quilt', 3000, 1000], ['folding-bed', 1200, 400], ['lifejacket', 1500, 500], ['sandbag', 50000, 20000], ['water', 2000, 800], ['food', 1800, 800], ['generator', 40, 15], ['pump', 60, 20], ['boat', 12, 4], ['flashlight', 600, 200], ['raincoat', 1500, 500]],
  'XS-shipu': [['tent', 120, 80], ['quilt', 600, 300], ['lifejacket', 400, 200], ['sandbag', 8000, 5000], ['water', 300, 200], ['food', 260, 200], ['generator', 6, 3], ['boat', 3, 1]],
  'XS-hepu': [['tent', 60, 40], ['quilt', 300, 150], ['lifejacket', 200, 100], ['sandbag', 5000, 3000], ['water', 90, 120], ['food', 150, 100], ['generator', 3, 2]],
  'XS-gaotang': [['tent', 40, 30], ['quilt', 200, 100], ['lifejacket', 150, 80], ['water', 120, 80], ['food', 100, 60]],
  'XS-dingtang': [['tent', 50, 30], ['quilt', 250, 120], ['sandbag', 6000, 3000], ['pump', 6, 3], ['water', 100, 60]],
  'XS-xizhou': [['tent', 50, 30], ['quilt', 220, 120], ['sandbag', 4000, 2000], ['water', 100, 60], ['food', 80, 60]],
  'XS-juexi': [['tent', 40, 20], ['quilt', 180, 100], ['lifejacket', 120, 60], ['water', 80, 50]],
  'XS-v-dongmen': [['lifejacket', 60, 30], ['flashlight', 30, 10], ['raincoat', 50, 20]],
  'XS-v-xiagan': [['sandbag', 1500, 800], ['raincoat', 40, 20]],
};

import { WARNING_COLOURS, type Hazard, type WarningColour, type WarningTexts } from '../../shared/schemas/warning';
import { COLOUR_INFO, HAZARD_INFO } from './hazards';

/** What is expected, per hazard and colour (the duty officer edits the draft; these are starting points). */
const OUTLOOK: Record<Hazard, Record<WarningColour, string>> = {
  typhoon: {
    blue: '24小时内可能受台风影响，平均风力可达6级以上或阵风8级以上',
    yellow: '24小时内可能受台风影响，平均风力可达8级以上或阵风10级以上',
    orange: '12小时内可能受台风影响，平均风力可达10级以上或阵风12级以上',
    red: '6小时内可能或已经受台风影响，平均风力可达12级以上或阵风14级以上',
  },
  rainstorm: {
    blue: '12小时内降雨量可达50毫米以上，或已达50毫米以上且降雨可能持续',
    yellow: '6小时内降雨量可达50毫米以上，或已达50毫米以上且降雨可能持续',
    orange: '3小时内降雨量可达50毫米以上，或已达50毫米以上且降雨可能持续',
    red: '3小时内降雨量可达100毫米以上，或已达100毫米以上且降雨可能持续',
  },
  flash_flood: {
    blue: '未来24小时山洪灾害发生的可能性较小',
    yellow: '未来12小时可能发生山洪灾害',
    orange: '未来6小时发生山洪灾害的可能性大',
    red: '未来3小时发生山洪灾害的可能性很大',
  },
  geohazard: {
    blue: '未来24小时发生地质灾害的风险一般',
    yellow: '未来24小时发生地质灾害的风险较高',
    orange: '未来24小时发生地质灾害的风险高',
    red: '未来24小时发生地质灾害的风险很高',
  },
  storm_surge: {
    blue: '受风暴潮影响，沿海验潮站可能出现达到蓝色警戒潮位的高潮位',
    yellow: '受风暴潮影响，沿海验潮站可能出现达到黄色警戒潮位的高潮位',
    orange: '受风暴潮影响，沿海验潮站可能出现达到橙色警戒潮位的高潮位',
    red: '受风暴潮影响，沿海验潮站可能出现达到红色警戒潮位的高潮位',
  },
  forest_fire: {
    blue: '森林火险气象等级为三级，林区可燃物较易燃烧',
    yellow: '森林火险气象等级为三级，林区可燃物较易燃烧，火势较易蔓延',
    orange: '森林火险气象等级为四级，林区可燃物容易燃烧，火势容易蔓延',
    red: '森林火险气象等级为五级，林区可燃物极易燃烧，火势极易蔓延',
  },
  gale: {
    blue: '24小时内可能受大风影响，平均风力可达6级以上或阵风7级以上',
    yellow: '12小时内可能受大风影响，平均风力可达8级以上或阵风9级以上',
    orange: '6小时内可能受大风影响，平均风力可达10级以上或阵风11级以上',
    red: '6小时内可能受大风影响，平均风力可达12级以上或阵风13级以上',
  },
  thunderstorm: {
    blue: '6小时内可能发生雷电活动，可能会造成雷电灾害事故',
    yellow: '6小时内可能发生雷电活动，可能会造成雷电灾害事故',
    orange: '2小时内发生雷电活动的可能性很大，或者已经受雷电活动影响且可能持续',
    red: '2小时内发生雷电活动的可能性非常大，或者已经有强烈的雷电活动发生且可能持续',
  },
};

/** Measures per colour, each level adding to the one below (叫应 is the first measure at every level). */
const MEASURES: Record<WarningColour, string> = {
  blue: '乡镇（街道）主要负责人收到预警后立即回复“收到”，组织做好防御准备；加强值班值守，密切关注天气变化。',
  yellow: '各乡镇（街道）防汛防台责任人到岗到位，开展隐患巡查，危险区域人员做好转移准备；渔船回港避风。',
  orange: '立即转移山洪、地质灾害隐患点和危旧房、低洼地区人员；停止户外作业和大型集会；海上作业人员全部上岸。',
  red: '全面转移危险区域人员，做好停课、停工、停业、停运准备；各级指挥部成员全员在岗，救援队伍集结待命。',
};

/** Chinese (and English) texts of a new warning for a hazard and colour, naming the townships. */
export function warningTemplate(hazard: Hazard, colour: WarningColour, townships: readonly string[]): WarningTexts {
  const h = HAZARD_INFO[hazard];
  const c = COLOUR_INFO[colour];
  const places = townships.length === 0 ? '我县' : townships.join('、');
  const measures = WARNING_COLOURS.slice(0, WARNING_COLOURS.indexOf(colour) + 1).map((level, i) => `${i + 1}. ${MEASURES[level]}`);
  return {
    'zh-CN': {
      headline: `象山县发布${h.zh}${c.zh}预警[${c.level}级/${c.levelZh}]`,
      description: `象山县防汛防台抗旱指挥部发布${h.zh}${c.zh}预警：${OUTLOOK[hazard][colour]}。影响范围：${places}。请有关单位和人员做好防范。`,
      instruction: measures.join('\n'),
    },
    en: {
      headline: `Xiangshan County issues ${h.en.toLowerCase()} ${c.en.toLowerCase()} warning [Level ${c.level}/${c.levelEn}]`,
      description: `${h.en} ${c.en.toLowerCase()} warning for ${townships.length} township(s) of Xiangshan County. Responsible persons must acknowledge and take measures.`,
      instruction: 'Acknowledge this warning, follow the county plan for this level and report the measures taken.',
    },
  };
}

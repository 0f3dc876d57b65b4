import type { Hazard, WarningColour } from '../../shared/schemas/warning';

export interface HazardInfo {
  zh: string;
  en: string;
  /** CAP category. */
  category: 'Met' | 'Geo' | 'Fire' | 'Env';
  /**
   * The national warning event-type code (the 11B… codes of the meteorological warning signals, 11E… for
   * marine hazards), carried as `<eventCode>`. Null where we have not verified the code: the eventCode is
   * then left out rather than guessed.
   */
  nationalCode: string | null;
}

export const HAZARD_INFO: Record<Hazard, HazardInfo> = {
  typhoon: { zh: '台风', en: 'Typhoon', category: 'Met', nationalCode: '11B01' },
  rainstorm: { zh: '暴雨', en: 'Rainstorm', category: 'Met', nationalCode: '11B03' },
  gale: { zh: '大风', en: 'Gale', category: 'Met', nationalCode: '11B06' },
  thunderstorm: { zh: '雷电', en: 'Lightning', category: 'Met', nationalCode: '11B14' },
  storm_surge: { zh: '风暴潮', en: 'Storm surge', category: 'Met', nationalCode: '11E02' },
  flash_flood: { zh: '山洪', en: 'Flash flood', category: 'Met', nationalCode: null },
  geohazard: { zh: '地质灾害', en: 'Geological hazard', category: 'Geo', nationalCode: null },
  forest_fire: { zh: '森林火险', en: 'Forest fire danger', category: 'Fire', nationalCode: null },
};

export interface ColourInfo {
  zh: string;
  en: string;
  /** 预警级别: Ⅳ (blue) to Ⅰ (red), with its word. */
  level: string;
  levelZh: string;
  levelEn: string;
  urgency: 'Expected' | 'Immediate';
}

export const COLOUR_INFO: Record<WarningColour, ColourInfo> = {
  blue: { zh: '蓝色', en: 'Blue', level: 'Ⅳ', levelZh: '一般', levelEn: 'General', urgency: 'Expected' },
  yellow: { zh: '黄色', en: 'Yellow', level: 'Ⅲ', levelZh: '较重', levelEn: 'Heavy', urgency: 'Expected' },
  orange: { zh: '橙色', en: 'Orange', level: 'Ⅱ', levelZh: '严重', levelEn: 'Severe', urgency: 'Immediate' },
  red: { zh: '红色', en: 'Red', level: 'Ⅰ', levelZh: '特别严重', levelEn: 'Extreme', urgency: 'Immediate' },
};

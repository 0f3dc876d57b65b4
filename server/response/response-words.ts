import type { ResponseHazard, ResponseLevel } from '../../shared/schemas/response-plan';

/** The Chinese names used in texts the server writes (messages carrying links, reasons). */
export const HAZARD_ZH: Record<ResponseHazard, string> = { typhoon: '防台风', flood: '防汛', forest_fire: '森林防火', geohazard: '地质灾害' };
export const LEVEL_ZH: Record<ResponseLevel, string> = { IV: 'Ⅳ', III: 'Ⅲ', II: 'Ⅱ', I: 'Ⅰ' };
/** The banner colours: Ⅳ blue, Ⅲ yellow, Ⅱ orange, Ⅰ red. */
export const LEVEL_COLOUR: Record<ResponseLevel, string> = { IV: '#1565c0', III: '#f9a825', II: '#ef6c00', I: '#c62828' };

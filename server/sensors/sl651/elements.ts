import type { SensorElement } from '../../../shared/schemas/sensor-element';
import { bcdDigits } from './bcd';

/** SL 651-2014 element identifiers (table of 要素标识符) this board reads, with what they become here. */
export const ELEMENT_IDENTIFIERS: ReadonlyMap<number, SensorElement> = new Map<number, SensorElement>([
  [0x1a, 'rain_1h'], // 1 小时时段降水量
  [0x1b, 'rain_2h'],
  [0x1c, 'rain_3h'],
  [0x1d, 'rain_6h'],
  [0x1e, 'rain_12h'],
  [0x1f, 'rain_day'], // 日降水量
  [0x20, 'rain_current'], // 当前降水量
  [0x21, 'rain_1min'],
  [0x22, 'rain_5min'],
  [0x23, 'rain_10min'],
  [0x24, 'rain_30min'],
  [0x26, 'rain_total'], // 降水量累计值
  [0x33, 'wind_dir'],
  [0x34, 'wind_force'],
  [0x35, 'wind_speed'],
  [0x38, 'voltage'], // 电源电压
  [0x39, 'level'], // 瞬时河道水位、潮位
  [0x3a, 'level_downstream'], // 库(闸、站)下水位
  [0x3b, 'level_upstream'], // 库(闸、站)上水位
]);

export const IDENTIFIER = {
  observationTime: 0xf0,
  stationAddress: 0xf1,
  manualEntry: 0xf2,
  picture: 0xf3,
  rain5MinSeries: 0xf4, // 1 小时内每 5 分钟时段雨量
  relativeLevel5MinFirst: 0xf5, // F5…FC: 1 小时内 5 分钟间隔相对水位 1…8
  relativeLevel5MinLast: 0xfc,
  flowSeries: 0xfd,
  timeStep: 0x04, // 时间步长码
} as const;

/**
 * A number element's value. The data definition byte gives the byte count (high 5 bits) and the decimals
 * (low 3 bits); the digits are BCD, and a leading FF byte marks a negative value. Anything else that is not BCD
 * (AA…, FF… fill bytes) is not a reading: null.
 */
export function decodeNumber(bytes: Uint8Array, decimals: number): number | null {
  let negative = false;
  let digitsBytes = bytes;
  if (bytes.length > 1 && bytes[0] === 0xff) {
    negative = true;
    digitsBytes = bytes.subarray(1);
  }
  const digits = bcdDigits(digitsBytes);
  if (digits === null || digits.length === 0) return null;
  const magnitude = Number(digits) / 10 ** decimals;
  return negative ? -magnitude : magnitude;
}

/** Data definition byte → byte count and decimals. */
export function dataDefinition(byte: number): { size: number; decimals: number } {
  return { size: byte >> 3, decimals: byte & 0x07 };
}

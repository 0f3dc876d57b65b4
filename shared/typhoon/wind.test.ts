import { describe, expect, it } from 'vitest';
import { beaufortOf, gradeFromChinese, gradeOf, toTwoMinuteMs } from './wind';

describe('wind conventions', () => {
  it('converts JMA 10-minute knots to the 2-minute mean in m/s with the documented factor 1.05', () => {
    expect(toTwoMinuteMs({ value: 35, unit: 'kt_10min' })).toBe(18.9);
    expect(toTwoMinuteMs({ value: 105, unit: 'kt_10min' })).toBe(56.7);
    expect(toTwoMinuteMs({ value: 30, unit: 'ms_2min' })).toBe(30);
  });

  it('grades by GB/T 19201-2006 at its thresholds', () => {
    expect([10.7, 10.8, 17.1, 17.2, 24.4, 24.5, 32.6, 32.7, 41.4, 41.5, 50.9, 51].map(gradeOf)).toEqual([null, 'TD', 'TD', 'TS', 'TS', 'STS', 'STS', 'TY', 'TY', 'STY', 'STY', 'SuperTY']);
    expect(gradeFromChinese('超强台风')).toBe('SuperTY');
  });

  it('gives the Beaufort force of a wind speed, up to 17 and beyond', () => {
    expect([13.8, 13.9, 17.1, 24.5, 32.7, 56.1, 61.3].map(beaufortOf)).toEqual([6, 7, 7, 10, 12, 17, 18]);
  });
});

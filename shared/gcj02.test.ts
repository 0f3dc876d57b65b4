import { describe, expect, it } from 'vitest';
import { distanceMetres } from './geo';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02';

const metres = (a: [number, number], b: [number, number]) => distanceMetres({ lon: a[0], lat: a[1] }, { lon: b[0], lat: b[1] });

describe('GCJ-02 shift', () => {
  it('moves a point in Xiangshan by the few hundred metres AMap tiles are offset', () => {
    const danCheng: [number, number] = [121.8833, 29.4719];
    const shifted = wgs84ToGcj02(danCheng);
    expect(metres(danCheng, shifted)).toBeGreaterThan(300);
    expect(metres(danCheng, shifted)).toBeLessThan(700);
  });

  it('undoes the shift to within a centimetre across Zhejiang', () => {
    for (const p of [[121.8833, 29.4719], [120.15, 30.28], [122.3, 29.95], [118.9, 28.1]] as Array<[number, number]>) {
      expect(metres(gcj02ToWgs84(wgs84ToGcj02(p)), p)).toBeLessThan(0.01);
    }
  });

  it('leaves points outside China alone (the East China Sea off Japan)', () => {
    expect(wgs84ToGcj02([140.5, 36])).toEqual([140.5, 36]);
    expect(gcj02ToWgs84([140.5, 36])).toEqual([140.5, 36]);
  });
});

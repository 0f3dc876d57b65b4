import { describe, expect, it } from 'vitest';
import { townshipCentres } from './township-geometry';
import { TOWNSHIP_NAMES, TOWNSHIP_OUTLINES, townshipAt } from './townships';

describe('townships', () => {
  it('knows the 18 townships of Xiangshan', () => {
    expect(TOWNSHIP_NAMES).toHaveLength(18);
    expect(TOWNSHIP_NAMES).toContain('石浦镇');
    expect(TOWNSHIP_NAMES).toContain('丹东街道');
  });

  it('finds the township of a point on land and none at sea', () => {
    expect(townshipAt({ lat: 29.4431, lon: 121.8712 })).toBe('丹西街道');
    expect(townshipAt({ lat: 29.2463, lon: 121.8437 })).toBe('定塘镇');
    expect(townshipAt({ lat: 29.3, lon: 122.3 })).toBeNull();
  });
});

describe('township centres', () => {
  it('puts each township’s centre inside that township, even a concave one like Shipu', () => {
    const centres = townshipCentres(TOWNSHIP_OUTLINES);
    expect(centres).toHaveLength(18);
    for (const centre of centres) expect({ name: centre.name, at: townshipAt(centre) }).toEqual({ name: centre.name, at: centre.name });
  });
});

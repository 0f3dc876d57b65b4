import { describe, expect, it } from 'vitest';
import { TOWNSHIP_NAMES, townshipAt } from './townships';

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

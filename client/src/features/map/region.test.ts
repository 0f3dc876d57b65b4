import { describe, expect, it } from 'vitest';
import { labelledKind } from './region';

describe('which place names the map shows at a scale', () => {
  it('names townships at the county view, districts around Ningbo, cities across Zhejiang and none over the open sea', () => {
    // The county fills a 1920-pixel wall at about 3,300 pixels per degree.
    expect(labelledKind(3300)).toBe('township');
    expect(labelledKind(200)).toBe('district');
    expect(labelledKind(30)).toBe('city');
    expect(labelledKind(5)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ageParts, formatInstant } from './format';

describe('time formatting', () => {
  it('shows Beijing time regardless of the machine zone', () => {
    expect(formatInstant('2019-08-09T17:45:00Z', 'en-GB', 'timeSeconds')).toBe('01:45:00');
    expect(formatInstant(Date.UTC(2020, 7, 3, 19, 30), 'zh-CN', 'time')).toBe('03:30');
  });
  it('returns empty text for missing or bad values', () => {
    expect(formatInstant(null, 'zh-CN')).toBe('');
    expect(formatInstant('nope', 'zh-CN')).toBe('');
  });
  it('picks the unit of an age', () => {
    expect(ageParts(2_000)).toEqual({ key: 'justNow', n: 0 });
    expect(ageParts(42_000)).toEqual({ key: 'seconds', n: 42 });
    expect(ageParts(125_000)).toEqual({ key: 'minutes', n: 2 });
    expect(ageParts(3 * 3600_000)).toEqual({ key: 'hours', n: 3 });
    expect(ageParts(50 * 3600_000)).toEqual({ key: 'days', n: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { clockText, nextCountdown } from './countdown';

describe('report countdowns', () => {
  it('formats time left and past due', () => {
    expect(clockText(29 * 60_000 + 5_000)).toBe('29:05');
    expect(clockText(-(61 * 60_000))).toBe('1:01:00');
  });
  it('counts to the soonest open deadline and flags overdue', () => {
    const now = Date.parse('2025-08-01T00:40:00.000Z');
    const deadlines = [
      { kind: 'written' as const, dueAt: '2025-08-01T01:00:00.000Z', state: 'open' },
      { kind: 'phone' as const, dueAt: '2025-08-01T00:30:00.000Z', state: 'done' },
    ];
    expect(nextCountdown(deadlines, now)).toMatchObject({ kind: 'written', overdue: false, text: '20:00' });
    expect(nextCountdown(deadlines, now + 21 * 60_000)).toMatchObject({ overdue: true, text: '1:00' });
    expect(nextCountdown([], now)).toBeNull();
  });
});

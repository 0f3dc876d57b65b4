import { describe, expect, it } from 'vitest';
import { percentOf, timeAt } from './replayTimeline';

describe('replay timeline', () => {
  it('places an instant along the bar and reads a click back as an instant, clamped to the window', () => {
    expect(percentOf(150, 100, 200)).toBe(50);
    expect(percentOf(50, 100, 200)).toBe(0);
    expect(timeAt(25, 100, 1000, 2000)).toBe(1250);
    expect(timeAt(500, 100, 1000, 2000)).toBe(2000);
  });
});

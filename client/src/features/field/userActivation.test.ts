import { describe, expect, it, vi } from 'vitest';
import { afterGesture, alertsUnlocked } from './userActivation';

describe('tablet alerts and the browser’s user-activation rule', () => {
  it('are blocked after a reload until the page has been touched', () => {
    expect(alertsUnlocked({ hasBeenActive: false }, false)).toBe(false);
    expect(alertsUnlocked({ hasBeenActive: false }, true)).toBe(true);
    expect(alertsUnlocked({ hasBeenActive: true }, false)).toBe(true);
  });

  it('count as blocked without the userActivation API until a gesture is seen', () => {
    expect(alertsUnlocked(undefined, false)).toBe(false);
    expect(alertsUnlocked(undefined, true)).toBe(true);
  });

  it('take the unlock banner away only after the first tap has been released and clicked, not under the finger', async () => {
    vi.useFakeTimers();
    try {
      const page = new EventTarget();
      const done = vi.fn();
      afterGesture(page, new Event('pointerdown'), done);
      await vi.runAllTimersAsync();
      expect(done).not.toHaveBeenCalled(); // still pressed: the page must not move yet
      page.dispatchEvent(new Event('pointerup'));
      expect(done).not.toHaveBeenCalled(); // the click comes in this same task
      await vi.runAllTimersAsync();
      expect(done).toHaveBeenCalledTimes(1);
      page.dispatchEvent(new Event('mouseup'));
      await vi.runAllTimersAsync();
      expect(done).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('unlock at once on a key press, which moves nothing under a finger', () => {
    const done = vi.fn();
    afterGesture(new EventTarget(), new Event('keydown'), done);
    expect(done).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it } from 'vitest';
import { alertsUnlocked } from './userActivation';

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
});

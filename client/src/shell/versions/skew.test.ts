import { describe, expect, it } from 'vitest';
import { DESK_IDLE_MS, TOUCH_IDLE_MS, decide, isBehind, screenKindOf, type DecideInput } from './skew';

const input = (over: Partial<DecideInput>): DecideInput => ({ kind: 'tablet', behind: true, safe: true, idleMs: TOUCH_IDLE_MS, reloadedBefore: false, ...over });

describe('version skew', () => {
  it('is behind when the server serves another build or refused this client as too old; unknown is not behind', () => {
    expect(isBehind({ own: 'b1', server: 'b2', refused: false })).toBe(true);
    expect(isBehind({ own: 'b1', server: 'b1', refused: false })).toBe(false);
    expect(isBehind({ own: 'b1', server: null, refused: false })).toBe(false);
    expect(isBehind({ own: 'b1', server: 'b1', refused: true })).toBe(true);
  });

  it('a kiosk or tablet reloads by itself only when nothing is unsent, no form is open and no finger is on it', () => {
    for (const kind of ['kiosk', 'tablet'] as const) {
      expect(decide(input({ kind }))).toBe('reload');
      expect(decide(input({ kind, safe: false }))).toBe('wait');
      expect(decide(input({ kind, idleMs: 2_000 }))).toBe('wait');
      expect(decide(input({ kind, behind: false }))).toBe('none');
    }
  });

  it('a desk offers the reload while in use and reloads by itself once idle and safe', () => {
    expect(decide(input({ kind: 'desk', idleMs: 1_000 }))).toBe('offer');
    expect(decide(input({ kind: 'desk', idleMs: DESK_IDLE_MS }))).toBe('reload');
    expect(decide(input({ kind: 'desk', idleMs: DESK_IDLE_MS, safe: false }))).toBe('offer');
  });

  it('never reloads again towards a build it already reloaded for (no loop): it offers instead', () => {
    expect(decide(input({ kind: 'kiosk', reloadedBefore: true }))).toBe('offer');
    expect(decide(input({ kind: 'desk', idleMs: DESK_IDLE_MS, reloadedBefore: true }))).toBe('offer');
  });

  it('knows each screen by its route', () => {
    expect(['wall', 'field', 'desk', 'admin', 'login'].map(screenKindOf)).toEqual(['kiosk', 'tablet', 'desk', 'desk', 'desk']);
  });
});

import { describe, expect, it } from 'vitest';
import { run } from './testFixtures';
import { fromBeijingInput, hoursMinutes, runGoal, toBeijingInput } from './runGoal';

// The fixture run is requested at 2025-08-01T00:00Z, goal 12:00Z.
const at = (h: number, m = 0) => Date.parse('2025-08-01T00:00:00.000Z') + (h * 60 + m) * 60_000;
const iso = (h: number, m = 0) => new Date(at(h, m)).toISOString();

describe('a supply run against the 12-hour goal', () => {
  it('is on track early, at risk with under two hours left, overdue past 12 hours', () => {
    expect(runGoal(run('r'), at(3, 20))).toMatchObject({ state: 'on_track', elapsedMs: at(3, 20) - at(0), leftMs: at(12) - at(3, 20) });
    expect(runGoal(run('r'), at(10, 1)).state).toBe('at_risk');
    expect(runGoal(run('r', { status: 'in_transit' }), at(13, 5))).toMatchObject({ state: 'overdue', leftMs: -(at(1, 5) - at(0)) });
    // A desk clock behind the server's: never more than the whole goal left.
    expect(runGoal(run('r'), at(0) - 900)).toMatchObject({ state: 'on_track', elapsedMs: 0, leftMs: 12 * 3_600_000 });
  });

  it('is at risk as soon as the ETA given at departure falls after the goal', () => {
    const late = runGoal(run('r', { status: 'in_transit', departedAt: iso(2), eta: iso(12, 30) }), at(2));
    expect(late).toMatchObject({ state: 'at_risk', etaLate: true });
    expect(runGoal(run('r', { status: 'in_transit', departedAt: iso(2), eta: iso(6) }), at(2))).toMatchObject({ state: 'on_track', etaLate: false });
  });

  it('stops the clock on arrival: met within 12 hours, missed after', () => {
    const met = runGoal(run('r', { status: 'arrived', arrivedAt: iso(8, 10) }), at(20));
    expect(met).toMatchObject({ state: 'met', elapsedMs: at(8, 10) - at(0) });
    expect(met.fraction).toBeCloseTo((8 * 60 + 10) / 720);
    expect(runGoal(run('r', { status: 'arrived', arrivedAt: iso(12, 40) }), at(20))).toMatchObject({ state: 'missed', leftMs: -(at(0, 40) - at(0)) });
  });

  it('counts a cancelled run out of the goal', () => {
    expect(runGoal(run('r', { status: 'cancelled', cancelledAt: iso(1) }), at(20))).toMatchObject({ state: 'cancelled', elapsedMs: at(1) - at(0) });
  });
});

describe('times on the supplies screens', () => {
  it('splits a duration into hours and minutes, whatever its sign', () => {
    expect(hoursMinutes(3 * 3_600_000 + 5 * 60_000 + 59_000)).toEqual({ h: 3, m: 5 });
    expect(hoursMinutes(-(70 * 60_000))).toEqual({ h: 1, m: 10 });
    expect(hoursMinutes(0)).toEqual({ h: 0, m: 0 });
  });

  it('reads and writes datetime-local values in Beijing time', () => {
    expect(toBeijingInput(Date.parse('2025-08-01T18:30:00Z'))).toBe('2025-08-02T02:30');
    expect(fromBeijingInput('2025-08-02T02:30')).toBe('2025-08-01T18:30:00.000Z');
    expect(fromBeijingInput('2025-08-02')).toBeNull();
    expect(fromBeijingInput('')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { occupancyAfter, occupancyLevel, ownOccupancy, statusFor } from './occupancy';

describe('shelter occupancy', () => {
  it('is near full from 90 % and full at 100 % of capacity', () => {
    expect([0, 89, 90, 99, 100, 120].map((n) => occupancyLevel(n, 100))).toEqual(['normal', 'normal', 'near_full', 'near_full', 'full', 'full']);
    expect([8, 9, 10].map((n) => occupancyLevel(n, 10))).toEqual(['normal', 'near_full', 'full']);
    expect([269, 270].map((n) => occupancyLevel(n, 300))).toEqual(['normal', 'near_full']);
  });

  it('turns an open shelter full at capacity and open again below it; closed stays closed', () => {
    expect(statusFor('open', 100, 100)).toBe('full');
    expect(statusFor('full', 99, 100)).toBe('open');
    expect(statusFor('closed', 0, 100)).toBe('closed');
  });

  it('checks people in up to capacity and out down to zero, and refuses anything else', () => {
    const shelter = { status: 'open' as const, occupancy: 95, drillOccupancy: 0, capacity: 100 };
    expect(occupancyAfter(shelter, 'check_in', 5)).toBe(100);
    expect(() => occupancyAfter(shelter, 'check_in', 6)).toThrow(expect.objectContaining({ code: 'CONFLICT', details: { free: 5, capacity: 100 } }));
    expect(occupancyAfter(shelter, 'check_out', 95)).toBe(0);
    expect(() => occupancyAfter(shelter, 'check_out', 96)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => occupancyAfter({ ...shelter, status: 'closed', occupancy: 0 }, 'check_in', 1)).toThrow(/closed/);
  });

  it('counts a drill’s people apart: a drill takes only free places, a real check-in never waits for a drill', () => {
    const shelter = { status: 'open' as const, occupancy: 60, drillOccupancy: 30, capacity: 100 };
    expect(occupancyAfter(shelter, 'check_in', 10, true)).toBe(40);
    expect(() => occupancyAfter(shelter, 'check_in', 11, true)).toThrow(expect.objectContaining({ details: { free: 10, capacity: 100 } }));
    expect(occupancyAfter(shelter, 'check_in', 40)).toBe(100);
    expect(occupancyAfter(shelter, 'check_out', 30, true)).toBe(0);
    expect(() => occupancyAfter(shelter, 'check_out', 31, true)).toThrow(expect.objectContaining({ code: 'CONFLICT', details: { occupancy: 30 } }));
    expect(ownOccupancy({ ...shelter, exercise: true })).toBe(30);
    expect(ownOccupancy({ ...shelter, exercise: false })).toBe(60);
  });
});

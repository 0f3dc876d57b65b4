import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shell/api/apiError';
import { shelter } from './testFixtures';
import type { ShelterMovement } from '@shared/schemas/shelter';
import { groupByTownship, mergeMovements, movementRefusal, occupancyLevel, suppliesOnHand } from './shelterModel';

describe('occupancyLevel', () => {
  it('is amber from 90 % and red when full', () => {
    const real = { exercise: false, drillOccupancy: 0 };
    expect(occupancyLevel({ ...real, occupancy: 89, capacity: 100, status: 'open' })).toBe('ok');
    expect(occupancyLevel({ ...real, occupancy: 90, capacity: 100, status: 'open' })).toBe('near');
    expect(occupancyLevel({ ...real, occupancy: 9, capacity: 10, status: 'open' })).toBe('near');
    expect(occupancyLevel({ ...real, occupancy: 100, capacity: 100, status: 'open' })).toBe('full');
    expect(occupancyLevel({ ...real, occupancy: 0, capacity: 100, status: 'full' })).toBe('full');
  });

  it('a real shelter warns of real people only; a drill’s shelter of its drill’s people', () => {
    expect(occupancyLevel({ exercise: false, occupancy: 10, drillOccupancy: 90, capacity: 100, status: 'open' })).toBe('ok');
    expect(occupancyLevel({ exercise: true, occupancy: 0, drillOccupancy: 90, capacity: 100, status: 'open' })).toBe('near');
  });
});

describe('groupByTownship', () => {
  it('sums shelters per township and adds townships that only reported relatives', () => {
    const groups = groupByTownship(
      [shelter('a', { township: '石浦镇', occupancy: 10, capacity: 50 }), shelter('b', { township: '石浦镇', occupancy: 5, capacity: 20 }), shelter('c', { township: '丹东街道' })],
      [
        { township: '石浦镇', withRelatives: 30, reportedAt: '2026-01-01T00:00:00.000Z', reportedBy: 'x', exercise: false },
        { township: '石浦镇', withRelatives: 999, reportedAt: '2026-01-01T01:00:00.000Z', reportedBy: 'x', exercise: true },
        { township: '高塘岛乡', withRelatives: 4, reportedAt: '2026-01-01T00:00:00.000Z', reportedBy: 'x', exercise: false },
      ],
    );
    const shipu = groups.find((g) => g.township === '石浦镇');
    expect(shipu).toMatchObject({ sheltered: 15, capacity: 70, withRelatives: 30 });
    expect(shipu?.shelters.map((s) => s.id)).toEqual(['a', 'b']);
    expect(groups.find((g) => g.township === '高塘岛乡')).toMatchObject({ shelters: [], withRelatives: 4 });
    expect(groups).toHaveLength(3);
    const drill = groupByTownship([shelter('a', { township: '石浦镇', occupancy: 10, drillOccupancy: 40 }), shelter('x', { township: '石浦镇', drillOccupancy: 280, exercise: true })], []);
    expect(drill[0]).toMatchObject({ sheltered: 10 });
    expect(drill[0]?.shelters.map((s) => s.id)).toEqual(['a', 'x']);
    expect(groupByTownship([], [], ['石浦镇', '丹东街道']).map((g) => [g.township, g.shelters.length])).toEqual([['丹东街道', 0], ['石浦镇', 0]]);
  });

  it('lists open shelters first and closed ones last, and townships with nowhere open after the rest', () => {
    const groups = groupByTownship(
      [
        shelter('closed-a', { township: '石浦镇', name: '阿', status: 'closed' }),
        shelter('full', { township: '石浦镇', name: '乙', status: 'full' }),
        shelter('open', { township: '石浦镇', name: '丙', status: 'open' }),
        shelter('closed-b', { township: '丹东街道', name: '丁', status: 'closed' }),
      ],
      [],
    );
    expect(groups.map((g) => g.township)).toEqual(['石浦镇', '丹东街道']);
    expect(groups[0]?.shelters.map((s) => s.id)).toEqual(['open', 'full', 'closed-a']);
  });
});

describe('movementRefusal', () => {
  const conflict = (details?: unknown) => new ApiError('CONFLICT', 'no', 409, details);
  it('says how much room is left, how many are in, or that the shelter is closed', () => {
    expect(movementRefusal(conflict({ free: 3, capacity: 10 }), 'check_in', { status: 'open' })).toEqual({ key: 'shelter.desk.refused.noRoom', params: { free: 3 } });
    expect(movementRefusal(conflict({ occupancy: 2 }), 'check_out', { status: 'open' })).toEqual({ key: 'shelter.desk.refused.tooFew', params: { occupancy: 2 } });
    expect(movementRefusal(conflict(), 'check_in', { status: 'closed' })?.key).toBe('shelter.desk.refused.closed');
    expect(movementRefusal(conflict(), 'check_in', { status: 'open' })?.key).toBe('shelter.desk.refused.changed');
    expect(movementRefusal(new ApiError('FORBIDDEN', 'no'), 'check_in', { status: 'open' })).toBeNull();
  });
});

describe('mergeMovements', () => {
  const movement = (id: string, minute: number): ShelterMovement => ({
    id,
    shelterId: 's1',
    kind: 'check_in',
    people: 1,
    at: `2025-08-01T01:${String(minute).padStart(2, '0')}:00.000Z`,
    note: '',
    actorName: '林值班',
    exercise: false,
  });
  it('puts the newest first and keeps a movement seen both live and in the fetched history once', () => {
    const merged = mergeMovements([movement('live', 30)], [movement('a', 10), movement('live', 30), movement('b', 20)]);
    expect(merged.map((m) => m.id)).toEqual(['live', 'b', 'a']);
    expect(mergeMovements(merged, [movement('c', 40)], 2).map((m) => m.id)).toEqual(['c', 'live']);
  });
});

describe('suppliesOnHand', () => {
  const catalogue: Record<string, { name: string; unit: string }> = { tent: { name: '帐篷', unit: '顶' }, water: { name: '饮用水', unit: '箱' } };
  it('names each item with its unit, leaves out what is used up, and shows an unknown item by its code', () => {
    const lines = suppliesOnHand(
      [
        { itemId: 'water', quantity: 40 },
        { itemId: 'tent', quantity: 5 },
        { itemId: 'quilt', quantity: 0 },
        { itemId: 'pump-x', quantity: 1 },
      ],
      (id) => catalogue[id],
    );
    expect(lines.map((l) => `${l.name} ${l.quantity}${l.unit}`)).toEqual(['饮用水 40箱', '帐篷 5顶', 'pump-x 1']);
  });
});

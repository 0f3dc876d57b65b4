import { SHELTER_NEAR_FULL_PERCENT, type Shelter, type ShelterStatus } from '../../shared/schemas/shelter';
import { DomainError, conflict } from '../errors';

export type OccupancyLevel = 'normal' | 'near_full' | 'full';

/** near_full from 90 % of capacity, full at 100 %. Integer arithmetic, so 90 % of 10 is exactly 9. */
export function occupancyLevel(occupancy: number, capacity: number): OccupancyLevel {
  if (occupancy >= capacity) return 'full';
  return occupancy * 100 >= capacity * SHELTER_NEAR_FULL_PERCENT ? 'near_full' : 'normal';
}

/** An open shelter turns full when it reaches capacity and opens again when people leave; a closed one stays closed. */
export function statusFor(status: ShelterStatus, occupancy: number, capacity: number): ShelterStatus {
  if (status === 'closed') return 'closed';
  return occupancy >= capacity ? 'full' : 'open';
}

/** The people a shelter's status and full alarms follow: a drill's shelter fills with the drill's people, a real one with real people only. */
export function ownOccupancy(shelter: Pick<Shelter, 'exercise' | 'occupancy' | 'drillOccupancy'>): number {
  return shelter.exercise ? shelter.drillOccupancy : shelter.occupancy;
}

type Counts = Pick<Shelter, 'status' | 'occupancy' | 'drillOccupancy' | 'capacity'>;

/**
 * The count a check-in or check-out changes, after it: the real `occupancy`, or `drillOccupancy` for a drill's
 * people. Refused (nothing changes) when it cannot happen. A real check-in never waits for a drill's people (they
 * make room); a drill's takes only the places nobody holds.
 */
export function occupancyAfter(shelter: Counts, kind: 'check_in' | 'check_out', people: number, drill = false): number {
  const held = drill ? shelter.drillOccupancy : shelter.occupancy;
  if (kind === 'check_out') {
    if (people > held) throw conflict(`Only ${held} people are checked in.`, { occupancy: held });
    return held - people;
  }
  if (shelter.status === 'closed') throw conflict('The shelter is closed; open it first.');
  const free = shelter.capacity - shelter.occupancy - (drill ? shelter.drillOccupancy : 0);
  if (people > free) throw new DomainError('CONFLICT', `The shelter has room for ${free} more.`, { free: Math.max(0, free), capacity: shelter.capacity });
  return held + people;
}

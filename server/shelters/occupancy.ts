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

/** The occupancy after a check-in or check-out; refused (nothing changes) when it cannot happen. */
export function occupancyAfter(shelter: Pick<Shelter, 'status' | 'occupancy' | 'capacity'>, kind: 'check_in' | 'check_out', people: number): number {
  if (kind === 'check_out') {
    if (people > shelter.occupancy) throw conflict(`Only ${shelter.occupancy} people are checked in.`, { occupancy: shelter.occupancy });
    return shelter.occupancy - people;
  }
  if (shelter.status === 'closed') throw conflict('The shelter is closed; open it first.');
  const free = shelter.capacity - shelter.occupancy;
  if (people > free) throw new DomainError('CONFLICT', `The shelter has room for ${free} more.`, { free, capacity: shelter.capacity });
  return shelter.occupancy + people;
}

import type { Transaction } from 'kysely';
import type { Shelter } from '../../shared/schemas/shelter';
import type { Actor } from '../../shared/schemas/event';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import type { RecordEvent } from '../events/transactor';
import { occupancyLevel, ownOccupancy } from './occupancy';

export type ShelterAlarms = Pick<AlarmService, 'raiseWithin' | 'clearWithin'>;

/** Brings a shelter's shelter_near_full / shelter_full alarms in line with its own occupancy (real, or a drill's at a drill's shelter), in the same transaction. */
export async function syncShelterAlarms(alarms: ShelterAlarms, tx: Transaction<Database>, record: RecordEvent, shelter: Shelter, actor: Actor): Promise<void> {
  // A drill's shelter warns of the drill's people (a drill alarm); a real one of real people only.
  const occupancy = ownOccupancy(shelter);
  const level = shelter.status === 'closed' ? 'normal' : occupancyLevel(occupancy, shelter.capacity);
  const params = { shelterName: shelter.name, township: shelter.township, occupancy, capacity: shelter.capacity };
  const source = { sourceType: 'shelter', sourceId: shelter.id, params, exercise: shelter.exercise };
  if (level === 'near_full') await alarms.raiseWithin(tx, record, { kind: 'shelter_near_full', severity: 'warning', sound: 'once', ...source }, actor);
  else await alarms.clearWithin(tx, record, 'shelter_near_full', shelter.id, actor);
  if (level === 'full') await alarms.raiseWithin(tx, record, { kind: 'shelter_full', severity: 'critical', sound: 'repeat', ...source }, actor);
  else await alarms.clearWithin(tx, record, 'shelter_full', shelter.id, actor);
}

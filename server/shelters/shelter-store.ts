import type { Shelter, ShelterMovement, TownshipEvacuation } from '../../shared/schemas/shelter';
import type { ShelterMovementRow, ShelterRow, TownshipEvacuationRow } from './schema';
import { notFound } from '../errors';
import type { Db } from '../db/db-handle';

export const toShelter = (row: ShelterRow, supplies: Shelter['supplies']): Shelter => ({
  id: row.id,
  name: row.name,
  level: row.level as Shelter['level'],
  township: row.township,
  location: { lat: row.lat, lon: row.lon },
  address: row.address,
  capacity: row.capacity,
  facilities: JSON.parse(row.facilities),
  contactName: row.contact_name,
  contactPhone: row.contact_phone,
  status: row.status as Shelter['status'],
  occupancy: row.occupancy,
  drillOccupancy: row.drill_occupancy,
  supplies,
  updatedAt: row.updated_at,
  exercise: row.exercise === 1,
});

export const toShelterRow = (s: Shelter): ShelterRow => ({
  id: s.id,
  name: s.name,
  level: s.level,
  township: s.township,
  lat: s.location.lat,
  lon: s.location.lon,
  address: s.address,
  capacity: s.capacity,
  facilities: JSON.stringify(s.facilities),
  contact_name: s.contactName,
  contact_phone: s.contactPhone,
  status: s.status,
  occupancy: s.occupancy,
  drill_occupancy: s.drillOccupancy,
  updated_at: s.updatedAt,
  exercise: s.exercise ? 1 : 0,
});

export const toMovement = (row: ShelterMovementRow): ShelterMovement => ({
  id: row.id,
  shelterId: row.shelter_id,
  kind: row.kind as ShelterMovement['kind'],
  people: row.people,
  at: row.at,
  note: row.note,
  actorName: row.actor_name,
  exercise: row.exercise === 1,
});

export const toEvacuation = (row: TownshipEvacuationRow): TownshipEvacuation => ({
  township: row.township,
  withRelatives: row.with_relatives,
  reportedAt: row.reported_at,
  reportedBy: row.reported_by,
  exercise: row.exercise === 1,
});

async function suppliesOf(db: Db, shelterIds: string[]): Promise<Map<string, Shelter['supplies']>> {
  const byShelter = new Map<string, Shelter['supplies']>();
  if (shelterIds.length === 0) return byShelter;
  const rows = await db.selectFrom('shelter_supplies').selectAll().where('shelter_id', 'in', shelterIds).where('quantity', '>', 0).orderBy('item_id').execute();
  for (const row of rows) byShelter.set(row.shelter_id, [...(byShelter.get(row.shelter_id) ?? []), { itemId: row.item_id, quantity: row.quantity }]);
  return byShelter;
}

export async function listShelters(db: Db): Promise<Shelter[]> {
  const rows = await db.selectFrom('shelters').selectAll().orderBy('township').orderBy('name').execute();
  const supplies = await suppliesOf(db, rows.map((r) => r.id));
  return rows.map((row) => toShelter(row, supplies.get(row.id) ?? []));
}

export async function loadShelter(db: Db, id: string): Promise<Shelter> {
  const row = await db.selectFrom('shelters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Shelter');
  return toShelter(row, (await suppliesOf(db, [id])).get(id) ?? []);
}

export async function listTownshipEvacuations(db: Db): Promise<TownshipEvacuation[]> {
  return (await db.selectFrom('township_evacuations').selectAll().orderBy('township').orderBy('exercise').execute()).map(toEvacuation);
}

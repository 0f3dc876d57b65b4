/** Row types of the shelter tables (migration 0003_incidents_supplies). */
export interface ShelterRow {
  id: string;
  name: string;
  level: string;
  township: string;
  lat: number;
  lon: number;
  address: string;
  capacity: number;
  facilities: string;
  contact_name: string;
  contact_phone: string;
  status: string;
  /** Real people only; a drill's are in drill_occupancy (migration 0016). */
  occupancy: number;
  drill_occupancy: number;
  updated_at: string;
  /** 1 while opened by a drill (migration 0014): its people are a drill's. */
  exercise: number;
}
export interface ShelterMovementRow {
  id: string;
  shelter_id: string;
  kind: string;
  people: number;
  at: string;
  note: string;
  actor_name: string;
  /** 1 for a drill's check-in or out (migration 0014): it moved drill_occupancy. */
  exercise: number;
}
export interface TownshipEvacuationRow {
  township: string;
  /** 1 for a drill's count (migration 0016): one figure per township and kind. */
  exercise: number;
  with_relatives: number;
  reported_at: string;
  reported_by: string;
}

export interface ShelterTables {
  shelters: ShelterRow;
  shelter_movements: ShelterMovementRow;
  township_evacuations: TownshipEvacuationRow;
}

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
  occupancy: number;
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
  /** 1 for a check-in or out at a drill's shelter (migration 0014). */
  exercise: number;
}
export interface TownshipEvacuationRow {
  township: string;
  with_relatives: number;
  reported_at: string;
  reported_by: string;
}

export interface ShelterTables {
  shelters: ShelterRow;
  shelter_movements: ShelterMovementRow;
  township_evacuations: TownshipEvacuationRow;
}

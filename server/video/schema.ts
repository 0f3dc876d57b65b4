export interface CameraRow {
  id: string;
  name: string;
  kind: string;
  department: string;
  lat: number | null;
  lon: number | null;
  /** JSON of the shared CameraSource. */
  source: string;
  /** Set for a field tablet's camera: one per team. */
  team_id: string | null;
  updated_at: string;
}

export interface VideoTables {
  cameras: CameraRow;
}

/** Row type of the typhoon table (migration 0007_typhoons). Booleans are 0/1; track and forecasts are JSON text. */
export interface TyphoonStormRow {
  id: string;
  number: string;
  name_zh: string | null;
  name_en: string | null;
  source: string;
  historical: number;
  archived: number;
  updated_at: string;
  track: string;
  forecasts: string;
}

export interface TyphoonTables {
  typhoon_storms: TyphoonStormRow;
}

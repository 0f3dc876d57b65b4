/** The key-value settings table (migration 0001_foundation) that several domains keep a value in: the wall layout, the reporting rules, the incident code counter. */
export interface SettingRow {
  key: string;
  value: string;
}

export interface SettingTables {
  settings: SettingRow;
}

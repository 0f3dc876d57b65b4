/** Row types of the event log (migration 0001_foundation). */
export interface EventRow {
  seq: number;
  at: string;
  type: string;
  actor: string;
  payload: string;
  audience: string;
}
export interface EventCounterRow {
  id: number;
  last_seq: number;
}

export interface EventTables {
  events: EventRow;
  event_counter: EventCounterRow;
}

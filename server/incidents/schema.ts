/** Row types of the incident tables (migration 0003_incidents_supplies). */
export interface IncidentRow {
  id: string;
  code: string;
  title: string;
  type: string;
  severity: string;
  source: string;
  status: string;
  lat: number | null;
  lon: number | null;
  township: string | null;
  place: string;
  affected: number;
  trapped: number;
  injured: number;
  dead: number;
  account: string;
  caller: string;
  team_id: string | null;
  reported_at: string;
  updated_at: string;
  closed_at: string | null;
  /** 1 for a drill's incident (migration 0013). */
  exercise: number;
}
export interface IncidentDeadlineRow {
  id: string;
  incident_id: string;
  kind: string;
  severity: string;
  started_at: string;
  due_at: string;
  state: string;
  done_at: string | null;
  done_by: string | null;
  recipient: string | null;
  recorded_by: string | null;
}
export interface IncidentTimelineRow {
  id: string;
  incident_id: string;
  /** 1, 2, … within the incident: entries written in the same millisecond keep their order. */
  position: number;
  at: string;
  kind: string;
  text: string;
  params: string;
  author: string;
}
export interface IncidentAttachmentRow {
  id: string;
  incident_id: string;
  sha256: string;
  mime: string;
  bytes: number;
  caption: string;
  added_at: string;
  added_by: string;
}

export interface IncidentTables {
  incidents: IncidentRow;
  incident_deadlines: IncidentDeadlineRow;
  incident_timeline: IncidentTimelineRow;
  incident_attachments: IncidentAttachmentRow;
}

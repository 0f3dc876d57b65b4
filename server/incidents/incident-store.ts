import type { Incident, ReportDeadline } from '../../shared/schemas/incident';
import type { Attachment, IncidentDetail, TimelineEntry } from '../../shared/schemas/incident-record';
import type { Db } from '../db/db-handle';
import type { IncidentAttachmentRow, IncidentDeadlineRow, IncidentRow, IncidentTimelineRow } from './schema';
import { notFound } from '../errors';

export const toDeadline = (row: IncidentDeadlineRow): ReportDeadline => ({
  id: row.id,
  kind: row.kind as ReportDeadline['kind'],
  severity: row.severity as ReportDeadline['severity'],
  startedAt: row.started_at,
  dueAt: row.due_at,
  state: row.state as ReportDeadline['state'],
  doneAt: row.done_at,
  doneBy: row.done_by,
  recipient: row.recipient,
  recordedBy: row.recorded_by,
});

export const toDeadlineRow = (incidentId: string, d: ReportDeadline): IncidentDeadlineRow => ({
  id: d.id,
  incident_id: incidentId,
  kind: d.kind,
  severity: d.severity,
  started_at: d.startedAt,
  due_at: d.dueAt,
  state: d.state,
  done_at: d.doneAt,
  done_by: d.doneBy,
  recipient: d.recipient,
  recorded_by: d.recordedBy,
});

export const toIncident = (row: IncidentRow, deadlines: ReportDeadline[]): Incident => ({
  id: row.id,
  code: row.code,
  title: row.title,
  type: row.type as Incident['type'],
  severity: row.severity as Incident['severity'],
  source: row.source as Incident['source'],
  status: row.status as Incident['status'],
  location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
  township: row.township,
  place: row.place,
  affected: row.affected,
  trapped: row.trapped,
  injured: row.injured,
  dead: row.dead,
  account: row.account,
  caller: row.caller,
  teamId: row.team_id,
  reportedAt: row.reported_at,
  updatedAt: row.updated_at,
  closedAt: row.closed_at,
  exercise: row.exercise === 1,
  deadlines,
});

export const toIncidentRow = (i: Incident): IncidentRow => ({
  id: i.id,
  code: i.code,
  title: i.title,
  type: i.type,
  severity: i.severity,
  source: i.source,
  status: i.status,
  lat: i.location?.lat ?? null,
  lon: i.location?.lon ?? null,
  township: i.township,
  place: i.place,
  affected: i.affected,
  trapped: i.trapped,
  injured: i.injured,
  dead: i.dead,
  account: i.account,
  caller: i.caller,
  team_id: i.teamId,
  reported_at: i.reportedAt,
  updated_at: i.updatedAt,
  closed_at: i.closedAt,
  exercise: i.exercise ? 1 : 0,
});

export const toTimelineEntry = (row: IncidentTimelineRow): TimelineEntry => ({
  id: row.id,
  incidentId: row.incident_id,
  at: row.at,
  kind: row.kind as TimelineEntry['kind'],
  text: row.text,
  params: JSON.parse(row.params),
  author: row.author,
});

export const toAttachment = (row: IncidentAttachmentRow): Attachment => ({
  id: row.id,
  incidentId: row.incident_id,
  mime: row.mime as Attachment['mime'],
  bytes: row.bytes,
  sha256: row.sha256,
  caption: row.caption,
  addedAt: row.added_at,
  addedBy: row.added_by,
});

async function withDeadlines(db: Db, rows: IncidentRow[]): Promise<Incident[]> {
  if (rows.length === 0) return [];
  const deadlineRows = await db
    .selectFrom('incident_deadlines')
    .selectAll()
    .where('incident_id', 'in', rows.map((r) => r.id))
    .orderBy('started_at')
    .orderBy('kind')
    .execute();
  const byIncident = new Map<string, ReportDeadline[]>();
  for (const row of deadlineRows) {
    const list = byIncident.get(row.incident_id) ?? [];
    list.push(toDeadline(row));
    byIncident.set(row.incident_id, list);
  }
  return rows.map((row) => toIncident(row, byIncident.get(row.id) ?? []));
}

export async function loadIncident(db: Db, id: string): Promise<Incident> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Incident');
  const [incident] = await withDeadlines(db, [row]);
  return incident!;
}

/** Open incidents (not closed), or the latest `limit` of all, newest first. */
export async function listIncidents(db: Db, options: { openOnly: boolean; limit?: number }): Promise<Incident[]> {
  let query = db.selectFrom('incidents').selectAll();
  if (options.openOnly) query = query.where('status', '!=', 'closed');
  const rows = await query.orderBy('reported_at', 'desc').limit(options.limit ?? 500).execute();
  return withDeadlines(db, rows);
}

export async function loadIncidentDetail(db: Db, id: string): Promise<IncidentDetail> {
  const incident = await loadIncident(db, id);
  const timeline = await db.selectFrom('incident_timeline').selectAll().where('incident_id', '=', id).orderBy('position').execute();
  const attachments = await db.selectFrom('incident_attachments').selectAll().where('incident_id', '=', id).orderBy('added_at').execute();
  return { incident, timeline: timeline.map(toTimelineEntry), attachments: attachments.map(toAttachment) };
}

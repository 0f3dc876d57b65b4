import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DomainEvent } from '@shared/schemas/event';
import { severityRank, type Incident, type IncidentCreate, type IncidentSeverity, type IncidentStatus, type ReportDone } from '@shared/schemas/incident';
import type { Attachment, TimelineEntry } from '@shared/schemas/incident-record';
import { incidentsApi } from './api';
import { syncedStore } from '../../shell/realtime/syncedStore';

/** Keeps a newer copy only: events and HTTP answers may arrive in either order. */
const newer = (a: Incident | undefined, b: Incident) => !a || a.updatedAt <= b.updatedAt;

function addEntry(list: TimelineEntry[], entry: TimelineEntry): TimelineEntry[] {
  if (list.some((e) => e.id === entry.id)) return list;
  return [...list, entry].sort((a, b) => a.at.localeCompare(b.at));
}

/** Incidents in view (open ones from the snapshot, plus any closed while watching), with loaded timelines and photos. */
export const useIncidentsStore = defineStore('incidents', () => {
  const byId = ref<Record<string, Incident>>({});
  const timelines = ref<Record<string, TimelineEntry[]>>({});
  const attachments = ref<Record<string, Attachment[]>>({});
  /** Field reports (灾情上报) that arrived while this screen watched, newest first, until opened or dismissed. */
  const fieldReportNotices = ref<string[]>([]);

  const list = computed(() =>
    Object.values(byId.value).sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.reportedAt.localeCompare(a.reportedAt)),
  );
  const open = computed(() => list.value.filter((i) => i.status !== 'closed'));

  const get = (id: string): Incident | undefined => byId.value[id];
  const timelineOf = (id: string): TimelineEntry[] | undefined => timelines.value[id];
  const attachmentsOf = (id: string): Attachment[] => attachments.value[id] ?? [];

  function put(incident: Incident): void {
    if (newer(byId.value[incident.id], incident)) byId.value[incident.id] = incident;
  }

  function entry(incidentId: string, e: TimelineEntry): void {
    const current = timelines.value[incidentId];
    if (current) timelines.value[incidentId] = addEntry(current, e);
  }

  function attach(a: Attachment): void {
    const current = attachments.value[a.incidentId];
    if (current && !current.some((x) => x.id === a.id)) attachments.value[a.incidentId] = [...current, a].sort((x, y) => x.addedAt.localeCompare(y.addedAt));
  }

  function reset(incidents: Incident[]): void {
    byId.value = Object.fromEntries(incidents.map((i) => [i.id, i]));
    timelines.value = {};
    attachments.value = {};
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'incident.reported':
      case 'incident.updated':
      case 'incident.status_changed':
      case 'incident.severity_changed':
      case 'incident.report_done':
        put(event.payload.incident);
        entry(event.payload.incident.id, event.payload.entry);
        if (event.type === 'incident.reported') notice(event.payload.incident);
        break;
      case 'incident.note_added':
        entry(event.payload.incidentId, event.payload.entry);
        break;
      case 'incident.attachment_added':
        entry(event.payload.incidentId, event.payload.entry);
        attach(event.payload.attachment);
        break;
      default:
        break;
    }
  }

  function notice(incident: Incident): void {
    if (incident.source === 'field_report' && !fieldReportNotices.value.includes(incident.id)) fieldReportNotices.value = [incident.id, ...fieldReportNotices.value];
  }
  const dismissNotice = (id: string) => (fieldReportNotices.value = fieldReportNotices.value.filter((n) => n !== id));

  /** Starts collecting live entries for an incident (before its timeline is fetched). */
  function trackTimeline(id: string): void {
    timelines.value[id] ??= [];
    attachments.value[id] ??= [];
  }

  async function loadTimeline(id: string): Promise<void> {
    trackTimeline(id);
    const detail = await incidentsApi.detail(id);
    put(detail.incident);
    let merged = timelines.value[id] ?? [];
    for (const e of detail.timeline) merged = addEntry(merged, e);
    timelines.value[id] = merged;
    for (const a of detail.attachments) attach(a);
  }

  const asked = new Set<string>();
  /** Fetches an incident not in view (closed before this screen loaded) once, so links to it can name it. */
  function ensure(id: string): void {
    if (byId.value[id] || asked.has(id)) return;
    asked.add(id);
    incidentsApi.detail(id).then(
      (detail) => put(detail.incident),
      () => asked.delete(id),
    );
  }

  async function create(input: IncidentCreate): Promise<Incident> {
    const incident = await incidentsApi.create(input);
    put(incident);
    return incident;
  }
  const changeStatus = async (id: string, status: IncidentStatus, note?: string) => put(await incidentsApi.changeStatus(id, status, note));
  const changeSeverity = async (id: string, severity: IncidentSeverity, note?: string) => put(await incidentsApi.changeSeverity(id, severity, note));
  const reportDone = async (id: string, input: ReportDone) => put(await incidentsApi.reportDone(id, input));
  const addNote = async (id: string, text: string) => {
    await incidentsApi.addNote(id, text);
  };

  return { byId, list, open, get, ensure, fieldReportNotices, dismissNotice, timelineOf, attachmentsOf, reset, applyEvent, trackTimeline, loadTimeline, create, changeStatus, changeSeverity, reportDone, addNote };
});

/** The events the incidents store handles and its part of the synchronised state. */
export const incidentsSync = syncedStore({
  name: 'incidents',
  events: [
    'incident.reported',
    'incident.updated',
    'incident.status_changed',
    'incident.severity_changed',
    'incident.note_added',
    'incident.attachment_added',
    'incident.report_done',
  ],
  apply: (event) => useIncidentsStore().applyEvent(event),
  fromSnapshot: (snapshot) => useIncidentsStore().reset(snapshot.incidents),
  clear: () => useIncidentsStore().reset([]),
});

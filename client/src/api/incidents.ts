import type { Incident, IncidentCreate, IncidentUpdate, ReportDone } from '@shared/schemas/incident';
import type { IncidentDetail } from '@shared/schemas/incident-record';
import type { IncidentSeverity, IncidentStatus } from '@shared/schemas/incident';
import { downloadFile, http } from './http';

const path = (id: string, rest = '') => `/api/incidents/${encodeURIComponent(id)}${rest}`;

/** The desk's incident commands (HTTP); the events that follow are authoritative. */
export const incidentsApi = {
  create: (input: IncidentCreate) => http.post<Incident>('/api/incidents', input),
  detail: (id: string) => http.get<IncidentDetail>(path(id)),
  update: (id: string, input: IncidentUpdate) => http.patch<Incident>(path(id), input),
  changeStatus: (id: string, status: IncidentStatus, note?: string) => http.post<Incident>(path(id, '/status'), { status, ...(note ? { note } : {}) }),
  changeSeverity: (id: string, severity: IncidentSeverity, note?: string) => http.post<Incident>(path(id, '/severity'), { severity, ...(note ? { note } : {}) }),
  addNote: (id: string, text: string) => http.post<unknown>(path(id, '/notes'), { text }),
  reportDone: (id: string, input: ReportDone) => http.post<Incident>(path(id, '/reports'), input),
  /** A photo's bytes: the server wants the session's token, which an <img src> cannot send. */
  attachment: (id: string, attachmentId: string) => downloadFile(path(id, `/attachments/${encodeURIComponent(attachmentId)}`)),
};

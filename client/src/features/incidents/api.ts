import { INCIDENT_ROUTES } from '@shared/routes/incidents';
import type { IncidentCreate, IncidentSeverity, IncidentStatus, IncidentUpdate, ReportDone } from '@shared/schemas/incident';
import { downloadFile } from '../../shell/api/http';
import { callRoute } from '../../shell/api/routeClient';

const attachmentPath = (id: string, attachmentId: string) => `/api/incidents/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`;

/** The desk's incident commands (HTTP); the events that follow are authoritative. */
export const incidentsApi = {
  create: (input: IncidentCreate) => callRoute(INCIDENT_ROUTES.create, { body: input }),
  detail: (id: string) => callRoute(INCIDENT_ROUTES.detail, { params: { id } }),
  update: (id: string, input: IncidentUpdate) => callRoute(INCIDENT_ROUTES.update, { params: { id }, body: input }),
  changeStatus: (id: string, status: IncidentStatus, note?: string) => callRoute(INCIDENT_ROUTES.changeStatus, { params: { id }, body: { status, ...(note ? { note } : {}) } }),
  changeSeverity: (id: string, severity: IncidentSeverity, note?: string) =>
    callRoute(INCIDENT_ROUTES.changeSeverity, { params: { id }, body: { severity, ...(note ? { note } : {}) } }),
  addNote: (id: string, text: string) => callRoute(INCIDENT_ROUTES.addNote, { params: { id }, body: { text } }),
  reportDone: (id: string, input: ReportDone) => callRoute(INCIDENT_ROUTES.reportDone, { params: { id }, body: input }),
  /** A photo's bytes: the server wants the session's token, which an <img src> cannot send. */
  attachment: (id: string, attachmentId: string) => downloadFile(attachmentPath(id, attachmentId)),
};

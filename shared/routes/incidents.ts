import { z } from 'zod';
import {
  IncidentCreateSchema,
  IncidentListQuerySchema,
  IncidentNoteCreateSchema,
  IncidentSchema,
  IncidentSeverityChangeSchema,
  IncidentStatusChangeSchema,
  IncidentUpdateSchema,
  ReportDoneSchema,
  ReportingRulesSchema,
} from '../schemas/incident';
import { AttachmentSchema, IncidentDetailSchema, PhotoUploadSchema, TimelineEntrySchema } from '../schemas/incident-record';
import { defineRoute } from './route';

/** Reading is for the board (staff and wall); the duty desk records. Photos go through INCIDENT_PHOTO_ROUTES. */
export const INCIDENT_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/incidents', query: IncidentListQuerySchema, answer: z.array(IncidentSchema), allow: 'watchBoard' }),
  create: defineRoute({ method: 'POST', path: '/incidents', body: IncidentCreateSchema, answer: IncidentSchema, allow: 'desk' }),
  detail: defineRoute({ method: 'GET', path: '/incidents/:id', answer: IncidentDetailSchema, allow: 'watchBoard' }),
  update: defineRoute({ method: 'PATCH', path: '/incidents/:id', body: IncidentUpdateSchema, answer: IncidentSchema, allow: 'desk' }),
  changeStatus: defineRoute({ method: 'POST', path: '/incidents/:id/status', body: IncidentStatusChangeSchema, answer: IncidentSchema, allow: 'desk' }),
  changeSeverity: defineRoute({ method: 'POST', path: '/incidents/:id/severity', body: IncidentSeverityChangeSchema, answer: IncidentSchema, allow: 'desk' }),
  addNote: defineRoute({ method: 'POST', path: '/incidents/:id/notes', body: IncidentNoteCreateSchema, answer: TimelineEntrySchema, allow: 'desk' }),
  reportDone: defineRoute({ method: 'POST', path: '/incidents/:id/reports', body: ReportDoneSchema, answer: IncidentSchema, allow: 'desk' }),
};

/** How long after an incident is taken in the phone and written reports to the county are due. */
export const REPORTING_RULE_ROUTES = {
  get: defineRoute({ method: 'GET', path: '/reporting-rules', answer: ReportingRulesSchema, allow: 'watchBoard' }),
  set: defineRoute({ method: 'PUT', path: '/reporting-rules', body: ReportingRulesSchema, answer: ReportingRulesSchema, allow: 'plan' }),
};

/** A photo of the scene, as base64 JSON: up to 2 MB of image, so the body may reach 3 MB (mounted before the API's parser). */
export const INCIDENT_PHOTO_ROUTES = {
  addPhoto: defineRoute({ method: 'POST', path: '/incidents/:id/attachments', body: PhotoUploadSchema, answer: AttachmentSchema, allow: 'desk', jsonLimit: '3mb' }),
};

import { Router } from 'express';
import { rolesFor } from '../../shared/permissions';
import { INCIDENT_PHOTO_ROUTES, INCIDENT_ROUTES, REPORTING_RULE_ROUTES } from '../../shared/routes/incidents';
import type { SessionService } from '../auth/session-service';
import { requireRole } from '../http/auth-middleware';
import { contractRouter } from '../http/contract-router';
import type { AttachmentService } from './attachment-service';
import type { IncidentService } from './incident-service';
import type { ReportingRulesService } from './reporting-rules-service';

export interface IncidentRouteDeps {
  sessions: SessionService;
  incidents: IncidentService;
  attachments: AttachmentService;
  rules: ReportingRulesService;
}

/** The incident routes declared in shared/routes/incidents.ts, plus a photo's bytes (a file, not an envelope). */
export function incidentRoutes({ sessions, incidents, attachments, rules }: IncidentRouteDeps): Router {
  const router = Router();
  router.use(
    contractRouter(sessions, REPORTING_RULE_ROUTES, {
      get: () => rules.get(),
      set: ({ body, actor }) => rules.set(body, actor),
    }),
  );
  router.use(
    contractRouter(sessions, INCIDENT_ROUTES, {
      list: ({ query }) => incidents.list(query.open === 'true'),
      create: ({ body, actor }) => incidents.create(body, actor),
      detail: ({ params }) => incidents.detail(params.id),
      update: ({ params, body, actor }) => incidents.update(params.id, body, actor),
      changeStatus: ({ params, body, actor }) => incidents.changeStatus(params.id, body, actor),
      changeSeverity: ({ params, body, actor }) => incidents.changeSeverity(params.id, body, actor),
      addNote: ({ params, body, actor }) => incidents.addNote(params.id, body, actor),
      reportDone: ({ params, body, actor }) => incidents.markReportDone(params.id, body, actor),
    }),
  );
  router.get('/incidents/:id/attachments/:attachmentId', requireRole(sessions, ...rolesFor('watchBoard')), async (req, res, next) => {
    try {
      const file = await attachments.fileOf(String(req.params.id), String(req.params.attachmentId));
      res.sendFile(file.path, { headers: { 'Content-Type': file.mime, 'Cache-Control': 'private, max-age=86400' } }, (error) => error && next(error));
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** Photo upload: mounted before the API's 256 kB JSON parser; its contract reads up to 3 MB (a 2 MB photo as base64). */
export function incidentUploadRoutes({ sessions, attachments }: Pick<IncidentRouteDeps, 'sessions' | 'attachments'>): Router {
  return Router().use(
    '/api',
    contractRouter(sessions, INCIDENT_PHOTO_ROUTES, {
      addPhoto: ({ params, body, actor }) => attachments.addPhoto(params.id, body, actor),
    }),
  );
}

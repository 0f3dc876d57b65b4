import express, { Router } from 'express';
import { IncidentListQuerySchema } from '../../shared/schemas/incident';
import { actorOf } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import { parseInput } from '../validation';
import type { AttachmentService } from './attachment-service';
import type { IncidentService } from './incident-service';
import type { ReportingRulesService } from './reporting-rules-service';

export interface IncidentRouteDeps {
  sessions: SessionService;
  incidents: IncidentService;
  attachments: AttachmentService;
  rules: ReportingRulesService;
}

/** Reading is for the board (staff and wall); the duty desk (commander, duty officer) records. */
export function incidentRoutes({ sessions, incidents, attachments, rules }: IncidentRouteDeps): Router {
  const router = Router();
  const board = requireRole(sessions, 'admin', 'commander', 'duty_officer', 'wall');
  const desk = requireRole(sessions, 'commander', 'duty_officer');
  const actor = (req: express.Request) => actorOf(principalOf(req));
  const id = (req: express.Request) => String(req.params.id);

  router.get('/reporting-rules', board, handle(() => rules.get()));
  router.put('/reporting-rules', requireRole(sessions, 'admin', 'commander'), handle((req) => rules.set(req.body, actor(req))));

  router.get('/incidents', board, handle((req) => incidents.list(parseInput(IncidentListQuerySchema, req.query).open === 'true')));
  router.post('/incidents', desk, handle((req) => incidents.create(req.body, actor(req))));
  router.get('/incidents/:id', board, handle((req) => incidents.detail(id(req))));
  router.patch('/incidents/:id', desk, handle((req) => incidents.update(id(req), req.body, actor(req))));
  router.post('/incidents/:id/status', desk, handle((req) => incidents.changeStatus(id(req), req.body, actor(req))));
  router.post('/incidents/:id/severity', desk, handle((req) => incidents.changeSeverity(id(req), req.body, actor(req))));
  router.post('/incidents/:id/notes', desk, handle((req) => incidents.addNote(id(req), req.body, actor(req))));
  router.post('/incidents/:id/reports', desk, handle((req) => incidents.markReportDone(id(req), req.body, actor(req))));
  router.get('/incidents/:id/attachments/:attachmentId', board, async (req, res, next) => {
    try {
      const file = await attachments.fileOf(id(req), String(req.params.attachmentId));
      res.sendFile(file.path, { headers: { 'Content-Type': file.mime, 'Cache-Control': 'private, max-age=86400' } }, (error) => error && next(error));
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** Photo upload: mounted before the API's 256 kB JSON parser, with room for a 2 MB photo as base64. */
export function incidentUploadRoutes({ sessions, attachments }: Pick<IncidentRouteDeps, 'sessions' | 'attachments'>): Router {
  const router = Router();
  router.post(
    '/api/incidents/:id/attachments',
    requireRole(sessions, 'commander', 'duty_officer'),
    express.json({ limit: '3mb' }),
    handle((req) => attachments.addPhoto(String(req.params.id), req.body, actorOf(principalOf(req)))),
  );
  return router;
}

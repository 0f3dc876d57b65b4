import { Router } from 'express';
import { actorOf } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import type { TrackerEndpoints } from '../../shared/schemas/device';
import type { DeviceService } from './device-service';

export function deviceRoutes(sessions: SessionService, devices: DeviceService, endpoints: () => TrackerEndpoints): Router {
  const router = Router();
  const admin = requireRole(sessions, 'admin');
  router.get('/devices', admin, handle(() => devices.list()));
  router.get('/devices/endpoints', admin, handle(async () => endpoints()));
  router.post(
    '/devices',
    admin,
    handle((req, res) => {
      // The answer carries the device's only clear-text credentials.
      res.set('Cache-Control', 'no-store');
      return devices.register(req.body, actorOf(principalOf(req)));
    }),
  );
  router.post('/devices/:id/revoke', admin, handle((req) => devices.revoke(String(req.params.id), actorOf(principalOf(req)))));
  return router;
}

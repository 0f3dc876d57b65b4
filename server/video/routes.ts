import express, { Router } from 'express';
import { actorOf } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import type { CameraRegistry } from './camera-registry';
import type { VideoService } from './video-service';

export interface VideoRouteDeps {
  sessions: SessionService;
  registry: CameraRegistry;
  video: VideoService;
  /** Per-worker CPU and the relay's holdings; for operators and the benchmark. */
  relayStats: () => Promise<unknown>;
}

/** The board reads cameras with their live state; admins register them. */
export function videoRoutes({ sessions, registry, video, relayStats }: VideoRouteDeps): Router {
  const router = Router();
  const board = requireRole(sessions, 'admin', 'commander', 'duty_officer', 'wall');
  const admin = requireRole(sessions, 'admin');
  const actor = (req: express.Request) => actorOf(principalOf(req));
  const id = (req: express.Request) => String(req.params.id);

  router.get('/cameras', board, handle((req) => video.cameras(principalOf(req).role === 'admin')));
  router.post('/cameras', admin, handle((req) => registry.create(req.body, actor(req))));
  router.patch('/cameras/:id', admin, handle((req) => registry.update(id(req), req.body, actor(req))));
  router.delete('/cameras/:id', admin, handle(async (req) => (await registry.remove(id(req), actor(req)), { removed: true })));
  router.get('/video/stats', admin, handle(() => relayStats()));
  return router;
}

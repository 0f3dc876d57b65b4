import { Router, type NextFunction, type Request, type Response } from 'express';
import { actorOf } from './principal';
import type { SessionService } from './session-service';
import type { UserService } from './user-service';
import { clientIp, principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';

export function authRoutes(sessions: SessionService, users: UserService): Router {
  const router = Router();
  const signedIn = requireRole(sessions);
  const admin = requireRole(sessions, 'admin');

  const clientOf = (req: Request) => ({ ip: clientIp(req), userAgent: req.get('user-agent') ?? null });
  // The answer carries a bearer token: no cache (browser, proxy) may keep it, failures included.
  const noStore = (_req: Request, res: Response, next: NextFunction) => {
    res.set('Cache-Control', 'no-store');
    next();
  };
  router.post('/auth/login', noStore, handle((req) => sessions.login(req.body, clientOf(req))));
  router.post('/auth/logout', signedIn, handle((req) => sessions.logout(principalOf(req))));
  router.get('/auth/me', signedIn, handle((req) => users.get(principalOf(req).userId)));
  router.post('/auth/password', signedIn, handle((req) => sessions.changePassword(principalOf(req), req.body, clientOf(req))));

  router.get('/users', admin, handle(() => users.list()));
  router.post('/users', admin, handle((req) => users.create(req.body, actorOf(principalOf(req)))));
  router.patch('/users/:id', admin, handle((req) => users.update(String(req.params.id), req.body, actorOf(principalOf(req)))));
  router.get('/users/:id/sessions', admin, handle((req) => sessions.listActive(String(req.params.id))));
  router.delete('/sessions/:id', admin, handle((req) => sessions.revoke(String(req.params.id), actorOf(principalOf(req)))));
  return router;
}

import { Router } from 'express';
import { AUTH_ROUTES, USER_ROUTES } from '../../shared/routes/auth';
import { contractRouter } from '../http/contract-router';
import type { SessionService } from './session-service';
import type { UserService } from './user-service';

export function authRoutes(sessions: SessionService, users: UserService): Router {
  const router = Router();
  router.use(
    contractRouter(sessions, AUTH_ROUTES, {
      login: ({ body, client }) => sessions.login(body, client),
      logout: async ({ principal }) => (await sessions.logout(principal), null),
      me: ({ principal }) => users.get(principal.userId),
      changePassword: async ({ principal, body, client }) => (await sessions.changePassword(principal, body, client), null),
    }),
  );
  router.use(
    contractRouter(sessions, USER_ROUTES, {
      list: () => users.list(),
      create: ({ body, actor }) => users.create(body, actor),
      update: ({ params, body, actor }) => users.update(params.id, body, actor),
      sessions: ({ params }) => sessions.listActive(params.id),
      revokeSession: async ({ params, actor }) => (await sessions.revoke(params.id, actor), null),
    }),
  );
  return router;
}

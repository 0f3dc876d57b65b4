import { USER_ROUTES } from '@shared/routes/auth';
import type { UserCreate, UserPatch } from '@shared/schemas/user';
import { callRoute } from '../../shell/api/routeClient';

export type { UserPatch } from '@shared/schemas/user';

export const usersApi = {
  list: () => callRoute(USER_ROUTES.list, {}),
  create: (user: UserCreate) => callRoute(USER_ROUTES.create, { body: user }),
  update: (id: string, patch: UserPatch) => callRoute(USER_ROUTES.update, { params: { id }, body: patch }),
  sessions: (id: string) => callRoute(USER_ROUTES.sessions, { params: { id } }),
  revokeSession: (sessionId: string) => callRoute(USER_ROUTES.revokeSession, { params: { id: sessionId } }),
};

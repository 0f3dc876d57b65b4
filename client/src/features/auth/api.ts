import { AUTH_ROUTES } from '@shared/routes/auth';
import { callRoute } from '../../shell/api/routeClient';

export const authApi = {
  login: (username: string, password: string) => callRoute(AUTH_ROUTES.login, { body: { username, password } }, { skipAuthHandling: true }),
  logout: () => callRoute(AUTH_ROUTES.logout, {}, { skipAuthHandling: true }),
  me: () => callRoute(AUTH_ROUTES.me, {}),
  changePassword: (currentPassword: string, newPassword: string) => callRoute(AUTH_ROUTES.changePassword, { body: { currentPassword, newPassword } }),
};

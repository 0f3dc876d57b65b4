import type { SessionInfo, User } from '@shared/schemas/user';
import { http } from './http';

export const authApi = {
  login: (username: string, password: string) =>
    http.post<SessionInfo>('/api/auth/login', { username, password }, { skipAuthHandling: true }),
  logout: () => http.post<unknown>('/api/auth/logout', {}, { skipAuthHandling: true }),
  me: () => http.get<User>('/api/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<unknown>('/api/auth/password', { currentPassword, newPassword }),
};

import type { SessionSummary, User, UserCreate } from '@shared/schemas/user';
import { http } from './http';

export interface UserPatch {
  displayName?: string;
  disabled?: boolean;
  password?: string;
}

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: () => http.get<User[]>('/api/users'),
  create: (user: UserCreate) => http.post<User>('/api/users', user),
  update: (id: string, patch: UserPatch) => http.patch<User>(userPath(id), patch),
  sessions: (id: string) => http.get<SessionSummary[]>(`${userPath(id)}/sessions`),
  revokeSession: (sessionId: string) => http.delete(`/api/sessions/${encodeURIComponent(sessionId)}`),
};

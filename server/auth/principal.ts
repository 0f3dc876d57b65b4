import type { Role } from '../../shared/enums';
import type { Actor } from '../../shared/schemas/event';

/** Who is making a request: a signed-in user and the session they use. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  sessionId: string;
  expiresAt: string;
}

export const actorOf = (principal: Principal): Actor => ({ type: 'user', id: principal.userId, name: principal.displayName });

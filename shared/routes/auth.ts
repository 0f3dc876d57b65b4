import { z } from 'zod';
import { LoginRequestSchema, PasswordChangeSchema, SessionInfoSchema, SessionSummarySchema, UserCreateSchema, UserSchema, UserUpdateSchema } from '../schemas/user';
import { NoAnswer, defineRoute } from './route';

/** Signing in and out, and one's own password; login is the one route without a session, and its answer is never cached. */
export const AUTH_ROUTES = {
  login: defineRoute({ method: 'POST', path: '/auth/login', body: LoginRequestSchema, answer: SessionInfoSchema, allow: 'public', noStore: true }),
  logout: defineRoute({ method: 'POST', path: '/auth/logout', answer: NoAnswer, allow: 'signedIn' }),
  me: defineRoute({ method: 'GET', path: '/auth/me', answer: UserSchema, allow: 'signedIn' }),
  changePassword: defineRoute({ method: 'POST', path: '/auth/password', body: PasswordChangeSchema, answer: NoAnswer, allow: 'signedIn' }),
};

/** Accounts and their sessions are admin business. */
export const USER_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/users', answer: z.array(UserSchema), allow: 'administer' }),
  create: defineRoute({ method: 'POST', path: '/users', body: UserCreateSchema, answer: UserSchema, allow: 'administer' }),
  update: defineRoute({ method: 'PATCH', path: '/users/:id', body: UserUpdateSchema, answer: UserSchema, allow: 'administer' }),
  sessions: defineRoute({ method: 'GET', path: '/users/:id/sessions', answer: z.array(SessionSummarySchema), allow: 'administer' }),
  revokeSession: defineRoute({ method: 'DELETE', path: '/sessions/:id', answer: NoAnswer, allow: 'administer' }),
};

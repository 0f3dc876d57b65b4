import type { Kysely } from 'kysely';
import type { Role } from '../../shared/enums';
import type { Config } from '../config/config';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import { inMemoryLimiters, type LimiterFactory } from '../cluster/rate-limiters';
import { DEFAULT_THROTTLE_LIMITS, LoginThrottle } from './login-throttle';
import { authRoutes } from './routes';
import { SessionService } from './session-service';
import { UserService } from './user-service';

export interface AuthModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  config: Pick<Config, 'SESSION_HOURS_ADMIN' | 'SESSION_HOURS_COMMANDER' | 'SESSION_HOURS_DUTY_OFFICER' | 'SESSION_HOURS_FIELD' | 'SESSION_HOURS_WALL' | 'LOGIN_FAILURES_PER_ACCOUNT_ADDRESS' | 'LOGIN_FAILURES_PER_ADDRESS' | 'LOGIN_FREE_FAILURES'>;
  clock: () => number;
  /** Login throttles count here (shared through Redis in cluster mode). */
  limiters?: LimiterFactory;
}

/** Accounts and sessions: every other module authenticates through `sessions`. */
export function createAuthModule({ db, transactor, config, clock, limiters = inMemoryLimiters }: AuthModuleDeps) {
  const lifetimes: Record<Role, number> = {
    admin: config.SESSION_HOURS_ADMIN,
    commander: config.SESSION_HOURS_COMMANDER,
    duty_officer: config.SESSION_HOURS_DUTY_OFFICER,
    field: config.SESSION_HOURS_FIELD,
    wall: config.SESSION_HOURS_WALL,
  };
  const users = new UserService(db, transactor, clock);
  const sessions = new SessionService(db, transactor, new LoginThrottle({ ...DEFAULT_THROTTLE_LIMITS, perAccountAddress: config.LOGIN_FAILURES_PER_ACCOUNT_ADDRESS, perAddress: config.LOGIN_FAILURES_PER_ADDRESS, freeFailures: config.LOGIN_FREE_FAILURES }, undefined, limiters), lifetimes, clock);
  return { users, sessions, routes: [authRoutes(sessions, users)] };
}

export type AuthModule = ReturnType<typeof createAuthModule>;

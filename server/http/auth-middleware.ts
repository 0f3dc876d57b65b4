import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Role } from '../../shared/enums';
import type { Principal } from '../auth/principal';
import type { ClientOrigin } from './proxy-trust';
import type { SessionService } from '../auth/session-service';
import { DomainError } from '../errors';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    /** Set for every request by the HTTP app from the socket and, from a trusted proxy, X-Forwarded-*. */
    client?: ClientOrigin;
  }
}

export const bearerToken = (header: string | undefined): string | null => {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
};

/** Resolves the bearer token into `req.principal` and checks the role; every API route goes through it. */
export function requireRole(sessions: SessionService, ...roles: Role[]): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const token = bearerToken(req.headers.authorization);
      const principal = token ? await sessions.authenticate(token) : null;
      if (!principal) throw new DomainError('UNAUTHENTICATED');
      if (roles.length > 0 && !roles.includes(principal.role)) throw new DomainError('FORBIDDEN');
      req.principal = principal;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The principal set by requireRole; a route without it is a programming error. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new Error('route is missing requireRole');
  return req.principal;
}

/** The client's address: behind a trusted proxy the forwarded one, otherwise the socket's. */
export const clientIp = (req: Request): string | null => (req.client ? req.client.ip : (req.socket.remoteAddress ?? null));

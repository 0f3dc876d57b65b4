import { Router, type Request } from 'express';
import type { Actor } from '../../shared/schemas/event';
import { mayAct } from '../../shared/permissions';
import type { AnswerOf, BodyOf, ParamsOf, QueryOf, RouteContract, RouteTable } from '../../shared/routes/route';
import { paramNamesOf } from '../../shared/routes/route';
import { actorOf, type Principal } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { bearerToken } from './auth-middleware';
import { handle } from './respond';

/** What a handler receives: everything already authenticated, role-checked and parsed with the contract's schemas. */
export interface RouteInput<C extends RouteContract> {
  params: ParamsOf<C>;
  query: QueryOf<C>;
  body: BodyOf<C>;
  principal: Principal;
  actor: Actor;
}

export type RouteHandler<C extends RouteContract> = (input: RouteInput<C>) => Promise<AnswerOf<C>> | AnswerOf<C>;
export type RouteHandlers<T extends RouteTable> = { [K in keyof T]: RouteHandler<T[K]> };

export type Authenticator = Pick<SessionService, 'authenticate'>;

const MAX_PARAM_LENGTH = 200;

/** Who is asking, and whether the contract's row of the permission table lets them. */
export async function admit(sessions: Authenticator, req: Request, contract: RouteContract): Promise<Principal> {
  const token = bearerToken(req.headers.authorization);
  const principal = token ? await sessions.authenticate(token) : null;
  if (!principal) throw new DomainError('UNAUTHENTICATED');
  if (!mayAct(principal.role, contract.allow)) throw new DomainError('FORBIDDEN');
  req.principal = principal;
  return principal;
}

function paramsOf(req: Request, contract: RouteContract): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of paramNamesOf(contract.path)) {
    const value = req.params[name];
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_PARAM_LENGTH) {
      throw new DomainError('VALIDATION_FAILED', undefined, [{ path: name, message: `must be 1 to ${MAX_PARAM_LENGTH} characters` }]);
    }
    params[name] = value;
  }
  return params;
}

/**
 * The Express side of a table of route contracts: each route authenticates, checks its permission, parses
 * params, query and body once (a bad one is VALIDATION_FAILED with field paths, before the handler runs),
 * and answers in the `{ ok, data | error }` envelope. Routes are registered in the table's order.
 */
export function contractRouter<T extends RouteTable>(sessions: Authenticator, routes: T, handlers: RouteHandlers<T>): Router {
  const router = Router();
  for (const key of Object.keys(routes) as Array<keyof T & string>) {
    const contract = routes[key] as T[typeof key];
    const handler = handlers[key];
    const method = contract.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    router[method](
      contract.path,
      handle(async (req) => {
        const principal = await admit(sessions, req, contract);
        const input = {
          params: paramsOf(req, contract),
          query: contract.query ? parseInput(contract.query, req.query) : undefined,
          body: contract.body ? parseInput(contract.body, req.body) : undefined,
          principal,
          actor: actorOf(principal),
        } as RouteInput<T[typeof key]>;
        return handler(input);
      }),
    );
  }
  return router;
}

import express, { Router, type Request, type RequestHandler } from 'express';
import type { Actor } from '../../shared/schemas/event';
import { mayAct, type Permission } from '../../shared/permissions';
import type { AnswerOf, BodyOf, ParamsOf, QueryOf, RouteContract, RouteTable } from '../../shared/routes/route';
import { DownloadSchema, paramNamesOf } from '../../shared/routes/route';
import { actorOf, type Principal } from '../auth/principal';
import type { ClientInfo, SessionService } from '../auth/session-service';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { bearerToken, clientIp, principalOf } from './auth-middleware';
import { handle } from './respond';

/** What a handler receives: everything already authenticated, role-checked and parsed with the contract's schemas. */
export interface RouteInput<C extends RouteContract> {
  params: ParamsOf<C>;
  query: QueryOf<C>;
  body: BodyOf<C>;
  principal: Principal;
  actor: Actor;
  /** Where the request came from (behind a trusted proxy, the forwarded address), for audit and throttling. */
  client: ClientInfo;
}

/** What a public route's handler receives: no one has signed in yet. */
export type PublicRouteInput<C extends RouteContract> = Omit<RouteInput<C>, 'principal' | 'actor'>;

export type RouteHandler<C extends RouteContract> = (input: C['allow'] extends 'public' ? PublicRouteInput<C> : RouteInput<C>) => Promise<AnswerOf<C>> | AnswerOf<C>;
export type RouteHandlers<T extends RouteTable> = { [K in keyof T]: RouteHandler<T[K]> };

export type Authenticator = Pick<SessionService, 'authenticate'>;

const MAX_PARAM_LENGTH = 200;

/** Who is asking, and whether the contract's row of the permission table lets them. */
export async function admit(sessions: Authenticator, req: Request, contract: RouteContract & { allow: Permission }): Promise<Principal> {
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
 * Who may call, checked before any body is read (a stranger's 5 MB upload is refused unread), then the route's
 * own body parser where it has one: raw bytes (the API's JSON parser leaves other content types alone) or JSON
 * with a larger limit.
 */
function beforeHandler(sessions: Authenticator, contract: RouteContract): RequestHandler[] {
  const access = contract.allow;
  const gate: RequestHandler = (req, res, next) => {
    if (contract.noStore) res.set('Cache-Control', 'no-store');
    if (access === 'public') return next();
    admit(sessions, req, { ...contract, allow: access }).then(() => next(), next);
  };
  if (contract.raw) return [gate, express.raw({ type: [...contract.raw.types], limit: contract.raw.limit })];
  if (contract.jsonLimit) return [gate, express.json({ limit: contract.jsonLimit })];
  return [gate];
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
      ...beforeHandler(sessions, contract),
      handle(async (req, res) => {
        const principal = contract.allow === 'public' ? null : principalOf(req);
        const input = {
          params: paramsOf(req, contract),
          query: contract.query ? parseInput(contract.query, req.query) : undefined,
          body: contract.body ? parseInput(contract.body, req.body) : undefined,
          client: { ip: clientIp(req), userAgent: req.get('user-agent') ?? null },
          ...(principal ? { principal, actor: actorOf(principal) } : {}),
        };
        const answer = await (handler as RouteHandler<RouteContract>)(input as RouteInput<RouteContract>);
        if (!contract.download) return answer;
        const file = DownloadSchema.parse(answer);
        res.setHeader('Content-Type', contract.download.contentType);
        res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
        res.send(Buffer.from(file.bytes));
        return undefined;
      }),
    );
  }
  return router;
}

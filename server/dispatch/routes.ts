import type { Router } from 'express';
import { DISPATCH_ROUTES } from '../../shared/routes/dispatch';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { DispatchReader } from './dispatch-reader';
import type { DispatchService } from './dispatch-service';
import type { SosService } from './sos-service';
import type { TeamSuggester } from './team-suggester';

export interface DispatchRouteDeps {
  sessions: Authenticator;
  dispatches: DispatchService;
  reader: DispatchReader;
  suggester: TeamSuggester;
  sos: SosService;
}

/** The desk's dispatch API (shared/routes/dispatch.ts); tablets step through their socket requests instead. */
export function dispatchRoutes({ sessions, dispatches, reader, suggester, sos }: DispatchRouteDeps): Router {
  return contractRouter(sessions, DISPATCH_ROUTES, {
    list: ({ query, principal }) => reader.list(query, principal),
    suggestions: ({ query }) => suggester.suggest(query),
    feed: ({ query, principal }) => reader.feed(query.limit, principal),
    detail: ({ params, principal }) => reader.detail(params.id, principal),
    create: ({ body, principal }) => dispatches.create(body, principal),
    recordOnBehalf: ({ params, body, principal }) => dispatches.recordOnBehalf(params.id, body, principal),
    cancel: ({ params, body, principal }) => dispatches.cancel(params.id, body, principal),
    reassign: ({ params, body, principal }) => dispatches.reassign(params.id, body, principal),
    resolveSos: ({ params, principal }) => sos.resolve(params.id, principal),
  });
}

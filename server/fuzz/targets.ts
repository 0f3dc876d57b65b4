import type { z } from 'zod';
import { ROUTE_TABLES } from '../../shared/routes';
import { paramNamesOf } from '../../shared/routes/route';
import { CLIENT_REQUESTS, type ClientRequestName } from '../../shared/socket';
import { HAND_WRITTEN_ROUTES } from './hand-written-routes';
import type { HttpTarget } from './http-target';

export type { HttpTarget } from './http-target';

export interface SocketTarget {
  name: ClientRequestName;
  request: z.ZodType;
}

/**
 * Left out on purpose: logout (it would end the fuzzing role's own session) and raw-body routes (the CSV
 * imports take a file's bytes, not JSON; their own tests feed them hostile files). The report's PDF starts
 * Chromium for each valid call; its query is the report's own, fuzzed on `GET /api/review/report`.
 */
const NOT_FUZZED = new Set(['POST /api/auth/logout', 'GET /api/review/report/pdf']);

/** Every contract route that reads or writes something (a body, a query, path params, not a GET), then the hand-written ones. */
export function httpTargets(): HttpTarget[] {
  const fromContracts = Object.values(ROUTE_TABLES).flatMap((table) =>
    Object.values(table)
      .filter((c) => !c.raw && !NOT_FUZZED.has(`${c.method} /api${c.path}`))
      .map((c): HttpTarget => ({ method: c.method, path: `/api${c.path}`, body: c.body, query: c.query })),
  );
  return [...fromContracts, ...HAND_WRITTEN_ROUTES].filter((t) => t.body || t.query || t.method !== 'GET' || paramNamesOf(t.path).length > 0);
}

export function socketTargets(): SocketTarget[] {
  return (Object.keys(CLIENT_REQUESTS) as ClientRequestName[]).map((name) => ({ name, request: CLIENT_REQUESTS[name].request }));
}

export const targetName = (t: HttpTarget): string => `${t.method} ${t.path}`;

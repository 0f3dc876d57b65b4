import type { z } from 'zod';
import { fillPath, type AnswerOf, type CallOf, type RouteContract, type RouteTable } from '@shared/routes/route';
import { ApiError } from './apiError';
import { apiRequest, type RequestOptions } from './http';

/**
 * Calls one route contract: builds its path from the params, sends the query and body, and parses the
 * envelope's data with the route's answer schema. An answer that does not match (a server of another
 * version, a proxy's page) is an ApiError `BAD_ANSWER`, never a silently mistyped value.
 */
export async function callRoute<C extends RouteContract>(contract: C, call: CallOf<C>, options: Omit<RequestOptions, 'query'> = {}): Promise<AnswerOf<C>> {
  const { params, query, body } = call as { params?: Record<string, string>; query?: RequestOptions['query']; body?: unknown };
  const path = `/api${fillPath(contract.path, params ?? {})}`;
  // A raw-body route (a CSV import) sends the bytes themselves, as the first content type it accepts.
  const sentBody = contract.raw ? new Blob([body as BlobPart], { type: contract.raw.types[0] }) : contract.body ? body : contract.method === 'POST' ? {} : undefined;
  const data = await apiRequest<unknown>(contract.method, path, sentBody, { ...options, query });
  return parseAnswer<C['answer']>(contract.answer, data, `${contract.method} ${contract.path}`);
}

export function parseAnswer<S extends z.ZodType>(schema: S, data: unknown, route: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ApiError('BAD_ANSWER', `The server's answer to ${route} does not match its contract.`, 200, details);
}

/** A typed client for a whole table: `routeClient(TEAM_ROUTES).setStatus({ params: { id }, body })`. */
export type RouteClient<T extends RouteTable> = { [K in keyof T]: (call: CallOf<T[K]>) => Promise<AnswerOf<T[K]>> };

export function routeClient<T extends RouteTable>(routes: T): RouteClient<T> {
  const client = {} as RouteClient<T>;
  for (const key of Object.keys(routes) as Array<keyof T>) {
    client[key] = (call) => callRoute(routes[key] as T[typeof key], call);
  }
  return client;
}

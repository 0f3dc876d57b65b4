import { z } from 'zod';
import type { Permission } from '../permissions';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: a row of the permission table, or `public` for the one route used before a session exists (login). */
export type RouteAccess = Permission | 'public';

/**
 * How a route's body arrives. Default: JSON under the API's 256 kB limit. `raw`: the bytes themselves (a CSV
 * file), for the listed content types up to `limit`; the body schema then checks the bytes.
 */
export interface RawBody {
  types: readonly string[];
  limit: string;
}

/**
 * One HTTP route, declared once: the Express router (server/http/contract-router.ts) and the typed client
 * (client/src/api/route-client.ts) are both built from it. `path` is under `/api` and names its params
 * (`/teams/:id`); `query` and `body` are validated once at the server's edge; `answer` is what the client
 * parses the `{ ok: true, data }` envelope's data with; `allow` names a row of the permission table.
 */
export interface RouteContract<
  P extends string = string,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  A extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  path: P;
  query: Q;
  body: B;
  answer: A;
  allow: RouteAccess;
  /** The answer carries a credential (a token, a device key): no browser or proxy may cache it, failures included. */
  noStore?: boolean;
  raw?: RawBody;
  /**
   * A JSON body larger than the API's 256 kB (a photo as base64), read with this limit after the permission
   * check. Such a route must be mounted before the API's own JSON parser (see incidentUploadRoutes).
   */
  jsonLimit?: string;
  /** The answer is a file to save (a CSV export), sent as its bytes instead of the JSON envelope; `answer` is then DownloadSchema. */
  download?: { contentType: string };
}

export const defineRoute = <P extends string, A extends z.ZodType, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(spec: {
  method: HttpMethod;
  path: P;
  query?: Q;
  body?: B;
  answer: A;
  allow: RouteAccess;
  noStore?: boolean;
  raw?: RawBody;
  jsonLimit?: string;
  download?: { contentType: string };
}): RouteContract<P, Q, B, A> => ({ ...spec, query: spec.query as Q, body: spec.body as B });

/** `'/teams/:id/status'` → `'id'`. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type ParamsOf<C extends RouteContract> = { [K in ParamNames<C['path']>]: string };
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;
export type QueryOf<C extends RouteContract> = Out<C['query']>;
export type BodyOf<C extends RouteContract> = Out<C['body']>;
export type AnswerOf<C extends RouteContract> = z.output<C['answer']>;

/** What a caller passes: the params the path names, a query and a body only where the route has them. */
export type CallOf<C extends RouteContract> = ([ParamNames<C['path']>] extends [never] ? unknown : { params: ParamsOf<C> }) &
  (C['query'] extends z.ZodType ? { query?: In<C['query']> } : unknown) &
  (C['body'] extends z.ZodType ? { body: In<C['body']> } : unknown);

export type RouteTable = Record<string, RouteContract>;

export const paramNamesOf = (path: string): string[] => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);

/** The path with its params filled in and encoded: `/teams/:id` + `{ id: 'a b' }` → `/teams/a%20b`. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path param ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

/** Answers that carry nothing (a delete) are `null` in the envelope. */
export const NoAnswer = z.null();

/** What a download route's handler returns; the router sends `bytes` as an attachment named `filename`. */
export const DownloadSchema = z.object({ filename: z.string().regex(/^[\w.-]+$/), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) });

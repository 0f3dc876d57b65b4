import fc from 'fast-check';
import { fillPath, paramNamesOf } from '../../shared/routes/route';
import { FUZZ_ROLES, type FuzzRole } from './fuzz-world';
import { hostileFrom, toJsonText } from './hostile';
import { type HttpTarget, type SocketTarget, targetName } from './targets';
import { arbitraryFor, isPlainObject } from './zod-arbitrary';

/** Where a path param comes from: an id the fuzz created, a fixture team, a hostile string, or one put in the URL unencoded. */
export type ParamPick = { from: 'harvested'; index: number } | { from: 'team'; index: number } | { from: 'raw'; value: string } | { from: 'verbatim'; value: string };

export interface HttpCase {
  kind: 'http';
  route: string;
  role: FuzzRole;
  params: Record<string, ParamPick>;
  query: string;
  /** JSON text, or null for no body. */
  body: string | null;
  /** A Content-Encoding header the body does not actually have, now and then. */
  encoding: string | null;
  hostile: boolean;
}

export interface SocketCase {
  kind: 'socket';
  name: string;
  role: Exclude<FuzzRole, 'anonymous'>;
  /** JSON text of the payload. */
  payload: string;
  hostile: boolean;
}

export type FuzzCase = HttpCase | SocketCase;

const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s);

/** How fast-check prints a failing case: huge strings cut short, so the report stays readable. */
export const describeCase = (c: FuzzCase): string =>
  c.kind === 'http'
    ? `${c.role} ${c.route}${c.query} params=${clip(JSON.stringify(c.params))}${c.encoding ? ` content-encoding=${c.encoding}` : ''} body=${c.body === null ? '(none)' : clip(c.body)}`
    : `${c.role} socket ${c.name} payload=${clip(c.payload)}`;

const printable = <T extends FuzzCase>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> => arb.map((c) => Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) }));

const rawParam = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('..', '%', '__proto__', 'constructor', '\u0000', '水', ' ', 'null', '-1', '1e999'),
  fc.integer({ min: 300, max: 5_000 }).map((n) => 'x'.repeat(n)),
);

/** Broken percent-encoding and path tricks, written into the URL as they are. */
const verbatimParam = fc.constantFrom('%E0%A4%A', '%', '%zz', '%00', '%2e%2e', '..%2f..', '%C0%AF', '%uD800', 'a%20b');

/** A destructive call or one on users/sessions never gets a fixture, so every role keeps its session. */
const mayUseFixtures = (t: HttpTarget) => t.method !== 'DELETE' && !/\/(users|sessions|auth)\b/.test(t.path);

function paramPick(target: HttpTarget): fc.Arbitrary<ParamPick> {
  const picks: Array<fc.Arbitrary<ParamPick>> = [
    fc.nat().map((index) => ({ from: 'harvested' as const, index })),
    rawParam.map((value) => ({ from: 'raw' as const, value })),
    verbatimParam.map((value) => ({ from: 'verbatim' as const, value })),
  ];
  if (mayUseFixtures(target)) picks.push(fc.nat({ max: 1 }).map((index) => ({ from: 'team' as const, index })));
  return fc.oneof(...picks);
}

function queryText(target: HttpTarget): fc.Arbitrary<string> {
  const hostile = fc.array(fc.tuple(fc.oneof(fc.constantFrom('active', 'since', 'teamId', '__proto__', 'limit'), fc.string({ maxLength: 8 })), fc.oneof(rawParam, fc.constant(''))), { maxLength: 4 });
  const shaped = target.query ? arbitraryFor(target.query) : fc.constant({});
  const toPairs = (value: unknown): Array<[string, string]> =>
    isPlainObject(value) ? Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]) : [];
  return fc.oneof(shaped.map(toPairs), hostile).map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''));
}

function bodyText(schema: HttpTarget['body'], method: string): fc.Arbitrary<{ body: string | null; hostile: boolean }> {
  if (!schema) {
    if (method === 'GET' || method === 'DELETE') return fc.constant({ body: null, hostile: false });
    return fc.oneof(fc.constant({ body: null, hostile: false }), hostileFrom(fc.jsonValue({ maxDepth: 2 })).map((body) => ({ body, hostile: true })));
  }
  const shaped = arbitraryFor(schema);
  return fc.oneof(shaped.map((v) => ({ body: toJsonText(v), hostile: false })), hostileFrom(shaped).map((body) => ({ body, hostile: true })));
}

const contentEncoding = fc.oneof({ arbitrary: fc.constant(null), weight: 30 }, { arbitrary: fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'bogus', 'gzip, br'), weight: 1 });

export function httpCase(target: HttpTarget): fc.Arbitrary<HttpCase> {
  const params = fc.record(Object.fromEntries(paramNamesOf(target.path).map((name) => [name, paramPick(target)])));
  return printable(
    fc.record({ role: fc.constantFrom(...FUZZ_ROLES), params, query: queryText(target), body: bodyText(target.body, target.method), encoding: contentEncoding }).map(
      ({ role, params: picked, query, body, encoding }): HttpCase => ({ kind: 'http', route: targetName(target), role, params: picked, query, ...body, encoding: body.body === null ? null : encoding }),
    ),
  );
}

const SIGNED_IN = FUZZ_ROLES.filter((r): r is Exclude<FuzzRole, 'anonymous'> => r !== 'anonymous');

export function socketCase(target: SocketTarget): fc.Arbitrary<SocketCase> {
  const shaped = arbitraryFor(target.request);
  const payload = fc.oneof(shaped.map((v) => ({ payload: toJsonText(v), hostile: false })), hostileFrom(shaped).map((p) => ({ payload: p, hostile: true })));
  return printable(fc.record({ role: fc.constantFrom(...SIGNED_IN), payload }).map(({ role, payload: p }): SocketCase => ({ kind: 'socket', name: target.name, role, ...p })));
}

/** The URL a case calls, with its params resolved against what exists now. */
export function urlOf(c: HttpCase, harvested: readonly string[], teamIds: readonly string[]): string {
  const path = c.route.slice(c.route.indexOf(' ') + 1);
  const params: Record<string, string> = {};
  for (const [name, pick] of Object.entries(c.params)) {
    if (pick.from === 'raw' || pick.from === 'verbatim') params[name] = pick.value;
    else if (pick.from === 'team') params[name] = teamIds[pick.index % teamIds.length] ?? 'none';
    else params[name] = harvested.length ? (harvested[pick.index % harvested.length] as string) : 'none';
  }
  // fillPath encodes every value; a verbatim one goes back in as it was written.
  let url = fillPath(path, params);
  for (const pick of Object.values(c.params)) if (pick.from === 'verbatim') url = url.replace(encodeURIComponent(pick.value), pick.value);
  return `${url}${c.query}`;
}

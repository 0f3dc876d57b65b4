import express, { Router, type Request, type RequestHandler } from 'express';
import { LoginThrottle } from '../auth/login-throttle';
import { DomainError } from '../errors';
import { clientIp } from '../http/auth-middleware';
import { Intake, invalid, receiveOsmand, type IngestDeps } from './intake';
import { parseOwntracks } from './owntracks';

export type { IngestDeps };

const BODY_LIMIT = '64kb';

/** The body parsers ingest needs, mounted on its routes only. */
export const ingestBodyParsers = (): RequestHandler[] => [
  express.urlencoded({ extended: false, limit: BODY_LIMIT }),
  express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }),
];

const asyncHandler =
  (fn: (req: Request, res: express.Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

/** OsmAnd / Traccar Client, GET or POST; reused by the dedicated OsmAnd port. */
export function osmandHandler(deps: IngestDeps): RequestHandler {
  const intake = new Intake(deps);
  return asyncHandler(async (req, res) => {
    await receiveOsmand(intake, deps.devices, { query: req.query, body: req.body, contentType: req.get('content-type') }, clientIp(req));
    res.status(200).end();
  });
}

/**
 * OwnTracks HTTP mode. The device is who its HTTP Basic credentials say, never its `tid`. Wrong passwords
 * are throttled like sign-ins (each new one costs a scrypt).
 */
export function owntracksHandler(deps: IngestDeps, passwords = new LoginThrottle()): RequestHandler {
  const intake = new Intake(deps);
  return asyncHandler(async (req, res) => {
    const now = intake.now();
    const credentials = basicCredentials(req.get('authorization'));
    if (!credentials) {
      res.set('WWW-Authenticate', 'Basic realm="Tidewatch", charset="UTF-8"');
      throw new DomainError('UNAUTHENTICATED', 'Set the device user name and password in OwnTracks.');
    }
    const limitUser = req.get('x-limit-u');
    if (limitUser !== undefined && limitUser !== credentials.user) throw new DomainError('FORBIDDEN', 'X-Limit-U does not match the signed-in device.');
    const attempt = await passwords.begin(`owntracks:${credentials.user}`, clientIp(req) ?? 'unknown');
    const identity = await deps.devices.resolveOwntracks(credentials.user, credentials.password);
    if (!identity) {
      await attempt.failed();
      throw intake.unknown(clientIp(req), 'owntracks');
    }
    await attempt.succeeded();
    const parsed = parseOwntracks(req.body, now);
    if (!parsed.ok) throw invalid(parsed.error);
    if (parsed.fix) intake.take(identity, parsed.fix, now);
    res.status(200).json([]);
  });
}


export function basicCredentials(header: string | undefined): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** `GET|POST /ingest/osmand` and `POST /ingest/owntracks`, with their own body parsers. */
export function ingestRoutes(deps: IngestDeps): Router {
  const router = Router();
  const parsers = ingestBodyParsers();
  const osmand = osmandHandler(deps);
  router.get('/ingest/osmand', osmand);
  router.post('/ingest/osmand', ...parsers, osmand);
  router.post('/ingest/owntracks', ...parsers, owntracksHandler(deps));
  return router;
}

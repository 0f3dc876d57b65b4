import express, { Router, type Request, type RequestHandler } from 'express';
import { LoginThrottle } from '../auth/login-throttle';
import { DomainError } from '../errors';
import { clientIp } from '../http/auth-middleware';
import { Intake, receiveOsmand, type IngestDeps } from './intake';
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
 * OwnTracks HTTP mode. The device is who its HTTP Basic credentials say, never its `tid` nor its
 * X-Limit-U / X-Limit-D headers, which are labels (the iOS app sends the literal "user" there when its
 * user ID field is empty). The body is read as JSON whatever the Content-Type (the booklet's own curl
 * test sends it as a form), and a known device gets 2xx for anything: the iOS app deletes a message with
 * a popup on any 4xx. Wrong passwords are throttled like sign-ins (each new one costs a scrypt).
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
    const attempt = await passwords.begin(`owntracks:${credentials.user}`, clientIp(req) ?? 'unknown');
    const identity = await deps.devices.resolveOwntracks(credentials.user, credentials.password);
    if (!identity) {
      await attempt.failed();
      throw intake.unknown(clientIp(req), 'owntracks');
    }
    await attempt.succeeded();
    const text = typeof req.body === 'string' ? req.body : '';
    if (text.trim() === '') {
      // An empty POST (the apps' connection test): the device is heard, nothing else.
      intake.heard(identity, now);
      res.status(200).json([]);
      return;
    }
    const parsed = parseOwntracks(jsonOrText(text), now);
    if (!parsed.ok) intake.unreadable(identity, parsed.error, now);
    else if (parsed.fix) await intake.take(identity, parsed.fix, now);
    else intake.heard(identity, now);
    res.status(200).json([]);
  });
}

const jsonOrText = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export function basicCredentials(header: string | undefined): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** `GET|POST /ingest/osmand` and `POST /ingest/owntracks`, with their own body parsers. */
export function ingestRoutes(deps: IngestDeps, devicePasswords = new LoginThrottle()): Router {
  const router = Router();
  const parsers = ingestBodyParsers();
  const osmand = osmandHandler(deps);
  router.get('/ingest/osmand', osmand);
  router.post('/ingest/osmand', ...parsers, osmand);
  // Any Content-Type, or none: OwnTracks' body is JSON however it is labelled.
  router.post('/ingest/owntracks', express.text({ type: () => true, limit: BODY_LIMIT }), owntracksHandler(deps, devicePasswords));
  return router;
}

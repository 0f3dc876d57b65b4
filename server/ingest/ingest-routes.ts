import express, { Router, type Request, type RequestHandler } from 'express';
import type { DeviceIdentity, DeviceService } from '../devices/device-service';
import { DomainError } from '../errors';
import { clientIp } from '../http/auth-middleware';
import type { Logger } from '../logger';
import type { PositionHub } from '../positions/position-hub';
import { checkFix } from '../positions/plausibility';
import type { FixFields, ParseIssue } from './fields';
import { parseOsmand } from './osmand';
import { parseOwntracks } from './owntracks';

export interface IngestDeps {
  devices: DeviceService;
  hub: PositionHub;
  logger: Logger;
  clock?: () => number;
}

const BODY_LIMIT = '64kb';
const UNKNOWN_LOG_EVERY_MS = 60_000;

/** The body parsers ingest needs, mounted on its routes only. */
export const ingestBodyParsers = (): RequestHandler[] => [
  express.urlencoded({ extended: false, limit: BODY_LIMIT }),
  express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }),
];

/**
 * Shared by both protocols. A known device gets 200 for a well-formed fix even when it is dropped
 * as out of range or implausible: Traccar Client resends a refused fix before any newer one, so
 * refusing it (a wrong phone clock, say) would stall the device for good. Drops are counted on
 * the device for the admin instead. A request that cannot be read at all (no device id, a
 * position that is not a number, no OwnTracks `_type`) gets 400.
 */
class Intake {
  private readonly clock: () => number;
  private readonly unknownLoggedAt = new Map<string, number>();

  constructor(private readonly deps: IngestDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  now(): number {
    return this.clock();
  }

  take(identity: DeviceIdentity, fields: FixFields, nowMs: number): void {
    const { fix, reason } = checkFix({ ...fields, teamId: identity.teamId, deviceId: identity.deviceId }, nowMs);
    if (!fix) {
      this.drop(identity, reason);
      return;
    }
    this.deps.hub.accept(fix);
    this.deps.devices.noteSeen(identity.deviceId, nowMs);
  }

  private drop(identity: DeviceIdentity, reason: string): void {
    this.deps.devices.noteRejected(identity.deviceId, reason);
    this.deps.logger.debug({ deviceId: identity.deviceId, reason }, 'fix dropped');
  }

  /** Never logs the credential; one line per address a minute, as an unregistered phone retries forever. */
  unknown(req: Request, protocol: string): DomainError {
    const address = clientIp(req) ?? 'unknown';
    const now = this.clock();
    const last = this.unknownLoggedAt.get(address);
    if (last === undefined || now - last >= UNKNOWN_LOG_EVERY_MS) {
      if (this.unknownLoggedAt.size > 10_000) this.unknownLoggedAt.clear();
      this.unknownLoggedAt.set(address, now);
      this.deps.logger.warn({ protocol, remoteAddress: address }, 'position from an unknown or revoked device refused');
    }
    return new DomainError('UNKNOWN_DEVICE');
  }
}

const asyncHandler =
  (fn: (req: Request, res: express.Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

/** OsmAnd / Traccar Client, GET or POST; reused by the dedicated OsmAnd port. */
export function osmandHandler(deps: IngestDeps): RequestHandler {
  const intake = new Intake(deps);
  return asyncHandler(async (req, res) => {
    const now = intake.now();
    const parsed = parseOsmand({ query: req.query, body: req.body, contentType: req.get('content-type') }, now);
    if (!parsed.ok) throw invalid(parsed.error);
    const identity = await deps.devices.resolveOsmand(parsed.key);
    if (!identity) throw intake.unknown(req, 'osmand');
    for (const fields of parsed.fixes) intake.take(identity, fields, now);
    res.status(200).end();
  });
}

/** OwnTracks HTTP mode. The device is who its HTTP Basic credentials say, never its `tid`. */
export function owntracksHandler(deps: IngestDeps): RequestHandler {
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
    const identity = await deps.devices.resolveOwntracks(credentials.user, credentials.password);
    if (!identity) throw intake.unknown(req, 'owntracks');
    const parsed = parseOwntracks(req.body, now);
    if (!parsed.ok) throw invalid(parsed.error);
    if (parsed.fix) intake.take(identity, parsed.fix, now);
    res.status(200).json([]);
  });
}

const invalid = (issue: ParseIssue): DomainError => new DomainError('VALIDATION_FAILED', undefined, [issue]);

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

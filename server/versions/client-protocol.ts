import { Router } from 'express';
import { ALLOWED_WHEN_OUTDATED, PROTOCOL_HEADER, clientProtocolOf } from '../../shared/protocol';
import type { ClientRequestName } from '../../shared/socket';
import { DomainError } from '../errors';

/** Whether a client speaking `protocol` is too old for new work. */
export const isOutdated = (protocol: unknown, minProtocol: number): boolean => clientProtocolOf(protocol) < minProtocol;

/** A too-old socket may still resync and drain its outbox; anything else is refused. */
export function assertAllowedFor(outdated: boolean, request: ClientRequestName): void {
  if (outdated && !ALLOWED_WHEN_OUTDATED.has(request)) throw new DomainError('CLIENT_OUTDATED');
}

/**
 * Refuses HTTP writes from a client older than `minProtocol` (it names its protocol in a header; none
 * means a client from before versions). Reads stay open, and so does signing in and out: a tablet that
 * must sign in again still gets to drain its outbox over the socket.
 */
export function protocolGate(minProtocol: number): Router {
  // Mounted at the root, ahead of every API router (photo uploads are mounted outside /api's own router).
  return Router().use('/api', (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.path.startsWith('/auth/')) return next();
    if (isOutdated(req.get(PROTOCOL_HEADER), minProtocol)) return next(new DomainError('CLIENT_OUTDATED'));
    next();
  });
}

import { Router, type Request, type Response } from 'express';
import type { Ack } from '../../shared/ack';
import type { ErrorCode } from '../../shared/errors';
import { DomainError } from '../errors';
import type { Logger } from '../logger';
import type { TidewatchSocket } from '../realtime/types';
import type { VideoSignaling } from './video-sockets';

const TIMEOUT_MS = 10_000;

const tokenOf = (socket: TidewatchSocket): string => String((socket.handshake.auth as { token?: unknown }).token ?? '');

/**
 * An instance without the relay, in a cluster with one media node (`VIDEO_MEDIA_URL`): its sockets' video
 * requests go to the media node's `video/signal` route with the socket's own session, so the media node checks
 * who asks exactly as for its own sockets; its answers (and its refusals, code for code) go back in the ack.
 */
export function mediaNodeSignaling(mediaUrl: string, logger: Logger): VideoSignaling {
  const post = async (socket: TidewatchSocket, body: unknown): Promise<unknown> => {
    let res: globalThis.Response;
    try {
      res = await fetch(new URL('/api/video/signal', mediaUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenOf(socket)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      logger.warn({ err, mediaUrl }, 'the media node did not answer a video request');
      throw new DomainError('VIDEO_UNAVAILABLE');
    }
    const answer = (await res.json().catch(() => null)) as Ack<unknown> | null;
    if (answer?.ok) return answer.data;
    if (answer && !answer.ok) throw new DomainError(answer.error.code as ErrorCode, answer.error.message, answer.error.details);
    throw new DomainError('VIDEO_UNAVAILABLE');
  };
  return {
    signal: (socket, name, request) => post(socket, { peerId: socket.id, name, request }) as never,
    leave: (socket) => void post(socket, { peerId: socket.id, name: 'video:leave', request: null }).catch(() => undefined),
  };
}

/**
 * The camera routes of an instance without the relay, passed through to the media node as they came (the
 * list carries the media node's live camera states; registering a camera there starts its ingest there).
 */
export function mediaNodeRoutes(mediaUrl: string, logger: Logger): Router {
  const router = Router();
  const forward = async (req: Request, res: Response): Promise<void> => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== undefined;
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const name of ['authorization', 'user-agent'] as const) if (req.headers[name]) headers[name] = req.headers[name];
    if (hasBody) headers['content-type'] = 'application/json';
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
    try {
      const answer = await fetch(new URL(req.originalUrl, mediaUrl), { method: req.method, headers, body: hasBody ? JSON.stringify(req.body) : undefined, signal: AbortSignal.timeout(TIMEOUT_MS) });
      res.status(answer.status).type(answer.headers.get('content-type') ?? 'application/json').send(Buffer.from(await answer.arrayBuffer()));
    } catch (err) {
      logger.warn({ err, mediaUrl }, 'the media node did not answer a camera request');
      throw new DomainError('VIDEO_UNAVAILABLE');
    }
  };
  router.use(['/cameras', '/video'], (req, res, next) => void forward(req, res).catch(next));
  return router;
}

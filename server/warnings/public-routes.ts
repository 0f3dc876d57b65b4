import { randomBytes } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { inMemoryLimiters, type LimiterFactory } from '../cluster/rate-limiters';
import { z } from 'zod';
import { PhotoUploadSchema } from '../../shared/schemas/incident-record';
import { DomainError } from '../errors';
import type { AttachmentFiles } from '../incidents/attachment-files';
import { handle } from '../http/respond';
import { parseInput } from '../validation';
import { answerPageHtml } from './ack/answer-page';
import type { RecipientService } from './ack/recipient-service';
import { atomFeed } from './cap/atom-feed';
import type { WarningService } from './warning-service';

export interface PublicWarningDeps {
  warnings: WarningService;
  recipients: RecipientService;
  photos: AttachmentFiles;
  /** List exercises in the feed too. */
  feedExercises: boolean;
  /** The feed's own address, when PUBLIC_BASE_URL is set; else taken from the request. */
  publicBaseUrl: string | null;
  feedTitle: string;
  sender: string;
  clock: () => number;
  /** Shared through Redis in cluster mode. */
  limiters?: LimiterFactory;
}

const AnswerSchema = z.object({ answer: z.enum(['received', 'done']), note: z.string().trim().max(500).default(''), photo: PhotoUploadSchema.optional() }).strict();

/** Per address and per link: plenty for a person tapping twice on a bad network, nothing for a scanner. */
function answerLimits(limiters: LimiterFactory) {
  const byAddress: RateLimiterAbstract = limiters({ name: 'answer-address', points: 60, duration: 60 });
  const byToken: RateLimiterAbstract = limiters({ name: 'answer-link', points: 20, duration: 60 });
  return async (req: Request, token: string): Promise<void> => {
    try {
      await Promise.all([byAddress.consume(req.client?.ip ?? req.ip ?? 'unknown'), byToken.consume(token)]);
    } catch {
      throw new DomainError('RATE_LIMITED');
    }
  };
}

const tokenOf = (req: Request): string => String(req.params.token ?? '');

const privatePage = (res: Response) => {
  res.setHeader('Cache-Control', 'no-store');
  // The token is in the address: never send it on as a referrer.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Robots-Tag', 'noindex');
};

/**
 * What needs no sign-in: the public CAP feed (current alerts; exercises only when configured) and each
 * recipient's answer page behind their personal link.
 */
export function publicWarningRoutes(deps: PublicWarningDeps): Router {
  const router = Router();
  const limit = answerLimits(deps.limiters ?? inMemoryLimiters);
  const base = (req: Request) => deps.publicBaseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;

  router.get('/cap/alerts.atom', handle(async (req, res) => {
    const current = await deps.warnings.current(deps.feedExercises);
    res.setHeader('Content-Type', 'application/atom+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.send(atomFeed(base(req), deps.feedTitle, deps.sender, current.map((c) => c.warning), new Date(deps.clock()).toISOString()));
  }));

  router.get(/^\/cap\/alerts\/([^/]{1,200})\.xml$/, handle(async (req, res) => {
    const identifier = decodeURIComponent((req.params as Record<string, string>)[0] ?? '');
    const found = await deps.warnings.byIdentifier(identifier);
    if (!found || (found.warning.exercise && !deps.feedExercises)) throw new DomainError('NOT_FOUND', 'No such alert.');
    res.setHeader('Content-Type', 'application/cap+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.send(found.xml);
  }));

  router.get('/w/:token', handle(async (req, res) => {
    privatePage(res);
    await limit(req, tokenOf(req));
    const nonce = randomBytes(16).toString('base64');
    let html: string;
    try {
      html = answerPageHtml(await deps.recipients.open(tokenOf(req)), nonce);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'NOT_FOUND') throw error;
      res.status(404).type('html').send('<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><p>链接无效。请联系县防指值班室。</p>');
      return;
    }
    res.setHeader('Content-Security-Policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'`);
    res.type('html').send(html);
  }));

  router.post('/w/:token/answer', express.json({ limit: '3mb' }), handle(async (req, res) => {
    privatePage(res);
    await limit(req, tokenOf(req));
    const body = parseInput(AnswerSchema, req.body);
    const stored = body.photo ? await deps.photos.store(body.photo) : null;
    try {
      const page = await deps.recipients.answer(tokenOf(req), body.answer, body.note, stored ? { file: `${stored.sha256}.${stored.mime === 'image/png' ? 'png' : 'jpg'}` } : null);
      if (stored) await deps.photos.release(stored, false);
      return { state: page.state, recipient: page.recipient };
    } catch (error) {
      if (stored) await deps.photos.release(stored, true);
      throw error;
    }
  }));
  return router;
}

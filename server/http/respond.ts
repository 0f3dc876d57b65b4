import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ERROR_CATALOGUE } from '../../shared/errors';
import type { Ack } from '../../shared/ack';
import { DomainError } from '../errors';

/** Wraps a handler whose result is sent as `{ ok: true, data }`; thrown errors go to the error handler. */
export const handle =
  <T>(fn: (req: Request, res: Response) => Promise<T> | T): RequestHandler =>
  async (req, res, next) => {
    try {
      const data = await fn(req, res);
      if (!res.headersSent) res.json({ ok: true, data: data ?? null } satisfies Ack<unknown>);
    } catch (error) {
      next(error);
    }
  };

/** The one place domain errors become HTTP statuses and envelopes; anything else is a logged 500. */
export function toAckError(error: unknown, log: Logger): { status: number; body: Ack<never> } {
  if (error instanceof DomainError) {
    const status = ERROR_CATALOGUE[error.code].status;
    return { status, body: { ok: false, error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } } };
  }
  const bodyError = bodyParserError(error);
  if (bodyError) return bodyError;
  log.error({ err: error }, 'unexpected error');
  return { status: 500, body: { ok: false, error: { code: 'INTERNAL', message: ERROR_CATALOGUE.INTERNAL.message } } };
}

function bodyParserError(error: unknown): { status: number; body: Ack<never> } | null {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' } } };
  }
  if (type === 'entity.too.large') {
    return { status: 413, body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: ERROR_CATALOGUE.PAYLOAD_TOO_LARGE.message } } };
  }
  // Express and body-parser mark what the client got wrong with a 4xx status: a path param that is not valid
  // percent-encoding, a gzip/br/deflate body that does not decompress. The client's fault, not a 500.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', message: 'The request could not be read.' } } };
  }
  return null;
}

export const errorHandler =
  (log: Logger) =>
  (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const { status, body } = toAckError(error, log);
    if (res.headersSent) return;
    res.status(status).json(body);
  };

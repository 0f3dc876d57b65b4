import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Ack } from '../../shared/ack';
import { toAckError } from '../error-mapper';

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

export const errorHandler =
  (log: Logger) =>
  (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const { status, body } = toAckError(error, log);
    if (res.headersSent) return;
    res.status(status).json(body);
  };

import type { Logger } from 'pino';
import type { Ack } from '../shared/ack';
import { ERROR_CATALOGUE, type ErrorCode } from '../shared/errors';
import { isStoreUnavailable } from './db/store-unavailable';
import { DomainError } from './errors';
import { UnexpectedErrorLog } from './unexpected-errors';

const unexpected = new UnexpectedErrorLog();

/**
 * The one place errors become an ack envelope and its HTTP status, for HTTP answers, socket acks and device
 * ingest alike: domain errors by the catalogue; a client error raised by Express or its parsers (bad JSON, bad
 * encoding, a body too large, a missing static file) keeps its 4xx; a database out of reach is a 503 STORE_UNAVAILABLE
 * (nothing was stored: send it again); anything else is a 500, logged once.
 */
export function toAckError(error: unknown, log: Logger): { status: number; body: Ack<never> } {
  if (error instanceof DomainError) {
    const status = ERROR_CATALOGUE[error.code].status;
    return { status, body: { ok: false, error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } } };
  }
  if (isStoreUnavailable(error)) {
    return { status: 503, body: { ok: false, error: { code: 'STORE_UNAVAILABLE', message: ERROR_CATALOGUE.STORE_UNAVAILABLE.message } } };
  }
  const clientError = httpClientError(error);
  if (clientError) return clientError;
  unexpected.report(log, error);
  return { status: 500, body: { ok: false, error: { code: 'INTERNAL', message: ERROR_CATALOGUE.INTERNAL.message } } };
}

const STATUS_CODES: Record<number, ErrorCode> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE' };

/** An http-errors 4xx (body-parser, serve-static, send); its own message may name files, so it is not echoed. */
function httpClientError(error: unknown): { status: number; body: Ack<never> } | null {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' } } };
  }
  if (type === 'entity.too.large') return statusAnswer(413);
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 499) return null;
  return statusAnswer(status);
}

function statusAnswer(status: number): { status: number; body: Ack<never> } {
  const code = STATUS_CODES[status] ?? 'VALIDATION_FAILED';
  return { status, body: { ok: false, error: { code, message: ERROR_CATALOGUE[code].message } } };
}

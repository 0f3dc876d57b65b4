import type { Logger } from 'pino';
import type { Ack } from '../shared/ack';
import { ERROR_CATALOGUE } from '../shared/errors';
import { DomainError } from './errors';

/**
 * The one place errors become an ack envelope and its HTTP status, for HTTP answers, socket acks and device
 * ingest alike: domain errors by the catalogue, body-parser failures as 400/413, anything else a logged 500.
 */
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
  return null;
}

import type { ErrorCode } from '@shared/errors';
import { ERROR_CODES } from '@shared/errors';
import { reportOutdated } from '../versions/outdatedSignal';

/**
 * Server codes plus the ones the client itself produces: no answer arrived, or an answer that does not match
 * its route contract (`BAD_ANSWER`).
 */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'TIMEOUT' | 'OFFLINE' | 'BAD_ANSWER';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number | null;
  readonly details: unknown;

  constructor(code: ClientErrorCode, message: string, status: number | null = null, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/** Builds an ApiError from whatever an `{ok:false}` envelope carried, tolerating unknown codes. */
export function apiErrorFrom(error: unknown, status: number | null = null): ApiError {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  const code = typeof e.code === 'string' && KNOWN_CODES.has(e.code) ? (e.code as ErrorCode) : 'INTERNAL';
  const message = typeof e.message === 'string' ? e.message : code;
  // Every answer of the server passes here: a "too old" one starts the reload (see versions/).
  if (code === 'CLIENT_OUTDATED') reportOutdated();
  return new ApiError(code, message, status, e.details);
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

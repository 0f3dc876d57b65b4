import { ERROR_CATALOGUE, type ErrorCode } from '../shared/errors';

/**
 * A failure the user can act on. Services throw these; the HTTP and socket layers map them to
 * status codes and ack errors in one place. `message` is safe to show; internals never go in it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found.`);
export const forbidden = (message?: string) => new DomainError('FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new DomainError('CONFLICT', message, details);

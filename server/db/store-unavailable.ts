/**
 * Whether an error means the database could not be reached (refused, cut off, timed out, restarting) rather than
 * that it refused the statement. The error mapper turns these into STORE_UNAVAILABLE: the client learns that
 * nothing was saved and sends the same action again, where it may reach an instance that can store it.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // SQLSTATE class 08: connection exception; 57P01–57P03: the server is shutting down or starting.
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
  }
  return PG_CLIENT_MESSAGES.some((m) => error.message.includes(m));
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** What node-postgres says (without a code) when a connection could not be made or was lost mid-query. */
const PG_CLIENT_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
];

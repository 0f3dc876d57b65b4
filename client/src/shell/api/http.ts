import type { Ack } from '@shared/ack';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/protocol';
import { ApiError, apiErrorFrom } from './apiError';

export { ApiError, isApiError, type ClientErrorCode } from './apiError';

type TokenProvider = () => string | null;
type UnauthenticatedHandler = () => void;

let tokenProvider: TokenProvider = () => null;
let onUnauthenticated: UnauthenticatedHandler = () => {};

/** The session store registers itself here, so this module never imports a store. */
export function configureHttp(options: { token: TokenProvider; onUnauthenticated: UnauthenticatedHandler }): void {
  tokenProvider = options.token;
  onUnauthenticated = options.onUnauthenticated;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Login must not trigger the "session ended" flow on a 401. */
  skipAuthHandling?: boolean;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function apiRequest<T>(method: HttpMethod, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  const token = tokenProvider();
  if (token) headers.Authorization = `Bearer ${token}`;
  // A Blob (a file such as a CSV upload) goes as its own bytes; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError('NETWORK_ERROR', (e as Error)?.message ?? 'network error');
  }

  let envelope: Ack<T> | null = null;
  try {
    envelope = (await response.json()) as Ack<T>;
  } catch {
    envelope = null;
  }

  if (envelope && envelope.ok === true && response.ok) return envelope.data;

  const error =
    envelope && envelope.ok === false
      ? apiErrorFrom(envelope.error, response.status)
      : new ApiError(response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL', `HTTP ${response.status}`, response.status);
  if (error.code === 'UNAUTHENTICATED' && !options.skipAuthHandling) onUnauthenticated();
  throw error;
}

/** A file the server sends (a CSV export), fetched with the session's token; refusals throw like apiRequest. */
export async function downloadFile(path: string): Promise<Blob> {
  const token = tokenProvider();
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (e) {
    throw new ApiError('NETWORK_ERROR', (e as Error)?.message ?? 'network error');
  }
  if (response.ok) return response.blob();
  const envelope = (await response.json().catch(() => null)) as Ack<never> | null;
  const error = envelope && envelope.ok === false ? apiErrorFrom(envelope.error, response.status) : new ApiError(response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL', `HTTP ${response.status}`, response.status);
  if (error.code === 'UNAUTHENTICATED') onUnauthenticated();
  throw error;
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, body, options),
  delete: <T = unknown>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, undefined, options),
};

import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/ack';
import type { DomainEvent } from '../../shared/schemas/event';
import { fromLivePosition, type LatestPosition } from '../../shared/schemas/position';
import type { ClientRequestName, ClientToServerEvents, RequestOf, ResponseOf, ServerToClientEvents } from '../../shared/socket';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A board or tablet client as the browser runs it: connects with the session token, records pushes. */
export class TestClient {
  readonly socket: ClientSocket;
  readonly events: DomainEvent[] = [];
  readonly positions: LatestPosition[] = [];
  ended: string | null = null;

  /** `auth`: more handshake fields, e.g. the client's `protocol` (shared/protocol.ts). */
  constructor(baseUrl: string, token: string, auth: Record<string, unknown> = {}) {
    this.socket = io(baseUrl, { auth: { ...auth, token }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.on('sync:event', (event) => this.events.push(event));
    this.socket.on('positions:batch', (batch) => this.positions.push(...batch.map(fromLivePosition)));
    this.socket.on('session:ended', ({ reason }) => (this.ended = reason));
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  request<K extends ClientRequestName>(name: K, payload: RequestOf<K>): Promise<Ack<ResponseOf<K>>> {
    const emit = this.socket.timeout(10_000).emitWithAck as unknown as (n: K, p: RequestOf<K>) => Promise<Ack<ResponseOf<K>>>;
    return emit.call(this.socket.timeout(10_000), name, payload);
  }

  /** Sends a raw, unvalidated payload, as a buggy or hostile client would. */
  rawRequest(name: string, payload: unknown): Promise<Ack<unknown>> {
    return (this.socket.timeout(10_000) as unknown as { emitWithAck(n: string, p: unknown): Promise<Ack<unknown>> }).emitWithAck(name, payload);
  }

  close(): void {
    this.socket.close();
  }
}

export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const TEAM_INPUT = {
  name: '测试救援队',
  kind: 'township',
  leader: '王五',
  phone: '13800000000',
  headcount: 12,
  capabilities: ['排涝'],
  baseName: '丹西街道应急站',
  base: { lat: 29.4431, lon: 121.8712 },
  township: '丹西街道',
};

export interface HttpResult<T = unknown> {
  status: number;
  body: Ack<T>;
}

/** JSON over HTTP with an optional bearer token; returns the status and the parsed envelope. */
export function httpClient(baseUrl: string, token?: string) {
  const call = async <T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Ack<T>) : ({ ok: true, data: null } as Ack<T>) };
  };
  return {
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body ?? {}, headers),
    put: <T = unknown>(path: string, body: unknown) => call<T>('PUT', path, body),
    patch: <T = unknown>(path: string, body: unknown) => call<T>('PATCH', path, body),
    delete: <T = unknown>(path: string) => call<T>('DELETE', path),
  };
}

/** The data of a successful envelope; fails the test with the error otherwise. */
export function dataOf<T>(result: HttpResult<T>): T {
  if (!result.body.ok) throw new Error(`expected success, got ${result.status} ${JSON.stringify(result.body.error)}`);
  return result.body.data;
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  return dataOf(await httpClient(baseUrl).post<{ token: string }>('/api/auth/login', { username, password })).token;
}

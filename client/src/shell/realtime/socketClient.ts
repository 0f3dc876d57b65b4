import { io, type Socket } from 'socket.io-client';
import type { Ack } from '@shared/ack';
import type { ClientRequestName, ClientToServerEvents, PushOf, RequestOf, ResponseOf, ServerToClientEvents } from '@shared/socket';
import type { SyncResult } from '@shared/schemas/sync';
import { ApiError, apiErrorFrom } from '../api/apiError';
import { PROTOCOL_VERSION } from '@shared/protocol';
import type { ConnectionState } from '../connectionStore';
import { backoffDelay, RECONNECT_BACKOFF } from '@shared/backoff';
import type { SyncSession } from './syncSession';
import { fromLivePosition } from '@shared/schemas/position';

export const REQUEST_TIMEOUT_MS = 10_000;
export const HELLO_TIMEOUT_MS = 15_000;

export type SessionEndedReason = PushOf<'session:ended'>['reason'];

export interface ConnectionPort {
  setState(state: ConnectionState): void;
  noteAttempt(attempt: number): void;
  noteSynced(seq: number | null): void;
  noteError(message: string): void;
}

export interface RealtimeClientOptions {
  token: () => string | null;
  sync: SyncSession;
  connection: ConnectionPort;
  onSessionEnded: (reason: SessionEndedReason) => void;
  /** Called when the server refused the socket; checks the token over HTTP (a 401 ends the session). */
  verifySession: () => Promise<void>;
  onSynced?: (mode: SyncResult['mode']) => void;
  /** A tablet's team dispatches, re-pushed after every connect until one of its tablets confirms receipt. */
  onDispatchPending?: (payload: PushOf<'dispatch:pending'>) => void;
  /** The socket dropped: the server has freed what this connection held (the video relay's peer). */
  onDisconnected?: () => void;
  onCameraStatus?: (status: PushOf<'video:camera_status'>) => void;
  onConsumerClosed?: (payload: PushOf<'video:consumer_closed'>) => void;
  /** Gauge states that changed (coalesced by the server); reloaded whole after every sync. */
  onStationStates?: (states: PushOf<'stations:batch'>) => void;
}

export interface RealtimeClient {
  connect(): void;
  stop(): void;
  request<K extends ClientRequestName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>>;
}

type TypedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type UntypedAckEmitter = { emitWithAck(ev: string, payload: unknown): Promise<Ack<unknown>> };

export function createRealtimeClient(options: RealtimeClientOptions): RealtimeClient {
  const { sync, connection } = options;
  const socket: TypedSocket = io({
    autoConnect: false,
    // Never reuse a cached manager: a new login must not inherit the old socket and its auth.
    forceNew: true,
    transports: ['websocket'],
    // A function, so every reconnect presents the current token.
    auth: (cb) => cb({ token: options.token(), protocol: PROTOCOL_VERSION }),
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: RECONNECT_BACKOFF.baseMs,
    reconnectionDelayMax: RECONNECT_BACKOFF.maxMs,
    randomizationFactor: RECONNECT_BACKOFF.jitter,
    timeout: 10_000,
  });

  let stopped = false;
  let everSynced = false;
  /** Set once an attempt has failed: a tablet opened without signal is offline, not still connecting. */
  let everFailed = false;
  let helloGeneration = 0;
  let retryAttempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const offlineState = (): ConnectionState => (everSynced || everFailed ? 'offline' : 'connecting');

  function clearRetry(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function scheduleRetry(action: () => void): void {
    clearRetry();
    const delay = backoffDelay(retryAttempt++);
    connection.noteAttempt(retryAttempt);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!stopped) action();
    }, delay);
  }

  async function emitAck<T>(name: string, payload: unknown, timeoutMs: number): Promise<T> {
    let ack: Ack<unknown>;
    try {
      ack = await (socket.timeout(timeoutMs) as unknown as UntypedAckEmitter).emitWithAck(name, payload);
    } catch {
      throw new ApiError('TIMEOUT', `${name} timed out`);
    }
    if (!ack || ack.ok !== true) throw apiErrorFrom(ack?.ok === false ? ack.error : null);
    return ack.data as T;
  }

  async function hello(): Promise<void> {
    const generation = ++helloGeneration;
    connection.setState('resyncing');
    const payload = sync.beginHello();
    try {
      const result = await emitAck<SyncResult>('sync:hello', payload, HELLO_TIMEOUT_MS);
      if (stopped || generation !== helloGeneration || !socket.connected) return;
      sync.completeHello(result);
      everSynced = true;
      retryAttempt = 0;
      connection.noteSynced(sync.lastSeq);
      connection.setState('online');
      options.onSynced?.(result.mode);
    } catch (e) {
      if (stopped || generation !== helloGeneration) return;
      sync.abortHello();
      connection.noteError(e instanceof Error ? e.message : String(e));
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') void options.verifySession();
      // Still connected but not in sync: the board must not look live, so retry the hello.
      connection.setState(offlineState());
      scheduleRetry(() => {
        if (socket.connected) void hello();
      });
    }
  }

  /** The server refused or dropped us, so Socket.IO will not retry by itself. */
  function recoverRefused(): void {
    void options.verifySession().finally(() => {
      if (!stopped) scheduleRetry(() => socket.connect());
    });
  }

  socket.on('connect', () => {
    clearRetry();
    void hello();
  });
  socket.on('disconnect', (reason) => {
    helloGeneration++;
    sync.abortHello();
    connection.setState(offlineState());
    options.onDisconnected?.();
    if (!stopped && reason === 'io server disconnect') recoverRefused();
  });
  socket.on('connect_error', (err) => {
    everFailed = true;
    connection.noteError(err.message);
    connection.setState(offlineState());
    if (!stopped && !socket.active) recoverRefused();
  });
  socket.io.on('reconnect_attempt', (attempt) => connection.noteAttempt(attempt));

  socket.on('sync:event', (event) => sync.receiveEvent(event));
  socket.on('positions:batch', (batch) => sync.receivePositions(batch.map(fromLivePosition)));
  socket.on('dispatch:pending', (payload) => options.onDispatchPending?.(payload));
  socket.on('video:camera_status', (status) => options.onCameraStatus?.(status));
  socket.on('video:consumer_closed', (payload) => options.onConsumerClosed?.(payload));
  socket.on('stations:batch', (states) => options.onStationStates?.(states));
  socket.on('session:ended', ({ reason }) => {
    stop();
    options.onSessionEnded(reason);
  });

  function connect(): void {
    stopped = false;
    connection.setState('connecting');
    socket.connect();
  }

  function stop(): void {
    stopped = true;
    helloGeneration++;
    clearRetry();
    sync.abortHello();
    socket.removeAllListeners();
    socket.io.removeAllListeners();
    socket.disconnect();
    connection.setState('offline');
  }

  function request<K extends ClientRequestName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    if (!socket.connected) return Promise.reject(new ApiError('OFFLINE', 'not connected'));
    return emitAck<ResponseOf<K>>(name, payload, REQUEST_TIMEOUT_MS);
  }

  return { connect, stop, request };
}

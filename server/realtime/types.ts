import type { Server, Socket } from 'socket.io';
import type { ClientRequestName, ClientToServerEvents, ServerToClientEvents } from '../../shared/socket';
import type { Principal } from '../auth/principal';

export interface SocketData {
  principal: Principal;
  /** Admits each request of this socket's session (limits in flight and per minute); absent in bare test servers. */
  gate?: (name: ClientRequestName) => Promise<() => void>;
  /** The client speaks a protocol older than the server takes new work from (it may still drain its outbox). */
  outdated: boolean;
}

export type TidewatchServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type TidewatchSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

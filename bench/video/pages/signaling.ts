import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../../shared/ack';
import type { ClientRequestName, ClientToServerEvents, RequestOf, ResponseOf, ServerToClientEvents } from '../../../shared/socket';

const REQUEST_TIMEOUT_MS = 10_000;

/** The page's socket to the server it was loaded from, authenticated the way the client app does it. */
export class Signaling {
  private constructor(private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {}

  static connect(token: string): Promise<Signaling> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new Signaling(socket)));
      socket.once('connect_error', (error) => reject(new Error(`socket refused: ${error.message}`)));
    });
  }

  /** Sends a request and returns its data; a refusal throws with the server's code. */
  async request<K extends ClientRequestName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    const emitter = this.socket.timeout(REQUEST_TIMEOUT_MS) as unknown as { emitWithAck(n: string, p: unknown): Promise<Ack<ResponseOf<K>>> };
    const ack = await emitter.emitWithAck(name, payload);
    if (!ack.ok) throw new Error(`${name} refused: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  }

  close(): void {
    this.socket.close();
  }
}

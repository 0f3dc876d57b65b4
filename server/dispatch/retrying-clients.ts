// Test-only: clients that behave like the real desk and tablet on a bad network: every action has a fixed id
// and is resent until the server acknowledges it, across disconnects and server restarts.
import { io } from 'socket.io-client';
import type { Ack } from '../../shared/ack';
import type { Dispatch } from '../../shared/schemas/dispatch';
import type { ClientRequestName, RequestOf, ResponseOf } from '../../shared/socket';
import type { ClientSocket } from '../testing/int-support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Requests that had to be sent again, across all clients. */
export const resent = { count: 0 };

/** POSTs until an answer arrives (connection refused and resets while the server is down are retried). */
export async function postUntilAnswered<T>(baseUrl: string, token: string, path: string, body: unknown): Promise<Ack<T>> {
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) resent.count++;
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(3_000),
      });
      return (await res.json()) as Ack<T>;
    } catch {
      await sleep(100);
    }
  }
}

/**
 * A tablet that learns its dispatches only from the server (the pending push on every connect, live
 * events, the sync snapshot) and sends each request until it is acknowledged.
 */
export class RetryingTablet {
  readonly socket: ClientSocket;
  /** Active dispatches of the team as last seen, by id. */
  readonly known = new Map<string, Dispatch>();
  connects = 0;

  constructor(baseUrl: string, token: string) {
    this.socket = io(baseUrl, { auth: { token }, transports: ['websocket'], reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 300, forceNew: true });
    this.socket.on('connect', () => {
      this.connects++;
      void this.hello();
    });
    this.socket.on('dispatch:pending', ({ dispatches }) => dispatches.forEach((d) => this.learn(d)));
    this.socket.on('sync:event', (event) => {
      if (event.type === 'dispatch.assigned') this.learn(event.payload.dispatch);
    });
  }

  async send<K extends ClientRequestName>(name: K, payload: RequestOf<K>): Promise<Ack<ResponseOf<K>>> {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) resent.count++;
      if (!this.socket.connected) await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
      try {
        const emit = this.socket.timeout(2_000).emitWithAck as unknown as (n: K, p: RequestOf<K>) => Promise<Ack<ResponseOf<K>>>;
        return await emit.call(this.socket.timeout(2_000), name, payload);
      } catch {
        await sleep(50);
      }
    }
  }

  close(): void {
    this.socket.close();
  }

  private async hello(): Promise<void> {
    const answer = await this.send('sync:hello', { lastSeq: null });
    if (answer.ok && answer.data.mode === 'snapshot') answer.data.snapshot.dispatches.forEach((d) => this.learn(d));
  }

  private learn(dispatch: Dispatch): void {
    if (!this.known.has(dispatch.id)) this.known.set(dispatch.id, dispatch);
  }
}

import { io, type Socket } from 'socket.io-client';
import type { WorkerCommand, WorkerMessage } from './protocol';

/** M board clients that receive position batches and record ingest→client latency. argv[2]: JSON config. */
interface ClientConfig {
  url: string;
  token: string;
  clients: number;
}
const config = JSON.parse(process.argv[2] ?? '{}') as ClientConfig;
const send = (m: WorkerMessage) => process.send?.(m);

let measuring = false;
let measureFrom = 0;
let received = 0;
let latencies: number[] = [];

/**
 * Joins the board like the real client: a refused resync is asked again after a short backoff (all these clients
 * share one session, and the server answers only a few of one session's resyncs at a time: RATE_LIMITED).
 */
function hello(socket: Socket, attempt = 0): void {
  socket.emit('sync:hello', { lastSeq: null }, (ack: { ok?: boolean } | undefined) => {
    if (ack?.ok || !socket.connected) return;
    setTimeout(() => hello(socket, attempt + 1), Math.min(2_000, 100 * 2 ** attempt) * (0.5 + Math.random()));
  });
}

const sockets: Socket[] = Array.from({ length: config.clients }, (_, i) => {
  const socket = io(config.url, { auth: { token: config.token }, transports: ['websocket'], forceNew: true });
  socket.on('connect', () => hello(socket));
  socket.on('positions:batch', (batch: Array<[string, number, number, number]>) => {
    if (!measuring) return;
    const now = Date.now();
    const sample = i % 5 === 0; // every client counts; a fifth of them sample latency, keeping this process light
    for (const [, , , t] of batch) {
      if (t < measureFrom) continue;
      received++;
      if (sample) latencies.push(now - t);
    }
  });
  return socket;
});

process.on('message', (command: WorkerCommand) => {
  if (command.kind === 'start') {
    latencies = [];
    received = 0;
    measureFrom = Date.now() + 2_000; // warm-up
    measuring = true;
    setTimeout(() => {
      measuring = false;
      send({ kind: 'clients-done', received, latencies });
    }, command.durationMs + 500);
  } else {
    for (const s of sockets) s.close();
    process.exit(0);
  }
});

Promise.all(sockets.map((s) => new Promise<void>((resolve) => (s.connected ? resolve() : s.once('connect', () => resolve()))))).then(() => send({ kind: 'ready' }));

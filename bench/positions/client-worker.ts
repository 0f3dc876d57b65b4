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

const sockets: Socket[] = Array.from({ length: config.clients }, (_, i) => {
  const socket = io(config.url, { auth: { token: config.token }, transports: ['websocket'], forceNew: true });
  socket.on('connect', () => socket.emit('sync:hello', { lastSeq: null }, () => undefined));
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

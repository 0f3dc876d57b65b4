import fs from 'node:fs';
import http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import type { WorkerCommand, WorkerMessage } from './protocol';

/**
 * Sends positions from simulated units at a steady total rate: HTTP units speak OsmAnd to the
 * ingest port, socket units report like the field page. Config comes as JSON in argv[2].
 */
interface LoadConfig {
  osmandUrl: string;
  socketUrl: string;
  httpUnits: string[];
  socketTokens: string[];
}
// `@file` for configs too long for one command-line argument (thousands of unit ids: E2BIG).
const arg = process.argv[2] ?? '{}';
const config = JSON.parse(arg.startsWith('@') ? fs.readFileSync(arg.slice(1), 'utf8') : arg) as LoadConfig;
const send = (m: WorkerMessage) => process.send?.(m);
const agent = new http.Agent({ keepAlive: true, maxSockets: 48 });
const osmand = new URL(config.osmandUrl);

const sockets: Socket[] = config.socketTokens.map((token) => io(config.socketUrl, { auth: { token }, transports: ['websocket'], forceNew: true }));
const units: Array<{ kind: 'http'; id: string } | { kind: 'socket'; socket: Socket }> = [
  ...config.httpUnits.map((id) => ({ kind: 'http' as const, id })),
  ...sockets.map((socket) => ({ kind: 'socket' as const, socket })),
];
// Interleave so every rate mixes both kinds in proportion.
units.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'http' ? -1 : 1));
const order = units.map((_, i) => units[(i * 7919) % units.length]!);

let sent = 0;
let failed = 0;
/** Why requests failed, e.g. `http 400`, `ECONNRESET`, `ack VALIDATION_FAILED`: printed so a failure can be told from a bug. */
let reasons: Record<string, number> = {};
const fail = (reason: string) => {
  failed++;
  reasons[reason] = (reasons[reason] ?? 0) + 1;
};
let next = 0;

function sendOne(): void {
  const unit = order[next++ % order.length]!;
  const t = Date.now();
  const lat = 29.3 + Math.random() * 0.3;
  const lon = 121.75 + Math.random() * 0.2;
  sent++;
  if (unit.kind === 'http') {
    const req = http.request({ host: osmand.hostname, port: osmand.port, method: 'POST', agent, path: `/?id=${unit.id}&lat=${lat.toFixed(6)}&lon=${lon.toFixed(6)}&timestamp=${t}&speed=10&bearing=90` }, (res) => {
      if (res.statusCode !== 200) fail(`http ${res.statusCode}`);
      res.resume();
    });
    req.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
    req.end();
  } else {
    unit.socket.emit('position:report', { lat, lon, t, speed: 5, heading: 90, accuracy: 10, altitude: null, battery: 80 }, (res: { ok: boolean; error?: { code: string } }) => {
      if (!res.ok) fail(`ack ${res.error?.code ?? '?'}`);
    });
  }
}

let timer: NodeJS.Timeout | null = null;
process.on('message', (command: WorkerCommand) => {
  if (command.kind === 'start') {
    sent = 0;
    failed = 0;
    reasons = {};
    const started = Date.now();
    timer = setInterval(() => {
      const elapsed = Date.now() - started;
      if (elapsed >= command.durationMs) {
        clearInterval(timer!);
        send({ kind: 'load-done', sent, failed, reasons });
        return;
      }
      const due = Math.floor((elapsed / 1000) * command.rate) - sent;
      for (let i = 0; i < due; i++) sendOne();
    }, 5);
  } else if (command.kind === 'stop') {
    if (timer) clearInterval(timer);
    for (const s of sockets) s.close();
    agent.destroy();
    // What was sent so far, for a runner that stops the load before its duration is over (bench:wall).
    process.send?.({ kind: 'load-done', sent, failed, reasons } satisfies WorkerMessage, () => process.exit(0));
  }
});

Promise.all(sockets.map((s) => new Promise<void>((resolve) => (s.connected ? resolve() : s.once('connect', () => resolve()))))).then(() => send({ kind: 'ready' }));

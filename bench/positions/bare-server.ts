import http from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline: a bare Express-less Socket.IO relay with the same payloads (in and out: the same
 * tuples on the wire) and the same 50 ms coalescing as Tidewatch, but no authentication, validation, persistence or alarms.
 * Started as a child process; prints `READY <port> <osmandPort>`.
 */
type Live = [string, number, number, number, number | null, number | null, number | null, number | null];
const latest = new Map<string, Live>();
const dirty = new Set<string>();

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const q = url.searchParams;
  const id = q.get('id');
  if (id) {
    latest.set(id, [id, Number(q.get('lat')), Number(q.get('lon')), Number(q.get('timestamp')), Number(q.get('speed')) * 0.514444, Number(q.get('bearing')), null, null]);
    dirty.add(id);
  }
  req.resume();
  req.on('end', () => res.end());
});
const io = new Server(server, { serveClient: false });
io.on('connection', (socket) => {
  const teamId = String((socket.handshake.auth as { token?: string }).token ?? socket.id);
  socket.on('position:report', (fix: { lat: number; lon: number; t: number; speed: number | null; heading: number | null; accuracy: number | null; battery: number | null }, ack: (r: unknown) => void) => {
    latest.set(teamId, [teamId, fix.lat, fix.lon, fix.t, fix.speed, fix.heading, fix.accuracy, fix.battery]);
    dirty.add(teamId);
    ack({ ok: true, data: { accepted: true } });
  });
  socket.on('sync:hello', (_p: unknown, ack: (r: unknown) => void) => {
    socket.join('board');
    ack({ ok: true, data: { mode: 'snapshot', positions: [...latest.values()] } });
  });
});
setInterval(() => {
  if (dirty.size === 0) return;
  const batch = [...dirty].map((id) => latest.get(id));
  dirty.clear();
  io.to('board').emit('positions:batch', batch);
}, 50);

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`READY ${port} ${port}`);
});

import http from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline: a bare Express-less Socket.IO relay with the same payloads and the same 50 ms
 * coalescing as Tidewatch, but no authentication, validation, persistence or alarms.
 * Started as a child process; prints `READY <port> <osmandPort>`.
 */
const latest = new Map<string, Record<string, unknown>>();
const dirty = new Set<string>();

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const q = url.searchParams;
  const id = q.get('id');
  if (id) {
    const fix = { teamId: id, deviceId: id, lat: Number(q.get('lat')), lon: Number(q.get('lon')), t: Number(q.get('timestamp')), speed: null, heading: null, accuracy: null, altitude: null, battery: null };
    latest.set(id, fix);
    dirty.add(id);
  }
  req.resume();
  req.on('end', () => res.end());
});
const io = new Server(server, { serveClient: false });
io.on('connection', (socket) => {
  const teamId = String((socket.handshake.auth as { token?: string }).token ?? socket.id);
  socket.on('position:report', (fix: Record<string, unknown>, ack: (r: unknown) => void) => {
    latest.set(teamId, { ...fix, teamId, deviceId: teamId });
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

/**
 * One TCP port that serves both plain HTTP and HTTPS from the same `http.Server` (and so the same Express
 * app and Socket.IO instance). The first byte of each connection decides: 0x16 starts a TLS handshake, so the
 * socket is wrapped in a server-side TLSSocket; anything else is handed over raw.
 */
import type http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';

export interface DualProtocolOptions {
  server: http.Server;
  tls: { cert: Buffer | string; key: Buffer | string };
  port: number;
  host?: string;
  /** How long a new connection may stay silent before its first byte (default 30 s). */
  firstByteTimeoutMs?: number;
}

const TLS_HANDSHAKE = 0x16;

export function listenDualProtocol(opts: DualProtocolOptions): Promise<net.Server> {
  const { server } = opts;
  const secureContext = tls.createSecureContext({ cert: opts.tls.cert, key: opts.tls.key });
  const firstByteTimeoutMs = opts.firstByteTimeoutMs ?? 30_000;
  const pending = new Set<net.Socket>();

  const handOver = (socket: net.Socket) => {
    if (socket.destroyed) return;
    const chunk: Buffer | null = socket.read(1);
    if (chunk === null) {
      socket.once('readable', () => handOver(socket));
      return;
    }
    pending.delete(socket);
    socket.setTimeout(0);
    socket.removeListener('timeout', onTimeout);
    socket.unshift(chunk);
    if (chunk[0] === TLS_HANDSHAKE) {
      const tlsSocket = new tls.TLSSocket(socket, {
        isServer: true,
        secureContext,
        ALPNProtocols: ['http/1.1'],
        requestCert: false,
        rejectUnauthorized: false,
      });
      // Handshake failures (plain port scanners, clients that do not trust us) must not crash the process;
      // the http.Server adds its own error handling once it owns the socket.
      tlsSocket.on('error', () => tlsSocket.destroy());
      tlsSocket.once('close', () => socket.destroy());
      server.emit('connection', tlsSocket);
    } else {
      server.emit('connection', socket);
    }
  };

  function onTimeout(this: net.Socket) {
    this.destroy();
  }

  const netServer = net.createServer((socket) => {
    // A raw socket error (ECONNRESET before or after the hand-over) is handled here and by its owner.
    socket.on('error', () => socket.destroy());
    pending.add(socket);
    socket.once('close', () => pending.delete(socket));
    socket.setTimeout(firstByteTimeoutMs);
    socket.on('timeout', onTimeout);
    handOver(socket);
  });

  // Closing stops accepting connections; connections still waiting for their first byte are dropped at once
  // (the http.Server's own connections are closed by server.closeAllConnections()/closeIdleConnections()).
  const close = netServer.close.bind(netServer);
  netServer.close = ((callback?: (err?: Error) => void) => {
    close(callback);
    for (const socket of pending) socket.destroy();
    pending.clear();
    return netServer;
  }) as typeof netServer.close;

  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    netServer.once('error', onError);
    netServer.listen(opts.port, opts.host, () => {
      netServer.removeListener('error', onError);
      // http.Server starts its connection tracking on 'listening' (needed by closeAllConnections(),
      // closeIdleConnections() and the headersTimeout/requestTimeout checks); it never listens itself here.
      server.emit('listening');
      resolve(netServer);
    });
  });
}

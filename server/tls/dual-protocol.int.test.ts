import http from 'node:http';
import https from 'node:https';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type net from 'node:net';
import nodeNet from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { Server as IoServer } from 'socket.io';
import { io as ioClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTlsMaterial } from './certificates';
import { listenDualProtocol } from './dual-protocol';

const logger = { info() {}, warn() {} };

let dataDir: string;
let ca: Buffer;
let httpServer: http.Server;
let io: IoServer;
let netServer: net.Server;
let port: number;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tidewatch-dual-'));
  const material = await loadTlsMaterial({ dataDir, logger });
  ca = await readFile(material.caCertPath!);

  httpServer = http.createServer((req, res) => {
    const encrypted = Boolean((req.socket as tls.TLSSocket).encrypted);
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ encrypted, bytes: Buffer.concat(chunks).length }));
      });
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ encrypted, path: req.url }));
  });
  io = new IoServer(httpServer, { transports: ['websocket', 'polling'] });
  io.on('connection', (socket) => {
    socket.on('echo', (msg: unknown, ack: (reply: unknown) => void) =>
      ack({ msg, encrypted: Boolean((socket.conn.request.socket as tls.TLSSocket).encrypted) }),
    );
  });
  netServer = await listenDualProtocol({ server: httpServer, tls: material, port: 0, host: '127.0.0.1' });
  port = (netServer.address() as net.AddressInfo).port;
});

afterAll(async () => {
  io?.close();
  await new Promise<void>((resolve) => {
    netServer?.close(() => resolve());
    httpServer?.closeAllConnections();
  });
  await rm(dataDir, { recursive: true, force: true });
});

function request(
  mod: typeof http | typeof https,
  url: string,
  opts: https.RequestOptions & { body?: Buffer } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { agent: false, ...opts }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

function connect(url: string, extra: Record<string, unknown> = {}): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const socket = ioClient(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...extra });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

describe('listenDualProtocol', () => {
  it('serves plain HTTP', async () => {
    const r = await request(http, `http://127.0.0.1:${port}/hello`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ encrypted: false, path: '/hello' });
  });

  it('serves HTTPS with a certificate that verifies against the generated CA', async () => {
    const r = await request(https, `https://127.0.0.1:${port}/secure`, { ca });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ encrypted: true, path: '/secure' });
    const viaName = await request(https, `https://localhost:${port}/named`, { ca });
    expect(JSON.parse(viaName.body)).toEqual({ encrypted: true, path: '/named' });
  });

  it('rejects HTTPS from a client that does not trust the CA, and keeps serving', async () => {
    await expect(request(https, `https://127.0.0.1:${port}/`)).rejects.toThrow(/self.signed|unable to verify|certificate/i);
    const r = await request(http, `http://127.0.0.1:${port}/after`);
    expect(r.status).toBe(200);
  });

  it('carries large request bodies over both protocols', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 7);
    const plain = await request(http, `http://127.0.0.1:${port}/upload`, { method: 'POST', body });
    expect(JSON.parse(plain.body)).toEqual({ encrypted: false, bytes: body.length });
    const secure = await request(https, `https://127.0.0.1:${port}/upload`, { method: 'POST', body, ca });
    expect(JSON.parse(secure.body)).toEqual({ encrypted: true, bytes: body.length });
  });

  it('keeps several requests on one keep-alive connection', async () => {
    for (const [mod, scheme] of [
      [http, 'http'],
      [https, 'https'],
    ] as const) {
      const agent = new mod.Agent({ keepAlive: true, maxSockets: 1, ca } as https.AgentOptions);
      const sockets = new Set<unknown>();
      for (let i = 0; i < 3; i++) {
        const r = await new Promise<string>((resolve, reject) => {
          const req = mod.get(`${scheme}://127.0.0.1:${port}/ka${i}`, { agent }, (res) => {
            sockets.add(res.socket);
            let b = '';
            res.on('data', (c) => (b += c));
            res.on('end', () => resolve(b));
          });
          req.on('error', reject);
        });
        expect(JSON.parse(r).path).toBe(`/ka${i}`);
      }
      expect(sockets.size).toBe(1);
      agent.destroy();
    }
  });

  it('accepts Socket.IO websocket connections over http:// and https://', async () => {
    const plain = await connect(`http://127.0.0.1:${port}`);
    const secure = await connect(`https://127.0.0.1:${port}`, { ca });
    try {
      expect(await plain.timeout(5000).emitWithAck('echo', 'a')).toEqual({ msg: 'a', encrypted: false });
      expect(await secure.timeout(5000).emitWithAck('echo', 'b')).toEqual({ msg: 'b', encrypted: true });
    } finally {
      plain.close();
      secure.close();
    }
  });

  it('accepts Socket.IO long-polling over https://', async () => {
    const s = await connect(`https://127.0.0.1:${port}`, { ca, transports: ['polling'] });
    try {
      expect(await s.timeout(5000).emitWithAck('echo', 'p')).toEqual({ msg: 'p', encrypted: true });
    } finally {
      s.close();
    }
  });

  it('survives connections that close early or send garbage', async () => {
    // Connect and close without a byte; send a TLS record header and hang up; send junk.
    const raw = (bytes?: Buffer) =>
      new Promise<void>((resolve) => {
        const s = nodeNet.connect(port, '127.0.0.1', () => {
          if (bytes) s.write(bytes);
          s.end();
        });
        s.on('error', () => resolve());
        s.on('close', () => resolve());
        s.resume();
      });
    await raw();
    await raw(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5]));
    await raw(Buffer.from('NOT HTTP AT ALL\r\n\r\n'));
    const reset = nodeNet.connect(port, '127.0.0.1', () => reset.resetAndDestroy());
    reset.on('error', () => {});
    await new Promise((r) => setTimeout(r, 100));
    const r = await request(https, `https://127.0.0.1:${port}/still`, { ca });
    expect(JSON.parse(r.body)).toEqual({ encrypted: true, path: '/still' });
  });
});

describe('shutdown', () => {
  it('closes cleanly with open keep-alive and websocket connections on both protocols', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidewatch-dual-close-'));
    const material = await loadTlsMaterial({ dataDir: dir, logger });
    const server = http.createServer((_req, res) => res.end('ok'));
    const sio = new IoServer(server);
    const ns = await listenDualProtocol({ server, tls: material, port: 0, host: '127.0.0.1' });
    const p = (ns.address() as net.AddressInfo).port;
    const caPem = await readFile(material.caCertPath!);
    const clients = [await connect(`http://127.0.0.1:${p}`), await connect(`https://127.0.0.1:${p}`, { ca: caPem })];
    const agents = [new http.Agent({ keepAlive: true }), new https.Agent({ keepAlive: true, ca: caPem })];
    await request(http, `http://127.0.0.1:${p}/`, { agent: agents[0] });
    await request(https, `https://127.0.0.1:${p}/`, { agent: agents[1] });
    // A connection that never sends a byte.
    const silent = nodeNet.connect(p, '127.0.0.1');
    silent.on('error', () => {});
    await new Promise((r) => silent.once('connect', r));

    const started = Date.now();
    sio.close();
    await new Promise<void>((resolve) => {
      ns.close(() => resolve());
      server.closeAllConnections();
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(ns.listening).toBe(false);
    for (const c of clients) c.close();
    for (const a of agents) a.destroy();
    silent.destroy();
    await rm(dir, { recursive: true, force: true });
  });
});

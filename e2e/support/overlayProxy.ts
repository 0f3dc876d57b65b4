/**
 * An HTTP proxy in front of the server that lets a test stand in for another build: it answers chosen
 * paths itself, rewrites text in chosen answers, and passes everything else (WebSockets included) on.
 * Every answer it passes is marked no-store, so a reload fetches what the proxy serves now.
 */
import http from 'node:http';
import net from 'node:net';

export interface Served {
  body: string;
  type: string;
}

export interface OverlayProxy {
  port: number;
  url: string;
  /** Answer this path (no query) with this body, until `unserve`. */
  serve(path: string, served: Served): void;
  unserve(path: string): void;
  /** Replace `from` by `to` in every text answer whose path matches (until `unrewrite`). */
  rewrite(match: RegExp, from: string, to: string): void;
  unrewrite(): void;
  close(): Promise<void>;
}

export async function startOverlayProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<OverlayProxy> {
  const served = new Map<string, Served>();
  let rewrites: Array<{ match: RegExp; from: string; to: string }> = [];
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const own = served.get(path);
    if (own) {
      res.writeHead(200, { 'content-type': own.type, 'cache-control': 'no-store' });
      return void res.end(own.body);
    }
    const active = rewrites.filter((r) => r.match.test(path));
    const upstream = http.request({ host: targetHost, port: targetPort, method: req.method, path: req.url, headers: { ...req.headers, 'accept-encoding': 'identity' } }, (answer) => {
      const headers = { ...answer.headers, 'cache-control': 'no-store' };
      delete headers.etag;
      delete headers['last-modified'];
      if (active.length === 0) {
        res.writeHead(answer.statusCode ?? 502, headers);
        return void answer.pipe(res);
      }
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        let text = Buffer.concat(chunks).toString('utf8');
        for (const r of active) text = text.split(r.from).join(r.to);
        delete headers['content-length'];
        res.writeHead(answer.statusCode ?? 502, headers);
        res.end(text);
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });

  // WebSockets (Socket.IO): the handshake as received, then bytes both ways.
  server.on('upgrade', (req, client: net.Socket, head: Buffer) => {
    const upstream = net.connect(targetPort, targetHost, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    serve: (path, body) => void served.set(path, body),
    unserve: (path) => void served.delete(path),
    rewrite: (match, from, to) => void rewrites.push({ match, from, to }),
    unrewrite: () => void (rewrites = []),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

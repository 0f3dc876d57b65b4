import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, freePort, type ServerHandle } from '../../server/testing/server-process';

export interface Proxy {
  /** The plain-HTTP frontend: boards' and field sockets' Socket.IO. */
  httpUrl: string;
  /** The OsmAnd frontend (round robin over the instances' OsmAnd ports). */
  osmandUrl: string;
  pid: number;
  stop(): Promise<void>;
}

const listening = async (port: number, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`HAProxy did not listen on ${port} within ${timeoutMs} ms`);
};

/**
 * HAProxy from the shipped `scripts/cluster/haproxy.cfg`, filled in as `npm run cluster` does (server lines at its
 * two marks; the TLS frontend gets the first instance's generated certificate).
 */
export async function startHaproxy(instances: ServerHandle[]): Promise<Proxy> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidewatch-bench-haproxy-'));
  const [httpsPort, httpPort, osmandPort] = [await freePort(), await freePort(), await freePort()];
  const lines = (portOf: (i: ServerHandle) => number) => instances.map((instance, n) => `    server tidewatch-${n + 1} 127.0.0.1:${portOf(instance)} check`).join('\n');
  const template = await readFile(path.join(REPO_ROOT, 'scripts', 'cluster', 'haproxy.cfg'), 'utf8');
  const cfg = template.replace('    # @servers tidewatch_osmand', lines((i) => i.osmandPort)).replace('    # @servers tidewatch\n', `${lines((i) => i.port)}\n`);
  const cfgFile = path.join(dir, 'haproxy.cfg');
  const pem = path.join(dir, 'haproxy.pem');
  const tls = path.join(instances[0]!.dataDir, 'tls');
  const [cert, key] = await Promise.all(['server.crt', 'server.key'].map((f) => readFile(path.join(tls, f), 'utf8')));
  await writeFile(pem, `${cert!.trim()}\n${key!.trim()}\n`, { mode: 0o600 });
  await writeFile(cfgFile, cfg);
  let log = '';
  const child: ChildProcess = spawn(process.env.HAPROXY ?? 'haproxy', ['-db', '-f', cfgFile], {
    env: { ...process.env, TW_BIND: '127.0.0.1', TW_PORT: String(httpsPort), TW_HTTP_PORT: String(httpPort), TW_OSMAND_PORT: String(osmandPort), TW_CERT_PEM: pem },
    // HAProxy logs every request to stdout: far too much under load, and nothing this benchmark reads.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await listening(httpPort).catch((err: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${err.message}\n--- haproxy ---\n${log}`);
  });
  return {
    httpUrl: `http://127.0.0.1:${httpPort}`,
    osmandUrl: `http://127.0.0.1:${osmandPort}/`,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

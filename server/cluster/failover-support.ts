// Test-only: the pieces of a cluster the failover suite controls — a private Redis it can restart, a TCP proxy
// in front of PostgreSQL it can black-hole, and HAProxy configured from the repo's scripts/cluster/haproxy.cfg.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, freePort } from '../testing/server-process';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until something accepts TCP connections on the port. */
async function listening(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(true));
      socket.once('error', () => resolve(false));
      socket.setTimeout(500, () => resolve(false));
    }).finally(() => undefined);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/** A redis-server of the test's own (no persistence), so restarting it disturbs no one else. */
export async function startPrivateRedis() {
  const port = await freePort();
  let child: ChildProcess;
  const launch = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await listening(port);
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    /** SIGKILL: everything in it is lost, as after a crash. */
    async kill(): Promise<void> {
      child.kill('SIGKILL');
      await exited(child);
    },
    /** A fresh, empty server on the same port. */
    start: launch,
    async stop(): Promise<void> {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

/**
 * A TCP proxy in front of PostgreSQL. `blackhole()` cuts the instance off the way a dead switch does: every open
 * connection stays open but nothing passes either way (no RST, no FIN: the half-open case), and new connections
 * are accepted and then never answered. `heal()` lets traffic pass again on new connections.
 */
export class TcpProxy {
  private readonly server: net.Server;
  private readonly pairs = new Set<[net.Socket, net.Socket]>();
  /** Connections accepted while black-holed: never answered, closed on heal. */
  private readonly unanswered = new Set<net.Socket>();
  private blackholed = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((downstream) => this.accept(downstream));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  blackhole(): void {
    this.blackholed = true;
  }

  /** Traffic passes again; connections that lived through the black hole are closed (their state is unknown). */
  heal(): void {
    this.blackholed = false;
    for (const [down, up] of this.pairs) {
      down.destroy();
      up.destroy();
    }
    this.pairs.clear();
    for (const socket of this.unanswered) socket.destroy();
    this.unanswered.clear();
  }

  async close(): Promise<void> {
    this.heal();
    await new Promise((r) => this.server.close(r));
  }

  private accept(downstream: net.Socket): void {
    downstream.on('error', () => undefined);
    if (this.blackholed) return void this.unanswered.add(downstream);
    const upstream = net.connect(this.target.port, this.target.host);
    upstream.on('error', () => downstream.destroy());
    const pair: [net.Socket, net.Socket] = [downstream, upstream];
    this.pairs.add(pair);
    const relay = (from: net.Socket, to: net.Socket) => from.on('data', (chunk) => this.blackholed || to.write(chunk));
    relay(downstream, upstream);
    relay(upstream, downstream);
    const end = () => {
      if (this.blackholed) return; // a black hole carries no FIN either
      this.pairs.delete(pair);
      downstream.destroy();
      upstream.destroy();
    };
    downstream.on('close', end);
    upstream.on('close', end);
  }
}

export interface ProxiedInstance {
  name: string;
  port: number;
  osmandPort: number;
}

/**
 * HAProxy from the repo's template, as `npm run cluster` fills it in (ports of this run; the TLS frontend gets
 * the first instance's self-signed certificate). Clients use `httpUrl`, the plain-HTTP frontend.
 */
export async function startHaproxy(instances: ProxiedInstance[], certDir: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidewatch-haproxy-'));
  const [httpsPort, httpPort, osmandPort] = [await freePort(), await freePort(), await freePort()];
  const servers = (portOf: (i: ProxiedInstance) => number) => instances.map((i) => `    server ${i.name} 127.0.0.1:${portOf(i)} check`).join('\n');
  const template = await readFile(path.join(REPO_ROOT, 'scripts', 'cluster', 'haproxy.cfg'), 'utf8');
  const cfg = template.replace('    # @servers tidewatch_osmand', servers((i) => i.osmandPort)).replace('    # @servers tidewatch\n', `${servers((i) => i.port)}\n`);
  const cfgFile = path.join(dir, 'haproxy.cfg');
  const pem = path.join(dir, 'haproxy.pem');
  const [cert, key] = await Promise.all(['server.crt', 'server.key'].map((f) => readFile(path.join(certDir, f), 'utf8')));
  await writeFile(pem, `${cert!.trim()}\n${key!.trim()}\n`, { mode: 0o600 });
  await writeFile(cfgFile, cfg);
  let log = '';
  const child = spawn('haproxy', ['-W', '-db', '-f', cfgFile], {
    env: { ...process.env, TW_BIND: '127.0.0.1', TW_PORT: String(httpsPort), TW_HTTP_PORT: String(httpPort), TW_OSMAND_PORT: String(osmandPort), TW_CERT_PEM: pem },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-200_000));
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  await listening(httpPort).catch((err: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${err.message}\n--- haproxy ---\n${log}`);
  });
  return {
    httpUrl: `http://127.0.0.1:${httpPort}`,
    logs: () => log,
    async stop(): Promise<void> {
      child.kill('SIGTERM');
      await exited(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

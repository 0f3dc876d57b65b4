// Test-only: the pieces of a cluster the failover suite controls — a private Redis it can restart and a TCP proxy
// in front of PostgreSQL it can black-hole (HAProxy itself: server/testing/haproxy.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { exited, freePort, listening } from '../testing/server-process';

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

/**
 * HAProxy from the repo's `scripts/cluster/haproxy.cfg`, filled in as `npm run cluster` fills it (the server lines
 * of this run at the template's "@servers" marks; the TLS frontend gets the given self-signed certificate), for the
 * cluster suites and `bench:cluster`. Clients use `httpUrl`, the plain-HTTP frontend. A test steers it at run time
 * through its admin socket (`command`), as an operator drains an instance before restarting it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, exited, freePort, listening } from './server-process';

export interface ProxiedInstance {
  name: string;
  port: number;
  osmandPort: number;
}

export interface HaproxyOptions {
  /** Holds `server.crt` and `server.key` (an instance's DATA_DIR/tls). */
  certDir: string;
  /**
   * Keep what HAProxy prints, request log included, for `logs()` (default). A benchmark turns it off: one log
   * line per request under load costs the load generator's CPU and says nothing it reads.
   */
  keepLogs?: boolean;
}

export interface Haproxy {
  /** The plain-HTTP frontend: screens' HTTP and Socket.IO. */
  httpUrl: string;
  /** The TLS frontend (the given certificate). */
  httpsUrl: string;
  /** The OsmAnd frontend (round robin over the instances' OsmAnd ports). */
  osmandUrl: string;
  /** HAProxy's own process (no master-worker mode: its CPU is this process's). */
  pid: number;
  /** What HAProxy printed so far (the last 200,000 characters; empty with `keepLogs: false`). */
  logs(): string;
  /**
   * One command on HAProxy's admin socket (its runtime API), answered with what it printed, e.g.
   * `set server tidewatch/a state drain` or `shutdown sessions server tidewatch/a`.
   */
  command(line: string): Promise<string>;
  stop(): Promise<void>;
}

/** The shipped configuration with these instances' server lines in every backend. */
export async function haproxyConfig(instances: readonly ProxiedInstance[]): Promise<string> {
  const servers = (portOf: (i: ProxiedInstance) => number, settings: (i: ProxiedInstance) => string = () => 'check') =>
    instances.map((i) => `    server ${i.name} 127.0.0.1:${portOf(i)} ${settings(i)}`).join('\n');
  const template = await readFile(path.join(REPO_ROOT, 'scripts', 'cluster', 'haproxy.cfg'), 'utf8');
  return template
    .replace('    # @servers tidewatch_osmand', servers((i) => i.osmandPort))
    .replace('    # @servers tidewatch_build_files', servers((i) => i.port, (i) => `track tidewatch/${i.name}`))
    .replace('    # @servers tidewatch\n', `${servers((i) => i.port)}\n`);
}

function adminCommand(socketPath: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(socketPath, () => socket.end(`${line}\n`));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.trim()));
  });
}

export async function startHaproxy(instances: readonly ProxiedInstance[], { certDir, keepLogs = true }: HaproxyOptions): Promise<Haproxy> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidewatch-haproxy-'));
  const [httpsPort, httpPort, osmandPort] = [await freePort(), await freePort(), await freePort()];
  const cfgFile = path.join(dir, 'haproxy.cfg');
  const pem = path.join(dir, 'haproxy.pem');
  const [cert, key] = await Promise.all(['server.crt', 'server.key'].map((f) => readFile(path.join(certDir, f), 'utf8')));
  await writeFile(pem, `${cert!.trim()}\n${key!.trim()}\n`, { mode: 0o600 });
  const adminSocket = path.join(dir, 'admin.sock');
  const config = (await haproxyConfig(instances)).replace(/^global\n/m, `global\n    stats socket ${adminSocket} mode 600 level admin\n`);
  await writeFile(cfgFile, config);
  let log = '';
  const child = spawn(process.env.HAPROXY ?? 'haproxy', ['-db', '-f', cfgFile], {
    env: { ...process.env, TW_BIND: '127.0.0.1', TW_PORT: String(httpsPort), TW_HTTP_PORT: String(httpPort), TW_OSMAND_PORT: String(osmandPort), TW_CERT_PEM: pem },
    // Start-up errors come on stderr, which is always kept.
    stdio: ['ignore', keepLogs ? 'pipe' : 'ignore', 'pipe'],
  });
  const append = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-200_000));
  child.stdout?.on('data', append);
  child.stderr!.on('data', append);
  await listening(httpPort).catch(async (err: Error) => {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${err.message}\n--- haproxy ---\n${log}`);
  });
  return {
    httpUrl: `http://127.0.0.1:${httpPort}`,
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    osmandUrl: `http://127.0.0.1:${osmandPort}/`,
    pid: child.pid!,
    logs: () => log,
    command: (line) => adminCommand(adminSocket, line),
    async stop(): Promise<void> {
      child.kill('SIGTERM');
      await exited(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the built server (`dist/server/main.js`) as a child process for integration tests, end-to-end tests and
 * benchmarks, exactly as `npm start` would, on free ports and a throw-away data directory.
 *
 *   const srv = await startServer();
 *   const token = await loginAs(srv.baseUrl, 'admin', srv.adminPassword);
 *   const { status, body } = await api(srv.baseUrl, token).get('/api/teams');
 *   await srv.stop();
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ack } from '../../shared/ack';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_ENTRY = path.join(REPO_ROOT, 'dist', 'server', 'main.js');

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const MAX_LOG_CHARS = 4_000_000;

export interface StartServerOptions {
  /** Data directory to use (kept); default: a fresh temporary directory. */
  dataDir?: string;
  /** Extra or overriding environment variables for the server. */
  env?: Record<string, string>;
  /** HTTP/HTTPS port; default: a free port. */
  port?: number;
  /** OsmAnd ingest port; default: a free port. */
  osmandPort?: number;
  /** How long to wait for GET /health to answer 200 (default 30 s). */
  readyTimeoutMs?: number;
  /** Script to run instead of dist/server/main.js (the harness's own tests use a stand-in). */
  entry?: string;
  /** Echo the server's output to this process's stderr as it comes (default: env TIDEWATCH_SERVER_LOGS=1). */
  echoLogs?: boolean;
}

export interface ServerHandle {
  port: number;
  osmandPort: number;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  dataDir: string;
  adminPassword: string;
  /** The child's process id (changes on restart). */
  readonly pid: number | undefined;
  /** Sends `signal` (default SIGTERM) and waits for the process to exit (SIGKILL after 10 s). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** SIGKILL: a crash, no graceful shutdown. */
  kill(): Promise<void>;
  /** Stops (SIGTERM) if running, then starts again with the same data directory, ports and environment. */
  restart(): Promise<void>;
  /** Everything the server printed so far (stdout and stderr, across restarts). */
  logs(): string;
  /** The exit code/signal of the last run, once it has exited. */
  readonly exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** stop(), then remove the data directory if startServer created it. */
  dispose(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until something accepts TCP connections on 127.0.0.1:port. */
export async function listening(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
      socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves once the child process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

export async function startServer(opts: StartServerOptions = {}): Promise<ServerHandle> {
  const entry = opts.entry ?? SERVER_ENTRY;
  if (!existsSync(entry)) {
    throw new Error(`${path.relative(REPO_ROOT, entry)} is missing: run npm test / node scripts/setup.mjs --for=test first`);
  }
  let port = opts.port ?? (await freePort());
  let osmandPort = opts.osmandPort ?? (await freePort());
  while (osmandPort === port) osmandPort = await freePort();
  const ownsDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tidewatch-test-')));
  const adminPassword = opts.env?.ADMIN_PASSWORD ?? `Tw-${randomBytes(12).toString('base64url')}`;
  const echo = opts.echoLogs ?? process.env.TIDEWATCH_SERVER_LOGS === '1';
  const readyTimeoutMs = opts.readyTimeoutMs ?? READY_TIMEOUT_MS;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    OSMAND_PORT: String(osmandPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: adminPassword,
    SEED: 'none',
    LOG_LEVEL: 'info',
    ...opts.env,
  };
  let baseUrl = `http://127.0.0.1:${port}`;

  let log = '';
  const append = (chunk: Buffer | string) => {
    const text = chunk.toString();
    log += text;
    if (log.length > MAX_LOG_CHARS) log = log.slice(log.length - MAX_LOG_CHARS);
    if (echo) process.stderr.write(text);
  };

  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let exitInfo: ServerHandle['exit'] = null;

  const launch = async () => {
    exitInfo = null;
    append(`\n--- starting ${path.relative(REPO_ROOT, entry)} (port ${port}, osmand ${osmandPort}, data ${dataDir}) ---\n`);
    // TIDEWATCH_NODE_ARGS adds node flags to the server only (e.g. --cpu-prof for a benchmark run).
    const nodeArgs = (process.env.TIDEWATCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const proc = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, entry], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    proc.stdout!.on('data', append);
    proc.stderr!.on('data', append);
    exited = new Promise<void>((resolve) => {
      proc.once('exit', (code, signal) => {
        exitInfo = { code, signal };
        append(`--- server exited (code ${code}, signal ${signal}) ---\n`);
        resolve();
      });
      proc.once('error', (err) => {
        exitInfo = { code: null, signal: null };
        append(`--- could not start the server: ${err.message} ---\n`);
        resolve();
      });
    });
    await waitUntilHealthy(baseUrl, readyTimeoutMs, () => exitInfo !== null).catch((err: Error) => {
      const tail = log.slice(-20_000);
      proc.kill('SIGKILL');
      throw new Error(`${err.message}\n--- server output ---\n${tail}`);
    });
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child;
    if (!proc || exitInfo) return;
    proc.kill(signal);
    const timer = setTimeout(() => {
      append(`--- server did not exit ${STOP_TIMEOUT_MS} ms after ${signal}; SIGKILL ---\n`);
      proc.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  // Another test process may grab a "free" port between freePort() and the server's listen(): retry then.
  for (let attempt = 1; ; attempt++) {
    const logStart = log.length;
    try {
      await launch();
      break;
    } catch (err) {
      const portsAreOurs = opts.port === undefined && opts.osmandPort === undefined;
      if (!portsAreOurs || attempt >= 3 || !log.slice(logStart).includes('EADDRINUSE')) throw err;
      await exited;
      port = await freePort();
      do osmandPort = await freePort();
      while (osmandPort === port);
      env.PORT = String(port);
      env.OSMAND_PORT = String(osmandPort);
      baseUrl = `http://127.0.0.1:${port}`;
    }
  }
  activeHandles.add(stop);

  const handle: ServerHandle = {
    port,
    osmandPort,
    baseUrl,
    dataDir,
    adminPassword,
    get pid() {
      return child?.pid;
    },
    get exit() {
      return exitInfo;
    },
    stop,
    kill: () => stop('SIGKILL'),
    async restart() {
      await stop('SIGTERM');
      await launch();
    },
    logs: () => log,
    async dispose() {
      await stop('SIGTERM');
      activeHandles.delete(stop);
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

// Never leave a server behind when the test process goes away.
const activeHandles = new Set<(signal?: NodeJS.Signals) => Promise<void>>();
process.once('exit', () => {
  for (const stop of activeHandles) void stop('SIGKILL');
});

async function waitUntilHealthy(baseUrl: string, timeoutMs: number, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('the server exited before GET /health answered 200');
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `GET /health answered ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs} ms (${last})`);
}

// ------------------------------------------------------------------------------------------ HTTP helpers

export interface LoginData {
  token: string;
  expiresAt: string;
  user: { id: string; username: string; role: string; [k: string]: unknown };
}

/** Signs in and returns the bearer token; throws with the server's answer otherwise. */
export async function loginAs(baseUrl: string, username: string, password: string): Promise<string> {
  const { status, body } = await request<LoginData>(baseUrl, null, 'POST', '/api/auth/login', { username, password });
  if (!body.ok) throw new Error(`login as ${username} failed: HTTP ${status} ${body.error.code}: ${body.error.message}`);
  return body.data.token;
}

export interface ApiResponse<T> {
  status: number;
  body: Ack<T>;
  headers: Headers;
}

export interface ApiClient {
  get<T = unknown>(path: string): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  request<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  /** Like get/post/…, but returns `data` and throws unless the answer is `{ ok: true }`. */
  data<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** A tiny typed fetch client; `token` may be null for anonymous calls. */
export function api(baseUrl: string, token: string | null): ApiClient {
  const call = <T>(method: string, p: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>(baseUrl, token, method, p, body, headers);
  return {
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b),
    put: (p, b) => call('PUT', p, b),
    patch: (p, b) => call('PATCH', p, b),
    delete: (p, b) => call('DELETE', p, b),
    request: call,
    async data<T>(method: string, p: string, b?: unknown) {
      const { status, body } = await call<T>(method, p, b);
      if (!body.ok) throw new Error(`${method} ${p}: HTTP ${status} ${body.error.code}: ${body.error.message}`);
      return body.data;
    },
  };
}

async function request<T>(
  baseUrl: string,
  token: string | null,
  method: string,
  p: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (body !== undefined) {
    headers['content-type'] ??= 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(new URL(p, baseUrl), { method, headers, body: payload });
  const text = await res.text();
  let parsed: Ack<T>;
  try {
    parsed = JSON.parse(text) as Ack<T>;
  } catch {
    throw new Error(`${method} ${p}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`);
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

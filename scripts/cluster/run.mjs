#!/usr/bin/env node
// Starts several Tidewatch instances on one PostgreSQL and one Redis behind HAProxy (README "Several instances").
//   DATABASE_URL=postgresql://… [REDIS_URL=redis://127.0.0.1:6379] [CLUSTER_INSTANCES=2] npm run cluster
// Node builtins only. The first instance starts alone (it migrates the schema, creates the admin, seeds the demo
// county and the TLS certificate); the others follow once it answers /health; then HAProxy takes PORT.
// Ctrl-C (or SIGTERM) stops HAProxy, then every instance gracefully.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TEMPLATE = path.join(ROOT, 'scripts', 'cluster', 'haproxy.cfg');
const SERVER = path.join(ROOT, 'dist', 'server', 'main.js');
const log = (msg) => console.log(`[cluster] ${msg}`);
const fail = (msg) => {
  console.error(`[cluster] error: ${msg}`);
  process.exit(1);
};

const env = process.env;
const count = Number(env.CLUSTER_INSTANCES ?? 2);
const port = Number(env.PORT ?? 8080);
const httpPort = Number(env.HTTP_PORT ?? port + 1);
const osmandPort = Number(env.OSMAND_PORT ?? 5055);
const firstInstancePort = Number(env.CLUSTER_FIRST_PORT ?? 8101);
const dataDir = path.resolve(env.DATA_DIR ?? './data');
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';

if (!env.DATABASE_URL) fail('DATABASE_URL=postgresql://… is required: the instances share one PostgreSQL database (SQLite serves one instance only).');
if (!Number.isInteger(count) || count < 1 || count > 32) fail('CLUSTER_INSTANCES must be a whole number from 1 to 32.');
if (!existsSync(SERVER)) fail(`${path.relative(ROOT, SERVER)} is missing: run npm run build first.`);

/** Instance i listens on 127.0.0.1 only: reached through HAProxy, never directly. */
const instances = Array.from({ length: count }, (_, i) => ({ n: i + 1, port: firstInstancePort + i, osmandPort: firstInstancePort + 100 + i }));
const children = [];
let stopping = false;

function instanceEnv(instance) {
  const first = instance.n === 1;
  const own = {
    ...env,
    REDIS_URL: redisUrl,
    HOST: '127.0.0.1',
    PORT: String(instance.port),
    OSMAND_PORT: String(instance.osmandPort),
    // One data directory for all: photos and the TLS certificate are read by whichever instance is asked.
    DATA_DIR: dataDir,
    TRUSTED_PROXIES: env.TRUSTED_PROXIES ? `${env.TRUSTED_PROXIES},127.0.0.1` : '127.0.0.1',
    // Each MQTT connection needs its own client id; the shared subscription splits the readings between them.
    ...(env.MQTT_URL ? { MQTT_SHARED: 'on', MQTT_SHARE_GROUP: env.MQTT_SHARE_GROUP ?? env.MQTT_CLIENT_ID ?? 'tidewatch', MQTT_CLIENT_ID: `${env.MQTT_CLIENT_ID ?? 'tidewatch'}-${instance.n}` } : {}),
    ...(first ? {} : { SIMULATE: '0' }),
    // Instance 1 is the media node (the video relay, VIDEO as given); the others send it their video requests.
    ...(first ? {} : { VIDEO: 'off', VIDEO_MEDIA_URL: `http://127.0.0.1:${instances[0].port}` }),
    LOG_LEVEL: env.LOG_LEVEL ?? 'info',
  };
  // One port per deployment: the SL 651 listener and the demo simulation run on the first instance only.
  if (!first) delete own.SL651_PORT;
  return own;
}

async function healthy(instance, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${instance.port}/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function start(command, args, childEnv, name) {
  const child = spawn(command, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk) => chunk.toString().split('\n').filter(Boolean).map((line) => `[${name}] ${line}\n`).join('');
  child.stdout.on('data', (c) => process.stdout.write(prefix(c)));
  child.stderr.on('data', (c) => process.stderr.write(prefix(c)));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (code ${code}, signal ${signal}); stopping the cluster`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

/** HAProxy wants certificate and key in one PEM file. */
function certificatePem() {
  const [cert, key] = env.TLS_CERT && env.TLS_KEY ? [env.TLS_CERT, env.TLS_KEY] : [path.join(dataDir, 'tls', 'server.crt'), path.join(dataDir, 'tls', 'server.key')];
  const pem = path.join(dataDir, 'cluster', 'haproxy.pem');
  mkdirSync(path.dirname(pem), { recursive: true, mode: 0o700 });
  writeFileSync(pem, `${readFileSync(cert, 'utf8').trim()}\n${readFileSync(key, 'utf8').trim()}\n`, { mode: 0o600 });
  chmodSync(pem, 0o600);
  return pem;
}

function haproxyConfig() {
  const servers = (portOf, settings = () => 'check') => instances.map((i) => `    server tidewatch-${i.n} 127.0.0.1:${portOf(i)} ${settings(i)}`).join('\n');
  const cfg = readFileSync(TEMPLATE, 'utf8')
    .replace('    # @servers tidewatch_osmand', servers((i) => i.osmandPort))
    .replace('    # @servers tidewatch_build_files', servers((i) => i.port, (i) => `track tidewatch/tidewatch-${i.n}`))
    .replace('    # @servers tidewatch\n', `${servers((i) => i.port)}\n`);
  const file = path.join(dataDir, 'cluster', 'haproxy.cfg');
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, cfg, { mode: 0o600 });
  return file;
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping: HAProxy first, then each instance (they flush their pending writes)');
  const exits = children.map((child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r))));
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(exits);
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
// A mistake of this script must not leave instances running without it.
process.on('uncaughtException', (err) => {
  console.error('[cluster] error:', err);
  void stop(1);
});
process.on('unhandledRejection', (err) => {
  console.error('[cluster] error:', err);
  void stop(1);
});

const [first, ...rest] = instances;
log(`starting instance 1 of ${count} on 127.0.0.1:${first.port}`);
start(process.execPath, [SERVER], instanceEnv(first), 'tidewatch-1');
const abort = (msg) => {
  console.error(`[cluster] error: ${msg}`);
  void stop(1);
};
if (!(await healthy(first))) abort('instance 1 did not answer /health within 60 s (see its output above)');
if (stopping) await new Promise(() => {});
for (const instance of rest) {
  log(`starting instance ${instance.n} of ${count} on 127.0.0.1:${instance.port}`);
  start(process.execPath, [SERVER], instanceEnv(instance), `tidewatch-${instance.n}`);
}
for (const instance of rest) if (!stopping && !(await healthy(instance))) abort(`instance ${instance.n} did not answer /health within 60 s`);
if (stopping) await new Promise(() => {});

const cfg = haproxyConfig();
const haproxyEnv = { ...env, TW_BIND: env.HOST ?? '0.0.0.0', TW_PORT: String(port), TW_HTTP_PORT: String(httpPort), TW_OSMAND_PORT: String(osmandPort), TW_CERT_PEM: certificatePem() };
start(env.HAPROXY ?? 'haproxy', ['-W', '-db', '-f', cfg], haproxyEnv, 'haproxy');
log(`${count} instances behind HAProxy: https://localhost:${port}/ (wall /wall, desk /desk, field /field), plain http://localhost:${httpPort}/, OsmAnd :${osmandPort}`);

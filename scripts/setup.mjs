#!/usr/bin/env node
// Prepares this checkout to start, test or benchmark Tidewatch.
//   node scripts/setup.mjs --for=start|test|bench
// Node builtins only: this runs before `npm ci`.
//  1. checks the Node version;
//  2. installs missing Debian packages (apt-get when root, otherwise prints the command);
//  3. runs `npm ci` when node_modules is missing or package-lock.json changed;
//  4. builds client and server when their inputs changed (stamp in dist/.build-stamp).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKER_BUILD_PACKAGES, ensureWorker } from './mediasoup-worker.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIN_NODE = [20, 19];

const log = (msg) => console.log(`[setup] ${msg}`);
const warn = (msg) => console.warn(`[setup] warning: ${msg}`);
function fail(msg) {
  console.error(`[setup] error: ${msg}`);
  process.exit(1);
}

// ---------------------------------------------------------------- arguments
const forArg = process.argv.slice(2).find((a) => a.startsWith('--for='));
const purpose = forArg ? forArg.slice('--for='.length) : 'start';
if (!['start', 'test', 'bench'].includes(purpose)) {
  fail(`unknown --for=${purpose}; use --for=start, --for=test or --for=bench`);
}

// ---------------------------------------------------------------- node version
{
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    fail(
      `Node.js ${MIN_NODE.join('.')} or newer is required, this is ${process.version} (${process.execPath}). ` +
        'Install a newer Node.js (e.g. Node 20 LTS ≥ 20.19 or Node 22) and run again.',
    );
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.error) return { ok: false, code: null, error: r.error };
  return { ok: r.status === 0, code: r.status, signal: r.signal };
}

// ---------------------------------------------------------------- system packages
function systemPackages() {
  // ffmpeg pulls camera streams; the rest builds the mediasoup worker from Debian's libraries.
  // Chromium prints the after-action report's PDF (and drives the browser tests and benchmarks).
  // HAProxy balances the instances that `npm run cluster` starts (README "Several instances (cluster mode)").
  const pkgs = ['openssl', 'python3', 'make', 'g++', 'ca-certificates', 'ffmpeg', ...WORKER_BUILD_PACKAGES, 'chromium', 'haproxy'];
  // xmllint validates every CAP alert the product writes against the OASIS schema in the tests.
  if (purpose === 'test') pkgs.push('postgresql-client', 'libxml2-utils');

  const probe = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    warn(`not a Debian system (no dpkg-query); make sure these are installed: ${pkgs.join(' ')}`);
    return;
  }
  const missing = pkgs.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return !(r.status === 0 && /install ok installed/.test(r.stdout));
  });
  if (missing.length === 0) {
    log(`system packages present: ${pkgs.join(' ')}`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`[setup] error: missing system packages: ${missing.join(' ')}`);
    console.error('[setup] install them with:');
    console.error(`  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    process.exit(1);
  }
  log(`installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const upd = run('apt-get', ['update'], { env });
  if (!upd.ok) fail(`apt-get update failed (exit ${upd.code ?? upd.error?.message})`);
  const inst = run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  if (!inst.ok) fail(`apt-get install ${missing.join(' ')} failed (exit ${inst.code ?? inst.error?.message})`);
  log('system packages installed');
}

// ---------------------------------------------------------------- npm ci
/** Runs a command, streaming its output except lines starting with "npm error", which are collected. */
function runFiltered(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const errors = [];
    const pump = (stream, out) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop();
        for (const line of lines) {
          if (line.startsWith('npm error')) errors.push(line);
          else out.write(`${line}\n`);
        }
      });
      stream.on('end', () => {
        if (rest.startsWith('npm error')) errors.push(rest);
        else if (rest) out.write(`${rest}\n`);
      });
    };
    pump(child.stdout, process.stdout);
    pump(child.stderr, process.stderr);
    child.on('error', (err) => resolve({ ok: false, code: err.message, errors }));
    child.on('close', (code) => resolve({ ok: code === 0, code, errors }));
  });
}

// ---------------------------------------------------------------- mediasoup worker
const WORKER_RECORD = path.join(ROOT, 'node_modules', '.tidewatch-mediasoup-worker');

/**
 * The worker binary for mediasoup's install and for the server at run time. On Debian it is built once from
 * the system libraries into a cache outside the repo (no downloads); elsewhere mediasoup's own install
 * fetches or builds one, and null is returned.
 */
function mediasoupWorker() {
  if (process.env.MEDIASOUP_WORKER_BIN) {
    if (!existsSync(process.env.MEDIASOUP_WORKER_BIN)) fail(`MEDIASOUP_WORKER_BIN=${process.env.MEDIASOUP_WORKER_BIN} does not exist`);
    return process.env.MEDIASOUP_WORKER_BIN;
  }
  if (spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  try {
    return ensureWorker();
  } catch (err) {
    fail(`could not build the mediasoup worker: ${err.message}`);
  }
}

function recordWorker(bin) {
  if (!bin || !existsSync(path.dirname(WORKER_RECORD))) return;
  writeFileSync(WORKER_RECORD, `${bin}\n`);
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

async function npmDependencies(workerBin) {
  const lockPath = path.join(ROOT, 'package-lock.json');
  if (!existsSync(lockPath)) fail('package-lock.json is missing; cannot run npm ci');
  const lockSha = sha256(readFileSync(lockPath));
  const nodeModules = path.join(ROOT, 'node_modules');
  const stampPath = path.join(nodeModules, '.tidewatch-lock-sha256');
  let reason = null;
  if (!existsSync(nodeModules)) reason = 'node_modules is missing';
  else if (!existsSync(stampPath)) reason = 'no record of a previous npm ci';
  else if (readFileSync(stampPath, 'utf8').trim() !== lockSha) reason = 'package-lock.json changed';
  if (!reason) {
    log('npm dependencies up to date');
    return;
  }
  log(`npm ci (${reason})`);
  const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' };
  // mediasoup's install skips its own worker download/build when this is set.
  if (workerBin) env.MEDIASOUP_WORKER_BIN = workerBin;
  // better-sqlite3 builds from source; node-gyp must use the local Node headers (no downloads here).
  if (existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // `npm ci` fails fast (before touching node_modules) when it thinks the lock is out of sync; keep its
  // long "npm error" usage text out of the way unless the fallback fails too.
  const ci = await runFiltered(npm, ['ci'], env);
  if (!ci.ok) {
    // npm 11's `ci` insists that every optional platform package (e.g. rollup's android/win32 builds) is in
    // the lock file, while `npm install` leaves out versions the registry cannot serve. `npm install` still
    // installs exactly the locked versions: fall back to it, and never let it rewrite package-lock.json.
    const summary = ci.errors.filter((l) => /Missing:|in sync|ERR|code /.test(l)).slice(0, 4);
    warn(`npm ci failed (exit ${ci.code}): ${summary.join(' | ') || 'see above'}`);
    log('retrying with npm install (locked versions)');
    const lockBytes = readFileSync(lockPath);
    const r2 = run(npm, ['install', '--no-save'], { env });
    if (sha256(readFileSync(lockPath)) !== lockSha) {
      writeFileSync(lockPath, lockBytes);
      warn('npm install wanted to change package-lock.json; restored it (run `npm install` yourself to update it)');
    }
    if (!r2.ok) {
      console.error(ci.errors.join('\n'));
      fail(`npm install failed too (exit ${r2.code ?? r2.error?.message})`);
    }
  }
  writeFileSync(stampPath, `${lockSha}\n`);
  log('npm dependencies installed');
}

// ---------------------------------------------------------------- build
const BUILD_DIRS = ['client', 'server', 'shared'];
const BUILD_FILES = ['package-lock.json', 'vite.config.ts', 'scripts/client-build.ts'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);
const isTestFile = (name) => /\.test\.[cm]?[jt]sx?$/.test(name) || /\.spec\.[cm]?[jt]sx?$/.test(name);

function listFiles(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && e.name !== '__tests__') listFiles(full, out);
    } else if (e.isFile() && !isTestFile(e.name)) {
      out.push(full);
    }
  }
  return out;
}

function inputsHash() {
  const files = [];
  for (const d of BUILD_DIRS) listFiles(path.join(ROOT, d), files);
  for (const f of BUILD_FILES) if (existsSync(path.join(ROOT, f))) files.push(path.join(ROOT, f));
  files.sort();
  const h = createHash('sha256');
  for (const f of files) {
    const st = statSync(f);
    h.update(`${path.relative(ROOT, f)}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return h.digest('hex');
}

function build() {
  const dist = path.join(ROOT, 'dist');
  const stampPath = path.join(dist, '.build-stamp');
  const hasClient = existsSync(path.join(ROOT, 'client', 'index.html'));
  const hasServer = existsSync(path.join(ROOT, 'server', 'main.ts'));
  const hash = inputsHash();
  const outputsPresent =
    (!hasClient || existsSync(path.join(dist, 'client', 'index.html'))) &&
    (!hasServer || existsSync(path.join(dist, 'server', 'main.js')));
  if (existsSync(stampPath) && outputsPresent && readFileSync(stampPath, 'utf8').trim() === hash) {
    log('build up to date');
    return;
  }
  let complete = true;
  if (hasClient) {
    log('building client (vite build)');
    const r = run(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
    if (!r.ok) fail(`client build failed (exit ${r.code ?? r.error?.message})`);
  } else {
    warn('client/index.html is missing; skipping the client build');
    complete = false;
  }
  if (hasServer) {
    log('building server (scripts/build-server.mjs)');
    const r = run(process.execPath, [path.join(ROOT, 'scripts', 'build-server.mjs')]);
    if (!r.ok) fail(`server build failed (exit ${r.code ?? r.error?.message})`);
  } else {
    warn('server/main.ts is missing; skipping the server build');
    complete = false;
  }
  if (complete) {
    mkdirSync(dist, { recursive: true });
    writeFileSync(stampPath, `${hash}\n`);
    log('build done');
  } else {
    log('build partial (stamp not written, will retry next time)');
  }
}

log(`preparing for ${purpose} (Node ${process.version}, ${ROOT})`);
systemPackages();
const workerBin = mediasoupWorker();
await npmDependencies(workerBin);
recordWorker(workerBin);
build();
log('ready');

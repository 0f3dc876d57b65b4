#!/usr/bin/env node
// Builds the mediasoup worker from Debian 12's own libraries into a cache outside the repo, offline.
//   node scripts/mediasoup-worker.mjs [--print-path]
// Node builtins only: setup.mjs runs this before `npm ci` and passes MEDIASOUP_WORKER_BIN to it, so that
// mediasoup's install neither downloads a prebuilt worker from GitHub nor lets meson download its
// C/C++ dependencies. Why it works without the network:
//  - the worker's meson.build takes each dependency with subproject(); meson never downloads a wrap whose
//    directory already exists, so each such directory gets a tiny meson project exposing the same variables
//    from the system libraries (the *_lib ones, used for link_whole, are empty static libraries);
//  - Debian 12's meson is 1.0.1 while the worker asks for >= 1.1.0; nothing it uses needs 1.1.
// The binary lands in $TIDEWATCH_CACHE_DIR (default ~/.cache/tidewatch)/mediasoup-worker-<version>-<arch>/.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, renameSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WORKER_BUILD_PACKAGES = [
  'meson', 'ninja-build', 'pkg-config', 'python3', 'g++',
  'libuv1-dev', 'libsrtp2-dev', 'libabsl-dev', 'libssl-dev', 'libusrsctp-dev', 'nlohmann-json3-dev',
];

const log = (msg) => console.log(`[mediasoup-worker] ${msg}`);

export function mediasoupVersion() {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  const version = lock.packages?.['node_modules/mediasoup']?.version;
  if (!version) throw new Error('mediasoup is not in package-lock.json');
  return version;
}

export function workerCachePath(version = mediasoupVersion()) {
  const base = process.env.TIDEWATCH_CACHE_DIR || path.join(os.homedir(), '.cache', 'tidewatch');
  return path.join(base, `mediasoup-worker-${version}-${process.platform}-${process.arch}`, 'mediasoup-worker');
}

// One stub project per wrap directory. Each exposes exactly the variables the worker's meson files read.
const SUBPROJECT_STUBS = {
  openssl: {
    build: `openssl_dep = dependency('openssl', version: '>=3.0')
libcrypto_lib = static_library('empty_crypto')
libssl_lib = static_library('empty_ssl')`,
  },
  nlohmann_json: { build: `nlohmann_json_dep = dependency('nlohmann_json', version: '>=3.10')` },
  libuv: {
    build: `libuv_dep = dependency('libuv', version: '>=1.44')
libuv = static_library('empty_uv')`,
    options: `option('build_tests', type: 'boolean', value: false)
option('build_benchmarks', type: 'boolean', value: false)`,
  },
  libsrtp2: {
    build: `libsrtp2_dep = declare_dependency(
  dependencies: dependency('libsrtp2', version: '>=2.5'),
  include_directories: include_directories('/usr/include/srtp2'),
)
libsrtp2 = static_library('empty_srtp2')`,
    options: `option('crypto-library', type: 'string', value: 'openssl')
option('crypto-library-kdf', type: 'feature', value: 'disabled')
option('tests', type: 'feature', value: 'disabled')`,
  },
  usrsctp: {
    build: `usrsctp_dep = dependency('usrsctp')
usrsctp = static_library('empty_usrsctp')`,
    options: `option('sctp_build_programs', type: 'boolean', value: false)`,
  },
  'abseil-cpp': {
    build: `absl_container_dep = declare_dependency(dependencies: [
  dependency('absl_flat_hash_map'), dependency('absl_flat_hash_set'), dependency('absl_btree'),
  dependency('absl_inlined_vector'), dependency('absl_memory'),
])
absl_container_lib = static_library('empty_absl_container')
absl_strings_dep = dependency('absl_strings')
absl_types_dep = dependency('absl_optional')`,
  },
  // Only the worker's unit tests use Catch2; they are never built here.
  catch2: { build: `catch2_dep = declare_dependency()` },
};

function wrapDirectory(subprojectsDir, name) {
  const wrapFile = readdirSync(subprojectsDir).find((f) => f === `${name}.wrap`);
  if (!wrapFile) throw new Error(`no ${name}.wrap in ${subprojectsDir}`);
  const match = /^directory\s*=\s*(.+)$/m.exec(readFileSync(path.join(subprojectsDir, wrapFile), 'utf8'));
  if (!match) throw new Error(`${wrapFile} names no directory`);
  return match[1].trim();
}

export function writeStubs(workerDir) {
  const subprojectsDir = path.join(workerDir, 'subprojects');
  for (const [name, stub] of Object.entries(SUBPROJECT_STUBS)) {
    const dir = path.join(subprojectsDir, wrapDirectory(subprojectsDir, name));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'meson.build'), `project('${name}-system', 'c')\n${stub.build}\n`);
    if (stub.options) writeFileSync(path.join(dir, 'meson_options.txt'), `${stub.options}\n`);
  }
  const mesonBuild = path.join(workerDir, 'meson.build');
  writeFileSync(mesonBuild, readFileSync(mesonBuild, 'utf8').replace(/meson_version:\s*'>=\s*1\.1\.0'/, "meson_version: '>= 1.0.0'"));
}

function run(cmd, args, cwd) {
  log(`${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args[0]} failed (${r.error?.message ?? `exit ${r.status}`})`);
}

/** Returns the cached worker's path, building it first when the cache has none. */
export function ensureWorker() {
  const version = mediasoupVersion();
  const target = workerCachePath(version);
  if (existsSync(target)) return target;

  const work = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-mediasoup-'));
  try {
    log(`building mediasoup-worker ${version} from Debian's libraries (about 5 minutes on 2 cores)`);
    run('npm', ['pack', `mediasoup@${version}`, '--pack-destination', work, '--silent'], work);
    run('tar', ['xzf', `mediasoup-${version}.tgz`], work);
    const workerDir = path.join(work, 'package', 'worker');
    writeStubs(workerDir);
    const buildDir = path.join(workerDir, 'out', 'Release', 'build');
    run('meson', ['setup', '--buildtype', 'release', '-Db_ndebug=true', '-Db_pie=true', '--wrap-mode=nodownload', buildDir], workerDir);
    run('ninja', ['-C', buildDir, 'mediasoup-worker'], workerDir);
    mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    copyFileSync(path.join(buildDir, 'mediasoup-worker'), partial);
    chmodSync(partial, 0o755);
    // rename is atomic: a build cut off half-way never leaves a broken worker in the cache.
    renameSync(partial, target);
    log(`worker cached at ${target}`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const bin = ensureWorker();
    if (process.argv.includes('--print-path')) console.log(bin);
  } catch (err) {
    console.error(`[mediasoup-worker] error: ${err.message}`);
    process.exit(1);
  }
}

/**
 * Another real build of the client, for tests where instances of two builds answer at once (a rolling upgrade):
 * `vite build` with the repo's vite.config.ts into a directory of the test's, under a build id and time of its
 * choosing (scripts/client-build.ts). Its hashed file names differ from dist/client's wherever the build id reaches.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, exited } from './server-process';

export interface ClientBuild {
  buildId: string;
  /** ISO time: a later one than the served build's makes this build the newer. */
  builtAt: string;
}

/**
 * This environment without what a test runner put in it: under Vitest NODE_ENV is `test`, and Vite would build a
 * development bundle (import.meta.env.DEV), which does not watch for builds at all.
 */
function productionEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  return { ...env, NODE_ENV: 'production' };
}

/** Builds the client into `outDir` (emptied first); rejects with Vite's output when the build fails or `signal` stops it. */
export async function buildClientInto(outDir: string, build: ClientBuild, signal?: AbortSignal): Promise<void> {
  const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    env: { ...productionEnv(), TIDEWATCH_BUILD_ID: build.buildId, TIDEWATCH_BUILT_AT: build.builtAt },
    stdio: ['ignore', 'pipe', 'pipe'],
    signal,
  });
  child.on('error', () => undefined); // an abort: the exit code below says so
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await exited(child);
  if (child.exitCode !== 0) throw new Error(`vite build into ${outDir} failed (exit ${child.exitCode ?? child.signalCode}):\n${output.slice(-10_000)}`);
}

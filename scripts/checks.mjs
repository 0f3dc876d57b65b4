// The static checks `npm test` runs before any test (scripts/run-tests.mjs). A failed check is named with the
// command that reproduces it, and counts as one failed test, so CI cannot pass with a lint or type error.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** @type {import('./checks').Check[]} */
export const CHECKS = [
  { name: 'lint', command: npm, args: ['run', '-s', 'lint'], reproduce: 'npm run lint' },
  { name: 'typecheck', command: npm, args: ['run', '-s', 'typecheck'], reproduce: 'npm run typecheck' },
];

/** @param {import('./checks').Check} check */
function run(check, cwd, env) {
  return new Promise((resolve) => {
    const child = spawn(check.command, check.args, { cwd, env, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Runs each check in turn and returns the names of those that failed.
 * @param {import('./checks').Check[]} checks
 * @param {{ cwd: string; env?: NodeJS.ProcessEnv; log?: Pick<Console, 'log' | 'error'> }} options
 */
export async function runChecks(checks, { cwd, env = process.env, log = console }) {
  const failed = [];
  for (const check of checks) {
    log.log(`[run-tests] ${check.name}: ${check.reproduce}`);
    const code = await run(check, cwd, env);
    if (code === 0) continue;
    failed.push(check.name);
    log.error(`[run-tests] ${check.name} FAILED (exit ${code}): fix the errors above; \`${check.reproduce}\` shows them again`);
  }
  return failed;
}

// The static checks `npm test` runs beside the tests (scripts/run-tests.mjs). A failed check is named with the
// command that reproduces it, and counts as one failed test, so CI cannot pass with a lint or type error.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** @type {import('./checks').Check[]} */
export const CHECKS = [
  { name: 'lint', command: npm, args: ['run', '-s', 'lint'], reproduce: 'npm run lint' },
  { name: 'typecheck', command: npm, args: ['run', '-s', 'typecheck'], reproduce: 'npm run typecheck' },
];

/**
 * Runs one check. With `capture`, its output is kept and returned instead of printed (the checks run beside
 * the tests, whose output they would cut into), and it runs at a lower priority so the browser tests'
 * timings are disturbed as little as possible.
 * @param {import('./checks').Check} check
 */
function run(check, cwd, env, capture) {
  const lowered = capture && process.platform === 'linux';
  const [command, args] = lowered ? ['nice', ['-n', '10', check.command, ...check.args]] : [check.command, check.args];
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', shell: process.platform === 'win32' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (err) => resolve({ code: 127, output: `${output}${err.message}\n` }));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/**
 * Runs each check in turn and returns the names of those that failed.
 * @param {import('./checks').Check[]} checks
 * @param {{ cwd: string; env?: NodeJS.ProcessEnv; log?: Pick<Console, 'log' | 'error'>; capture?: boolean }} options
 */
export async function runChecks(checks, { cwd, env = process.env, log = console, capture = false }) {
  const failed = [];
  for (const check of checks) {
    if (!capture) log.log(`[run-tests] ${check.name}: ${check.reproduce}`);
    const startedAt = Date.now();
    const { code, output } = await run(check, cwd, env, capture);
    if (capture) log.log(`[run-tests] ${check.name} (${check.reproduce}): ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - startedAt) / 1000)} s`);
    if (code === 0) continue;
    failed.push(check.name);
    if (capture && output.trim()) log.error(output.trimEnd());
    log.error(`[run-tests] ${check.name} FAILED (exit ${code}): fix the errors above; \`${check.reproduce}\` shows them again`);
  }
  return failed;
}

#!/usr/bin/env node
// Runs every vitest project (unit, integration, e2e) and, beside them, the static checks (lint: ESLint + dependency
// rules; typecheck; their output is shown after the tests), and ends with one summary line:
//   tests: N passed, N failed[, N skipped]
// A failed check counts as one failed test (and is named just above that line); the tests still run so one
// run shows everything. `--no-checks` skips the checks; other arguments are passed to vitest
// (e.g. `node scripts/run-tests.mjs --no-checks --project unit`).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS, runChecks } from './checks.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = path.join(ROOT, 'artifacts', 'vitest-report.json');

mkdirSync(path.dirname(REPORT), { recursive: true });
rmSync(REPORT, { force: true });

const env = { ...process.env };
if (!env.CHROMIUM_PATH) env.CHROMIUM_PATH = '/usr/bin/chromium';

const argv = process.argv.slice(2);
// Beside the tests, not before them: the browser suite waits on pages and servers much of the time, and the checks
// fill that idle CPU instead of adding a minute and a half in front.
const checksDone = argv.includes('--no-checks') ? Promise.resolve([]) : runChecks(CHECKS, { cwd: ROOT, env, capture: true });

const vitestBin = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const [cmd, baseArgs] = existsSync(vitestBin)
  ? [process.execPath, [vitestBin]]
  : [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vitest']];
const args = [
  ...baseArgs,
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.relative(ROOT, REPORT)}`,
  ...argv.filter((a) => a !== '--no-checks'),
];

const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));

const code = await new Promise((resolve) => {
  child.on('error', (err) => {
    console.error(`[run-tests] could not start vitest: ${err.message}`);
    resolve(1);
  });
  child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
});

const failedChecks = await checksDone;

let passed = 0;
let failed = 0;
let skipped = 0;
let failedSuites = 0;
let reportRead = false;
try {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed to load (syntax error, failing hook) has no failed test: count it as one failure.
  for (const file of report.testResults ?? []) {
    const anyFailed = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !anyFailed) {
      failedSuites += 1;
      console.error(`[run-tests] ${path.relative(ROOT, file.name ?? '?')} failed to run: ${(file.message ?? '').split('\n')[0]}`);
    }
  }
  failed += failedSuites;
  reportRead = true;
} catch (err) {
  console.error(`[run-tests] could not read ${path.relative(ROOT, REPORT)}: ${err.message}`);
}

let exitCode = code;
if (failedChecks.length > 0) {
  failed += failedChecks.length;
  exitCode = 1;
  console.error(`[run-tests] failed checks: ${failedChecks.join(', ')} (each counted as one failed test)`);
}
if (passed + failed - failedSuites === 0) {
  console.error('[run-tests] no test ran');
  if (exitCode === 0) exitCode = 1;
}
if (!reportRead && exitCode === 0) exitCode = 1;

console.log(`tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);

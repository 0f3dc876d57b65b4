import { describe, expect, it } from 'vitest';
import { CHECKS, runChecks, type Check } from './checks.mjs';

const node = (name: string, code: number): Check => ({
  name,
  command: process.execPath,
  args: ['-e', `process.exit(${code})`],
  reproduce: `npm run ${name}`,
});

const recorder = () => {
  const lines: string[] = [];
  return { lines, log: { log: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } };
};

describe('the checks npm test runs first', () => {
  it('are the lint (ESLint and dependency rules) and the typecheck', () => {
    expect(CHECKS.map((c) => c.reproduce)).toEqual(['npm run lint', 'npm run typecheck']);
  });

  it('a failing lint is named with the command that shows it again, and the next check still runs', async () => {
    const { lines, log } = recorder();
    const failed = await runChecks([node('lint', 1), node('typecheck', 0)], { cwd: process.cwd(), log });
    expect(failed).toEqual(['lint']);
    expect(lines).toContain('[run-tests] lint FAILED (exit 1): fix the errors above; `npm run lint` shows them again');
    expect(lines).toContain('[run-tests] typecheck: npm run typecheck');
  });

  it('beside the tests, a failing check keeps its output until it is done, then shows it with the command', async () => {
    const { lines, log } = recorder();
    const noisy: Check = { name: 'typecheck', command: process.execPath, args: ['-e', 'console.log("a.ts(1,1): error TS2322"); process.exit(2)'], reproduce: 'npm run typecheck' };
    expect(await runChecks([node('lint', 0), noisy], { cwd: process.cwd(), log, capture: true })).toEqual(['typecheck']);
    expect(lines[0]).toMatch(/^\[run-tests\] lint \(npm run lint\): passed in \d+ s$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^\[run-tests\] typecheck \(npm run typecheck\): FAILED in \d+ s$/),
      'a.ts(1,1): error TS2322',
      '[run-tests] typecheck FAILED (exit 2): fix the errors above; `npm run typecheck` shows them again',
    ]);
  }, 30_000);

  it('passing checks report no failure', async () => {
    const { log } = recorder();
    expect(await runChecks([node('lint', 0), node('typecheck', 0)], { cwd: process.cwd(), log })).toEqual([]);
  });
});

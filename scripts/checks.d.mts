export interface Check {
  name: string;
  command: string;
  args: string[];
  /** What a developer types to see the failure again. */
  reproduce: string;
}
export const CHECKS: Check[];
export function runChecks(
  checks: Check[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; log?: Pick<Console, 'log' | 'error'>; capture?: boolean },
): Promise<string[]>;

import type { ChildProcess } from 'node:child_process';

/**
 * What the benchmark started (server, Chromium, ffmpeg, mediasoup workers, temp files) is released here
 * in reverse order, on a normal end, on an error, and on Ctrl-C; child processes are also killed
 * synchronously if the process exits any other way.
 */
type Release = () => unknown;

const releases: Array<{ what: string; release: Release }> = [];
const children = new Set<ChildProcess>();
const RELEASE_TIMEOUT_MS = 15_000;

/** Registers a release; the returned function runs it now (once) and forgets it. */
export function onCleanup(what: string, release: Release): () => Promise<void> {
  const entry = { what, release };
  releases.push(entry);
  return async () => {
    const index = releases.indexOf(entry);
    if (index < 0) return;
    releases.splice(index, 1);
    await runOne(entry);
  };
}

/** A child process that must not outlive the benchmark. */
export function killOnExit(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

async function runOne({ what, release }: { what: string; release: Release }): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(() => (console.error(`  cleanup: ${what} did not finish in time`), resolve()), RELEASE_TIMEOUT_MS)));
  try {
    await Promise.race([Promise.resolve().then(release), timeout]);
  } catch (error) {
    console.error(`  cleanup: ${what} failed: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

export async function cleanUpAll(): Promise<void> {
  while (releases.length > 0) await runOne(releases.pop()!);
}

process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: cleaning up (again to quit at once) …`);
    void cleanUpAll().finally(() => process.exit(130));
  });
}

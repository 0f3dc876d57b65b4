import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { maskSecrets } from './secrets';

const TAIL_CHARS = 4_000;

/**
 * On Linux, `setpriv --pdeathsig KILL` makes the kernel kill ffmpeg when the server dies without closing
 * it (a crash, SIGKILL): an orphaned ffmpeg would keep pulling the camera and hold its RTMP port.
 */
const SETPRIV = process.platform === 'linux' && existsSync('/usr/bin/setpriv') ? '/usr/bin/setpriv' : null;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the program could not be started at all (ENOENT: not installed). */
  spawnError: NodeJS.ErrnoException | null;
}

/** One ffmpeg or ffprobe run: arguments as an array (never a shell), the tail of stderr kept with secrets masked. */
export class FfmpegProcess {
  readonly exited: Promise<ProcessExit>;
  private readonly child: ChildProcess;
  private stderr = '';
  private stdout = '';
  private exit: ProcessExit | null = null;

  constructor(
    bin: string,
    args: readonly string[],
    private readonly secrets: readonly string[],
    options: { captureStdout?: boolean; onStderr?: (tail: string) => void } = {},
  ) {
    const [command, argv] = SETPRIV ? [SETPRIV, ['--pdeathsig', 'KILL', '--', bin, ...args]] : [bin, [...args]];
    this.child = spawn(command, argv, { stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-TAIL_CHARS);
      options.onStderr?.(this.stderr);
    });
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => resolve((this.exit ??= { code: null, signal: null, spawnError: error })));
      this.child.once('exit', (code, signal) => resolve((this.exit ??= { code, signal, spawnError: null })));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === null;
  }

  get output(): string {
    return this.stdout;
  }

  /** The end of what it printed on stderr, safe to log. */
  get errorTail(): string {
    const tail = maskSecrets(this.stderr, this.secrets).trim();
    // setpriv reports a missing program itself, with exit code 127.
    return this.exit?.spawnError ? `${this.exit.spawnError.code}: ${tail}` : tail;
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
  }

  /** Asks it to finish (SIGTERM), kills it after `graceMs`; resolves once it has exited. */
  async stop(graceMs: number): Promise<void> {
    if (this.exit) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

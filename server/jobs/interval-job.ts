import type { Logger } from '../logger';

/**
 * Who may run a job right now. On one instance the answer is always yes; a cluster plugs in a lock
 * (a PostgreSQL advisory lock) so that one instance runs each job. Asked before every pass.
 */
export interface JobLock {
  acquire(job: string): Promise<boolean>;
  /** Lets another instance take the job over; called once when the job is closed. */
  release(job: string): Promise<void>;
}

/** One instance owns every job. */
export const SINGLE_INSTANCE_LOCK: JobLock = {
  acquire: async () => true,
  release: async () => undefined,
};

export interface IntervalJobOptions<R> {
  /** Names the job in logs and to the lock. */
  name: string;
  everyMs: number;
  /**
   * One pass. Passes run one at a time. A pass must be idempotent, keyed by what it fires (an alarm by its
   * kind and source, a deletion by its cutoff), so two owners in sequence never fire the same thing twice.
   */
  pass: () => Promise<R>;
  /** A pass asked for while one runs: `join` it (housekeeping) or `queue` one after it (watchers that must see the latest state). */
  whileRunning: 'join' | 'queue';
  /** Runs a pass at start as well as every `everyMs`; default true. */
  runAtStart?: boolean;
  lock?: JobLock;
  logger: Logger;
}

/**
 * The one way a background loop runs: `start` (idempotent), `runNow`, and `close` (idempotent; waits for a
 * running pass). A pass that throws is logged; the next one runs as usual. Not owning the job skips the pass.
 */
export class IntervalJob<R> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<R | null> | null = null;
  private tail: Promise<R | null> = Promise.resolve(null);
  private stopped = false;
  private owned = false;
  private closing: Promise<void> | null = null;

  constructor(private readonly options: IntervalJobOptions<R>) {}

  get isClosed(): boolean {
    return this.stopped;
  }

  start(): void {
    if (this.stopped || this.timer) return;
    this.timer = setInterval(() => void this.runNow(), this.options.everyMs);
    this.timer.unref();
    if (this.options.runAtStart ?? true) void this.runNow();
  }

  /** Runs a pass now (see `whileRunning`); resolves with its result, or null when skipped, stopped or failed. */
  runNow(): Promise<R | null> {
    if (this.stopped) return this.tail.then(() => null);
    if (this.options.whileRunning === 'join' && this.running) return this.running;
    const next = this.tail.then(() => this.passIfOwner());
    this.tail = next;
    this.running = next;
    void next.finally(() => {
      if (this.running === next) this.running = null;
    });
    return next;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopped = true;
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      await this.tail;
      if (this.owned) await (this.options.lock ?? SINGLE_INSTANCE_LOCK).release(this.options.name).catch((err) => this.options.logger.warn({ err, job: this.options.name }, 'releasing a job lock failed'));
    })();
    return this.closing;
  }

  private async passIfOwner(): Promise<R | null> {
    if (this.stopped) return null;
    try {
      this.owned = await (this.options.lock ?? SINGLE_INSTANCE_LOCK).acquire(this.options.name);
      if (!this.owned) return null;
      return await this.options.pass();
    } catch (err) {
      this.options.logger.error({ err, job: this.options.name }, `${this.options.name}: pass failed`);
      return null;
    }
  }
}

import type { Logger } from '../logger';
import { IntervalJob, type JobLock } from './interval-job';

const DAY_MS = 24 * 3_600_000;
const EVERY_SIX_HOURS_MS = 6 * 3_600_000;

/** What every housekeeping job takes besides its own settings; a domain's options carry these fields. */
export interface HousekeepingSettings {
  logger: Logger;
  clock?: () => number;
  /** Default: every six hours. */
  intervalMs?: number;
  lock?: JobLock;
}

/**
 * A job that deletes old rows in batches: a pass runs at start and every six hours on the job lock's holder,
 * a pass asked for while one runs is joined, and a pass reports the rows it removed (0 when it failed).
 */
export abstract class HousekeepingJob {
  private readonly job: IntervalJob<number>;
  protected readonly clock: () => number;

  protected constructor(name: string, settings: HousekeepingSettings) {
    this.clock = settings.clock ?? Date.now;
    this.job = new IntervalJob({
      name,
      everyMs: settings.intervalMs ?? EVERY_SIX_HOURS_MS,
      pass: () => this.pass(),
      whileRunning: 'join',
      ...(settings.lock ? { lock: settings.lock } : {}),
      logger: settings.logger,
    });
  }

  start(): void {
    this.job.start();
  }

  /** One pass; a pass already running is joined, not repeated. Returns the rows removed. */
  async runOnce(): Promise<number> {
    return (await this.job.runNow()) ?? 0;
  }

  close(): Promise<void> {
    return this.job.close();
  }

  /** True once `close` was called: a long pass checks it between batches so shutdown does not wait. */
  protected get isClosed(): boolean {
    return this.job.isClosed;
  }

  /** Now minus `days`, in epoch milliseconds. */
  protected cutoffDaysAgo(days: number): number {
    return this.clock() - days * DAY_MS;
  }

  protected abstract pass(): Promise<number>;
}

import type { Logger } from '../logger';
import { IntervalJob, type IntervalJobOptions, type JobLock } from './interval-job';

/** What every periodic job takes from its owner's options besides its own settings. */
export interface JobSettings {
  logger: Logger;
  clock?: () => number;
  lock?: JobLock;
}

/**
 * A background job as a class: a subclass implements `pass`, its owner calls `start` and `close`. The kinds
 * (housekeeping, alarm watchers) say how often a pass runs and what a pass asked for while one runs does.
 */
export abstract class PeriodicJob<R> {
  private readonly job: IntervalJob<R>;
  protected readonly clock: () => number;

  protected constructor(schedule: Pick<IntervalJobOptions<R>, 'name' | 'everyMs' | 'whileRunning'>, settings: JobSettings) {
    this.clock = settings.clock ?? Date.now;
    this.job = new IntervalJob({ ...schedule, pass: () => this.pass(), ...(settings.lock ? { lock: settings.lock } : {}), logger: settings.logger });
  }

  start(): void {
    this.job.start();
  }

  close(): Promise<void> {
    return this.job.close();
  }

  /** True once `close` was called: a long pass checks it between batches so shutdown does not wait. */
  protected get isClosed(): boolean {
    return this.job.isClosed;
  }

  /** A pass now (see `whileRunning`); null when skipped, stopped or failed. */
  protected runNow(): Promise<R | null> {
    return this.job.runNow();
  }

  protected abstract pass(): Promise<R>;
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { IntervalJob, type JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import { deleteReadingsBefore, stationIdsWithReadings } from './reading-store';

const DAY_MS = 24 * 3_600_000;

export interface ReadingRetentionOptions {
  db: Kysely<Database>;
  /** READING_RETENTION_DAYS. Rain is never thinned (a thinned increment would lose rainfall), only aged out. */
  retentionDays: number;
  logger: Logger;
  clock?: () => number;
  intervalMs?: number;
  lock?: JobLock;
}

/** Deletes readings older than the retention, station by station, every six hours (on the job lock's holder). */
export class ReadingRetentionJob {
  private readonly job: IntervalJob<number>;
  private readonly clock: () => number;

  constructor(private readonly options: ReadingRetentionOptions) {
    this.clock = options.clock ?? Date.now;
    this.job = new IntervalJob({
      name: 'reading-retention',
      everyMs: options.intervalMs ?? 6 * 3_600_000,
      pass: () => this.pass(),
      whileRunning: 'join',
      ...(options.lock ? { lock: options.lock } : {}),
      logger: options.logger,
    });
  }

  start(): void {
    this.job.start();
  }

  async runOnce(): Promise<number> {
    return (await this.job.runNow()) ?? 0;
  }

  close(): Promise<void> {
    return this.job.close();
  }

  private async pass(): Promise<number> {
    const cutoff = this.clock() - this.options.retentionDays * DAY_MS;
    let deleted = 0;
    try {
      for (const stationId of await stationIdsWithReadings(this.options.db)) {
        if (this.job.isClosed) break;
        deleted += await deleteReadingsBefore(this.options.db, cutoff, stationId);
      }
      this.options.logger.info({ deleted, cutoff: new Date(cutoff).toISOString() }, 'gauge readings aged out');
    } catch (error) {
      this.options.logger.error({ err: error }, 'gauge reading retention failed');
    }
    return deleted;
  }
}

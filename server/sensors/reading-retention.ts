import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HousekeepingJob, type HousekeepingSettings } from '../jobs/housekeeping-job';
import { deleteReadingsBefore, stationIdsWithReadings } from './reading-store';

export interface ReadingRetentionOptions extends HousekeepingSettings {
  db: Kysely<Database>;
  /** READING_RETENTION_DAYS. Rain is never thinned (a thinned increment would lose rainfall), only aged out. */
  retentionDays: number;
}

/** Deletes readings older than the retention, station by station, every six hours (on the job lock's holder). */
export class ReadingRetentionJob extends HousekeepingJob {
  constructor(private readonly options: ReadingRetentionOptions) {
    super('reading-retention', options);
  }

  protected override async pass(): Promise<number> {
    const cutoff = this.cutoffDaysAgo(this.options.retentionDays);
    let deleted = 0;
    try {
      for (const stationId of await stationIdsWithReadings(this.options.db)) {
        if (this.isClosed) break;
        deleted += await deleteReadingsBefore(this.options.db, cutoff, stationId);
      }
      this.options.logger.info({ deleted, cutoff: new Date(cutoff).toISOString() }, 'gauge readings aged out');
    } catch (error) {
      this.options.logger.error({ err: error }, 'gauge reading retention failed');
    }
    return deleted;
  }
}

import { PeriodicJob, type JobSettings } from './periodic-job';

const DAY_MS = 24 * 3_600_000;
const EVERY_SIX_HOURS_MS = 6 * 3_600_000;

/** What every housekeeping job takes besides its own settings; a domain's options carry these fields. */
export interface HousekeepingSettings extends JobSettings {
  /** Default: every six hours. */
  intervalMs?: number;
}

/**
 * A job that deletes old rows in batches: a pass runs at start and every six hours on the job lock's holder,
 * a pass asked for while one runs is joined, and a pass reports the rows it removed (0 when it failed).
 */
export abstract class HousekeepingJob extends PeriodicJob<number> {
  protected constructor(name: string, settings: HousekeepingSettings) {
    super({ name, everyMs: settings.intervalMs ?? EVERY_SIX_HOURS_MS, whileRunning: 'join' }, settings);
  }

  /** One pass; a pass already running is joined, not repeated. Returns the rows removed. */
  async runOnce(): Promise<number> {
    return (await this.runNow()) ?? 0;
  }

  /** Now minus `days`, in epoch milliseconds. */
  protected cutoffDaysAgo(days: number): number {
    return this.clock() - days * DAY_MS;
  }
}

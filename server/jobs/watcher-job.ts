import { PeriodicJob, type JobSettings } from './periodic-job';

/** What every alarm watcher takes besides its own settings; a domain's options carry these fields. */
export interface WatcherSettings extends JobSettings {
  /** Default: the watcher's own. */
  checkEveryMs?: number;
}

/**
 * A job that compares the store with the open alarms and raises or clears them: a check runs at start and
 * every `checkEveryMs` on the job lock's holder, and a check asked for while one runs is queued after it, so
 * it sees the latest state.
 */
export abstract class WatcherJob extends PeriodicJob<void> {
  protected constructor(name: string, defaultEveryMs: number, settings: WatcherSettings) {
    super({ name, everyMs: settings.checkEveryMs ?? defaultEveryMs, whileRunning: 'queue' }, settings);
  }

  /** Runs one check after those already queued; resolves when its alarm writes are done. */
  async checkNow(): Promise<void> {
    await this.runNow();
  }

  protected override pass(): Promise<void> {
    return this.check();
  }

  protected abstract check(): Promise<void>;
}

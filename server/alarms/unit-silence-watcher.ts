import { heardAtOf, type Fix } from '../../shared/schemas/position';
import { IntervalJob, type JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import type { PositionHub } from '../positions/position-hub';
import type { AlarmService } from './alarm-service';

export interface UnitSilenceWatcherOptions {
  hub: Pick<PositionHub, 'latest' | 'onFix'>;
  alarms: Pick<AlarmService, 'raise' | 'clear' | 'listOpen'>;
  /** The team's current name, or undefined when the team no longer exists. */
  teamName: (teamId: string) => string | undefined;
  staleAfterMs: number;
  clock?: () => number;
  checkEveryMs?: number;
  lock?: JobLock;
  logger: Logger;
}

/** Only teams heard from this recently can fall silent: seeded teams that never reported do not all alarm at boot. */
export const REPORTING_WINDOW_MS = 6 * 3_600_000;

/**
 * Raises `unit_silent` (失联) for a team whose device has not been heard for `staleAfterMs` and clears
 * it when the device is heard again. Heard, not positioned: a phone reporting without a fix (indoors,
 * a stationary heartbeat) is alive, and its old position is shown apart as 位置未更新. Alarm writes run one at a time in order, so a clear never overtakes its raise;
 * a failed write is logged and retried by the next check.
 */
export class UnitSilenceWatcher {
  /** Teams with an open (or queued) unit_silent alarm. */
  private readonly flagged = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private readonly job: IntervalJob<void>;
  private unsubscribe: (() => void) | null = null;
  private readonly clock: () => number;

  constructor(private readonly options: UnitSilenceWatcherOptions) {
    this.clock = options.clock ?? Date.now;
    this.job = new IntervalJob({
      name: 'unit-silence-watcher',
      everyMs: options.checkEveryMs ?? 10_000,
      pass: () => this.decide(),
      whileRunning: 'queue',
      // The first check waits for the open alarms to be loaded.
      runAtStart: false,
      ...(options.lock ? { lock: options.lock } : {}),
      logger: options.logger,
    });
  }

  private get closed(): boolean {
    return this.job.isClosed;
  }

  start(): void {
    if (this.closed || this.unsubscribe) return;
    this.unsubscribe = this.options.hub.onFix((fix) => this.onFix(fix));
    // Alarms left open by the previous owner are ours to clear (a raise is keyed by kind and team, so
    // this owner never raises one of them again); the first check waits for them.
    this.enqueue('loading open alarms', async () => {
      for (const alarm of await this.options.alarms.listOpen()) if (alarm.kind === 'unit_silent') this.flagged.add(alarm.sourceId);
      void this.job.runNow();
    });
    this.job.start();
  }

  /** Decides now which teams fell silent or recovered; resolves once the resulting alarm writes are done. */
  async checkNow(): Promise<void> {
    await this.job.runNow();
    await this.queue;
  }

  private decide(): Promise<void> {
    if (this.closed) return this.queue;
    const now = this.clock();
    for (const fix of this.options.hub.latest()) {
      const age = now - heardAtOf(fix);
      const flagged = this.flagged.has(fix.teamId);
      if (!flagged && age > this.options.staleAfterMs && age <= REPORTING_WINDOW_MS) this.raise(fix);
      else if (flagged && age <= this.options.staleAfterMs) this.clear(fix.teamId);
    }
    return this.queue;
  }

  /** Stops checking; resolves once alarm writes already started are done. Safe to call twice. */
  async close(): Promise<void> {
    const stopped = this.job.close();
    this.unsubscribe?.();
    this.unsubscribe = null;
    await stopped;
    await this.queue;
  }

  /** Called for every live fix (up to thousands a second): must stay a set lookup in the common case. */
  private onFix(fix: Fix): void {
    if (!this.flagged.has(fix.teamId) || this.closed) return;
    // Any fix received now means the device is back, even an old one from its backlog.
    if (this.clock() - (fix.receivedAt ?? this.clock()) > this.options.staleAfterMs) return;
    this.clear(fix.teamId);
  }

  private raise(fix: Fix): void {
    const teamName = this.options.teamName(fix.teamId);
    if (teamName === undefined) return;
    this.flagged.add(fix.teamId);
    this.enqueue('raising unit_silent', async () => {
      try {
        await this.options.alarms.raise({
          kind: 'unit_silent',
          severity: 'warning',
          sound: 'once',
          sourceType: 'team',
          sourceId: fix.teamId,
          params: { teamName, lastSeenAt: new Date(heardAtOf(fix)).toISOString() },
        });
      } catch (error) {
        this.flagged.delete(fix.teamId);
        throw error;
      }
    });
  }

  private clear(teamId: string): void {
    this.flagged.delete(teamId);
    this.enqueue('clearing unit_silent', async () => {
      try {
        await this.options.alarms.clear('unit_silent', teamId);
      } catch (error) {
        this.flagged.add(teamId);
        throw error;
      }
    });
  }

  private enqueue(what: string, work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error) => this.options.logger.error({ err: error }, `unit silence watcher: ${what} failed`));
  }
}

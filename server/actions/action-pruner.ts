import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { IntervalJob, type JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';

const DAY_MS = 24 * 3_600_000;

export interface ActionPrunerOptions {
  db: Kysely<Database>;
  /** How long a tablet may hold an action in its outbox and still have a retry recognised. */
  keepDays: number;
  logger: Logger;
  clock: () => number;
  intervalMs?: number;
  lock?: JobLock;
}

/**
 * Forgets the answers of client actions older than `keepDays`. A retry of an action that old would be
 * applied again, so the window is far longer than any tablet stays offline.
 */
export class ActionPruner {
  private readonly job: IntervalJob<number>;

  constructor(private readonly options: ActionPrunerOptions) {
    this.job = new IntervalJob({
      name: 'action-pruner',
      everyMs: options.intervalMs ?? 6 * 3_600_000,
      pass: () => this.prune(),
      whileRunning: 'join',
      ...(options.lock ? { lock: options.lock } : {}),
      logger: options.logger,
    });
  }

  start(): void {
    this.job.start();
  }

  /** One pass; returns the rows removed (0 when it failed, which is logged). */
  async runOnce(): Promise<number> {
    return (await this.job.runNow()) ?? 0;
  }

  close(): Promise<void> {
    return this.job.close();
  }

  private async prune(): Promise<number> {
    const cutoff = new Date(this.options.clock() - this.options.keepDays * DAY_MS).toISOString();
    try {
      const result = await this.options.db.deleteFrom('processed_actions').where('created_at', '<', cutoff).executeTakeFirst();
      const removed = Number(result.numDeletedRows);
      if (removed > 0) this.options.logger.info({ removed, cutoff }, 'forgot old processed actions');
      return removed;
    } catch (err) {
      this.options.logger.warn({ err }, 'pruning processed actions failed');
      return 0;
    }
  }
}

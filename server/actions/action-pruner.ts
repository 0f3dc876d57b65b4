import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HousekeepingJob, type HousekeepingSettings } from '../jobs/housekeeping-job';

export interface ActionPrunerOptions extends HousekeepingSettings {
  db: Kysely<Database>;
  /** How long a tablet may hold an action in its outbox and still have a retry recognised. */
  keepDays: number;
  clock: () => number;
}

/**
 * Forgets the answers of client actions older than `keepDays`. A retry of an action that old would be
 * applied again, so the window is far longer than any tablet stays offline.
 */
export class ActionPruner extends HousekeepingJob {
  constructor(private readonly options: ActionPrunerOptions) {
    super('action-pruner', options);
  }

  protected override async pass(): Promise<number> {
    const cutoff = new Date(this.cutoffDaysAgo(this.options.keepDays)).toISOString();
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

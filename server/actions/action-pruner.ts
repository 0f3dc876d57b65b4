import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Logger } from '../logger';

const DAY_MS = 24 * 3_600_000;

export interface ActionPrunerOptions {
  db: Kysely<Database>;
  /** How long a tablet may hold an action in its outbox and still have a retry recognised. */
  keepDays: number;
  logger: Logger;
  clock: () => number;
  intervalMs?: number;
}

/**
 * Forgets the answers of client actions older than `keepDays`. A retry of an action that old would be
 * applied again, so the window is far longer than any tablet stays offline.
 */
export class ActionPruner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private closed = false;

  constructor(private readonly options: ActionPrunerOptions) {}

  start(): void {
    if (this.closed || this.timer) return;
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs ?? 6 * 3_600_000);
    this.timer.unref();
  }

  /** One pass; returns the rows removed (0 when it failed, which is logged). */
  runOnce(): Promise<number> {
    this.running ??= this.prune().finally(() => (this.running = null));
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async prune(): Promise<number> {
    if (this.closed) return 0;
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

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema';
import { HousekeepingJob, type HousekeepingSettings } from '../jobs/housekeeping-job';

const DAY_MS = 24 * 3_600_000;

export interface DownsampleOptions {
  /** Only fixes at or after this time are considered; the job passes its previous cutoff. */
  newerThanMs?: number;
  /** Checked between statements so a shutdown does not wait for a long first pass. */
  shouldStop?: () => boolean;
}

/**
 * Thins history older than `olderThanMs` to the first fix per device per `keepEveryMs` bucket.
 * Works device by device and day by day so every statement is a short range on the primary key;
 * the correlated DELETE is plain SQL on both dialects. Idempotent. Returns the rows deleted.
 */
export async function downsampleHistory(db: Kysely<Database>, olderThanMs: number, keepEveryMs = 60_000, options: DownsampleOptions = {}): Promise<number> {
  let deleted = 0;
  for (const deviceId of await deviceIds(db)) {
    const first = await db.selectFrom('positions').select(({ fn }) => fn.min('t').as('t')).where('device_id', '=', deviceId).executeTakeFirst();
    if (first?.t === null || first?.t === undefined) continue;
    const start = Math.max(Number(first.t), options.newerThanMs ?? -Infinity);
    for (let from = start; from < olderThanMs; from += DAY_MS) {
      if (options.shouldStop?.()) return deleted;
      const to = Math.min(from + DAY_MS, olderThanMs);
      const result = await db
        .deleteFrom('positions')
        .where('device_id', '=', deviceId)
        .where('t', '>=', from)
        .where('t', '<', to)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('positions as earlier')
              .select(sql<number>`1`.as('one'))
              .whereRef('earlier.device_id', '=', 'positions.device_id')
              .whereRef('earlier.t', '<', 'positions.t')
              .where('earlier.t', '>=', sql<number>`positions.t - (positions.t % ${keepEveryMs})`),
          ),
        )
        .executeTakeFirst();
      deleted += Number(result.numDeletedRows);
    }
  }
  return deleted;
}

/** Distinct device ids by skipping along the primary key (a loose index scan; portable recursive CTE). */
async function deviceIds(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive d(id) as (
      select min(device_id) from positions
      union all
      select (select min(p.device_id) from positions p where p.device_id > d.id) from d where d.id is not null
    )
    select id from d where id is not null`.execute(db);
  return result.rows.map((r) => r.id);
}

export interface RetentionJobOptions extends HousekeepingSettings {
  db: Kysely<Database>;
  /** POSITION_RETENTION_DAYS: full-rate history is kept this long, then thinned to one fix a minute. */
  retentionDays: number;
  keepEveryMs?: number;
}

/** Thins position history older than the retention, every six hours (on the job lock's holder). */
export class RetentionJob extends HousekeepingJob {
  private doneUntilMs: number | undefined;

  constructor(private readonly options: RetentionJobOptions) {
    super('position-retention', options);
  }

  protected override async pass(): Promise<number> {
    const cutoff = this.cutoffDaysAgo(this.options.retentionDays);
    const started = this.clock();
    try {
      const deleted = await downsampleHistory(this.options.db, cutoff, this.options.keepEveryMs, {
        ...(this.doneUntilMs !== undefined ? { newerThanMs: this.doneUntilMs } : {}),
        shouldStop: () => this.isClosed,
      });
      if (!this.isClosed) this.doneUntilMs = cutoff;
      this.options.logger.info({ deleted, cutoff: new Date(cutoff).toISOString(), ms: this.clock() - started }, 'position history downsampled');
      return deleted;
    } catch (error) {
      this.options.logger.error({ err: error }, 'position history downsampling failed');
      return 0;
    }
  }
}

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema';
import type { SqliteBackground } from '../db/sqlite-background';
import { yieldToEventLoop } from '../db/yield';

const WRITE_CHUNK = 200;
/** On a SQLite file the counters go through the background connection, one prepared statement per device. */
const UPDATE_ONE_SQL = `update devices set
  last_seen_at = case when ? is not null and (last_seen_at is null or last_seen_at < ?) then ? else last_seen_at end,
  rejected_fixes = rejected_fixes + ?,
  last_reject_reason = coalesce(?, last_reject_reason),
  battery = coalesce(?, battery),
  clock_skew_ms = coalesce(?, clock_skew_ms),
  thinned_fixes = thinned_fixes + ?
  where id = ?`;

interface Pending {
  lastSeenMs: number | null;
  rejected: number;
  lastRejectReason: string | null;
  /** Latest battery the device reported, with or without a fix. */
  battery: number | null;
  /** Device time minus receive time of its latest current fix. */
  clockSkewMs: number | null;
  thinned: number;
}

export interface TelemetryView {
  lastSeenAt: string | null;
  rejectedFixes: number;
  lastRejectReason: string | null;
  battery: number | null;
  clockSkewMs: number | null;
  thinnedFixes: number;
}

/**
 * Per-device "last seen" and "rejected fixes" counters. A device at 1 Hz would otherwise write its row
 * every second, so counts gather in memory and are written in one pass by `flush()`. This is
 * telemetry, not a state change: no events.
 */
export class DeviceTelemetry {
  private pending = new Map<string, Pending>();
  /** Serialises flushes with reads that lay pending counts over stored ones, so nothing is counted twice or lost. */
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly background: SqliteBackground | null = null,
  ) {}

  noteSeen(deviceId: string, atMs: number, battery: number | null = null): void {
    const entry = this.entry(deviceId);
    if (entry.lastSeenMs === null || atMs >= entry.lastSeenMs) {
      entry.lastSeenMs = atMs;
      if (battery !== null && Number.isFinite(battery) && battery >= 0 && battery <= 100) entry.battery = battery;
    }
  }

  noteClockSkew(deviceId: string, skewMs: number): void {
    if (Number.isSafeInteger(skewMs)) this.entry(deviceId).clockSkewMs = skewMs;
  }

  noteThinned(deviceId: string): void {
    this.entry(deviceId).thinned += 1;
  }

  noteRejected(deviceId: string, reason: string): void {
    const entry = this.entry(deviceId);
    entry.rejected += 1;
    entry.lastRejectReason = reason.slice(0, 200);
  }

  /** Runs a read of stored counters with no flush in between, so `overlay` on its result is exact. */
  exclusive<T>(read: () => Promise<T>): Promise<T> {
    const run = this.lock.then(read, read);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** The stored values with what is not flushed yet laid over them; call inside `exclusive`. */
  overlay(deviceId: string, stored: TelemetryView): TelemetryView {
    const p = this.pending.get(deviceId);
    if (!p) return stored;
    const seenLater = p.lastSeenMs !== null && (stored.lastSeenAt === null || p.lastSeenMs > Date.parse(stored.lastSeenAt));
    return {
      lastSeenAt: seenLater ? new Date(p.lastSeenMs as number).toISOString() : stored.lastSeenAt,
      rejectedFixes: stored.rejectedFixes + p.rejected,
      lastRejectReason: p.lastRejectReason ?? stored.lastRejectReason,
      battery: p.battery ?? stored.battery,
      clockSkewMs: p.clockSkewMs ?? stored.clockSkewMs,
      thinnedFixes: stored.thinnedFixes + p.thinned,
    };
  }

  /** Writes the gathered counters; on failure they are merged back and written next time. */
  flush(): Promise<void> {
    return this.exclusive(async () => {
      if (this.pending.size === 0) return;
      const batch = this.pending;
      this.pending = new Map();
      await this.write(batch);
    });
  }

  /**
   * One statement per chunk of devices (a CASE per column) rather than one per device: with thousands
   * of devices at 1 Hz, a statement each would hold the single SQLite connection for a long time.
   */
  private async write(batch: Map<string, Pending>): Promise<void> {
    const entries = [...batch];
    try {
      if (this.background) {
        await this.background.runForEachRow(UPDATE_ONE_SQL, entries.map(([id, p]) => {
          const seen = p.lastSeenMs === null ? null : new Date(p.lastSeenMs).toISOString();
          return [seen, seen, seen, p.rejected, p.lastRejectReason, p.battery, p.clockSkewMs, p.thinned, id];
        }));
        return;
      }
      await this.db.transaction().execute(async (tx) => {
        for (let i = 0; i < entries.length; i += WRITE_CHUNK) {
          if (i > 0) await yieldToEventLoop();
          const chunk = entries.slice(i, i + WRITE_CHUNK);
          const ids = chunk.map(([id]) => id);
          const seen = chunk.filter(([, p]) => p.lastSeenMs !== null);
          const rejected = chunk.filter(([, p]) => p.rejected > 0);
          const lastSeen = seen.length
            ? sql<string>`case id ${sql.join(seen.map(([id, p]) => sql`when ${id} then ${new Date(p.lastSeenMs as number).toISOString()}`), sql` `)} else last_seen_at end`
            : sql<string>`last_seen_at`;
          const rejectedCount = rejected.length
            ? sql<number>`rejected_fixes + case id ${sql.join(rejected.map(([id, p]) => sql`when ${id} then ${p.rejected}`), sql` `)} else 0 end`
            : sql<number>`rejected_fixes`;
          const reason = rejected.length
            ? sql<string>`case id ${sql.join(rejected.map(([id, p]) => sql`when ${id} then ${p.lastRejectReason}`), sql` `)} else last_reject_reason end`
            : sql<string>`last_reject_reason`;
          await tx.updateTable('devices').set({ last_seen_at: lastSeen, rejected_fixes: rejectedCount, last_reject_reason: reason }).where('id', 'in', ids).execute();
          // Battery, clock skew and thinning change rarely in one flush: a statement per device that has them.
          for (const [id, p] of chunk) {
            if (p.battery === null && p.clockSkewMs === null && p.thinned === 0) continue;
            await tx
              .updateTable('devices')
              .set((eb) => ({
                battery: p.battery ?? eb.ref('battery'),
                clock_skew_ms: p.clockSkewMs ?? eb.ref('clock_skew_ms'),
                thinned_fixes: sql<number>`thinned_fixes + ${p.thinned}`,
              }))
              .where('id', '=', id)
              .execute();
          }
        }
      });
    } catch (error) {
      for (const [deviceId, p] of batch) this.mergeBack(deviceId, p);
      throw error;
    }
  }

  private mergeBack(deviceId: string, older: Pending): void {
    const newer = this.pending.get(deviceId);
    if (!newer) {
      this.pending.set(deviceId, older);
      return;
    }
    newer.rejected += older.rejected;
    newer.thinned += older.thinned;
    newer.lastRejectReason ??= older.lastRejectReason;
    newer.battery ??= older.battery;
    newer.clockSkewMs ??= older.clockSkewMs;
    if (older.lastSeenMs !== null && (newer.lastSeenMs === null || older.lastSeenMs > newer.lastSeenMs)) newer.lastSeenMs = older.lastSeenMs;
  }

  private entry(deviceId: string): Pending {
    let entry = this.pending.get(deviceId);
    if (!entry) {
      entry = { lastSeenMs: null, rejected: 0, lastRejectReason: null, battery: null, clockSkewMs: null, thinned: 0 };
      this.pending.set(deviceId, entry);
    }
    return entry;
  }
}

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema';

interface Pending {
  lastSeenMs: number | null;
  rejected: number;
  lastRejectReason: string | null;
}

export interface TelemetryView {
  lastSeenAt: string | null;
  rejectedFixes: number;
  lastRejectReason: string | null;
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

  constructor(private readonly db: Kysely<Database>) {}

  noteSeen(deviceId: string, atMs: number): void {
    const entry = this.entry(deviceId);
    if (entry.lastSeenMs === null || atMs > entry.lastSeenMs) entry.lastSeenMs = atMs;
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

  private async write(batch: Map<string, Pending>): Promise<void> {
    try {
      await this.db.transaction().execute(async (tx) => {
        for (const [deviceId, p] of batch) {
          await tx
            .updateTable('devices')
            .set({
              ...(p.lastSeenMs !== null ? { last_seen_at: new Date(p.lastSeenMs).toISOString() } : {}),
              ...(p.rejected > 0 ? { rejected_fixes: sql<number>`rejected_fixes + ${p.rejected}`, last_reject_reason: p.lastRejectReason } : {}),
            })
            .where('id', '=', deviceId)
            .execute();
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
    newer.lastRejectReason ??= older.lastRejectReason;
    if (older.lastSeenMs !== null && (newer.lastSeenMs === null || older.lastSeenMs > newer.lastSeenMs)) newer.lastSeenMs = older.lastSeenMs;
  }

  private entry(deviceId: string): Pending {
    let entry = this.pending.get(deviceId);
    if (!entry) {
      entry = { lastSeenMs: null, rejected: 0, lastRejectReason: null };
      this.pending.set(deviceId, entry);
    }
    return entry;
  }
}

import type { Kysely } from 'kysely';
import { heardAtOf, type Fix } from '../../shared/schemas/position';
import type { Database } from '../db/schema';
import type { Logger } from '../logger';
import { insertFixes, selectLatestPerTeam, selectSince, selectTrack } from './position-store';

export type FixListener = (fix: Fix) => void;
export type TrailPoint = [lon: number, lat: number, t: number];

export interface PositionHubOptions {
  db: Kysely<Database>;
  clock?: () => number;
  /** How often the latest fixes of teams that moved are published (coalesced). */
  pushIntervalMs?: number;
  /** How often buffered fixes are written to the positions table. */
  flushIntervalMs?: number;
  publish: (fixes: Fix[]) => void;
  logger: Logger;
  /** Writes a batch of history; defaults to a transaction on `db` (see historyWriter). */
  writeHistory?: (fixes: readonly Fix[]) => Promise<void>;
  /** Fixes kept for writing while the database is down; the oldest are dropped beyond this. */
  maxBufferedRows?: number;
}

const FAILURE_LOG_EVERY = 60;

/**
 * The high-rate position stream, kept apart from the event log: fixes are not state changes. The
 * latest fix per team lives in memory and is published at most once per push tick; history is
 * buffered and written in batches, so a crash loses at most one flush interval.
 */
export class PositionHub {
  private readonly latestByTeam = new Map<string, Fix>();
  /** When each team's device was last heard, with or without a fix (see `heard`). */
  private readonly heardByTeam = new Map<string, number>();
  private readonly dirty = new Set<string>();
  private readonly listeners = new Set<FixListener>();
  private buffer: Fix[] = [];
  /** Taken from the buffer by the running flush, not yet committed; still visible to reads. */
  private inFlight: readonly Fix[] = [];
  private flushing: Promise<void> | null = null;
  private failedFlushes = 0;
  private pushTimer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private closing: Promise<void> | null = null;

  private readonly db: Kysely<Database>;
  private readonly clock: () => number;
  private readonly pushIntervalMs: number;
  private readonly flushIntervalMs: number;
  private readonly writeHistory: (fixes: readonly Fix[]) => Promise<void>;
  private readonly publish: (fixes: Fix[]) => void;
  private readonly log: Logger;
  private readonly maxBufferedRows: number;

  constructor(options: PositionHubOptions) {
    this.db = options.db;
    this.clock = options.clock ?? Date.now;
    this.pushIntervalMs = Math.min(options.pushIntervalMs ?? 50, 50);
    this.flushIntervalMs = options.flushIntervalMs ?? 500;
    this.writeHistory = options.writeHistory ?? ((fixes) => insertFixes(options.db, fixes));
    this.publish = options.publish;
    this.log = options.logger;
    this.maxBufferedRows = options.maxBufferedRows ?? 300_000;
  }

  /** Starts the push and flush timers. */
  start(): void {
    if (this.closing || this.pushTimer) return;
    this.pushTimer = setInterval(() => this.pushNow(), this.pushIntervalMs);
    this.flushTimer = setInterval(() => void this.flush(), this.flushIntervalMs);
  }

  /**
   * Takes a validated fix. 'late' means older than the team's latest: stored, not published. 'flagged'
   * means the device marked it unusable (valid=false, mock): stored, never the live marker.
   * Against another device of the team the comparison allows SAME_INSTANT_MS, since OsmAnd and
   * OwnTracks stamp whole seconds and cannot be ordered finer against a millisecond stamp.
   */
  accept(fix: Fix): 'live' | 'late' | 'flagged' {
    if (this.closing) return 'late';
    this.buffer.push(fix);
    if (this.buffer.length > this.maxBufferedRows) this.dropOldestBuffered();
    this.heard(fix.teamId, fix.receivedAt ?? this.clock());
    if (fix.flag) return 'flagged';
    const current = this.latestByTeam.get(fix.teamId);
    if (current && isLate(fix, current)) return 'late';
    this.latestByTeam.set(fix.teamId, fix);
    this.dirty.add(fix.teamId);
    for (const listener of this.listeners) {
      try {
        listener(fix);
      } catch (error) {
        this.log.error({ err: error }, 'position listener failed');
      }
    }
    return 'live';
  }

  /** Stores a fix in history only (a backlog too old for the live board). */
  archive(fix: Fix): void {
    if (this.closing) return;
    this.buffer.push(fix);
    if (this.buffer.length > this.maxBufferedRows) this.dropOldestBuffered();
  }

  /**
   * The team's device was heard (a report without a fix, or any fix): boards see the position as old but
   * the unit as alive, which is a different thing from a silent unit.
   */
  heard(teamId: string, atMs: number): void {
    const last = this.heardByTeam.get(teamId);
    if (last !== undefined && last >= atMs) return;
    this.heardByTeam.set(teamId, atMs);
    if (this.latestByTeam.has(teamId)) this.dirty.add(teamId);
  }

  /**
   * Cluster mode: the latest fixes another instance took (and stores; the position relay's reader pushes them to
   * this instance's screens). Kept as this instance's latest too, so its resyncs, dispatch suggestions and the
   * silence watcher see every team; not stored again and not published again.
   */
  mergeRemote(fixes: readonly Fix[]): void {
    if (this.closing) return;
    for (const fix of fixes) {
      const heardAt = heardAtOf(fix);
      if ((this.heardByTeam.get(fix.teamId) ?? -Infinity) < heardAt) this.heardByTeam.set(fix.teamId, heardAt);
      const current = this.latestByTeam.get(fix.teamId);
      if (current && isLate(fix, current)) continue;
      this.latestByTeam.set(fix.teamId, fix);
      for (const listener of this.listeners) {
        try {
          listener(fix);
        } catch (error) {
          this.log.error({ err: error }, 'position listener failed');
        }
      }
    }
  }

  /** Subscribes to live fixes (not late ones); returns the unsubscribe function. */
  onFix(listener: FixListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Each team's latest live fix, with `heardAt` when its device was heard since. */
  latest(): Fix[] {
    const fixes: Fix[] = [];
    for (const fix of this.latestByTeam.values()) fixes.push(this.withHeard(fix));
    return fixes;
  }

  latestFor(teamId: string): Fix | null {
    const fix = this.latestByTeam.get(teamId);
    return fix ? this.withHeard(fix) : null;
  }

  private withHeard(fix: Fix): Fix {
    const heardAt = this.heardByTeam.get(fix.teamId);
    return heardAt === undefined ? fix : { ...fix, heardAt };
  }

  /** Publishes the latest fix of every team that moved since the last push; one call per tick. */
  pushNow(): void {
    if (this.dirty.size === 0) return;
    const fixes: Fix[] = [];
    for (const teamId of this.dirty) {
      const fix = this.latestByTeam.get(teamId);
      if (fix) fixes.push(this.withHeard(fix));
    }
    this.dirty.clear();
    try {
      this.publish(fixes);
    } catch (error) {
      this.log.error({ err: error }, 'publishing positions failed');
    }
  }

  /** Writes buffered history; never throws: a failure is logged and the rows wait for the next flush. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.inFlight = batch;
    this.flushing = this.write(batch).finally(() => {
      this.inFlight = [];
      this.flushing = null;
    });
    await this.flushing;
  }

  /** Loads the latest stored fix of every team (at boot, before devices report). */
  async loadLatest(): Promise<void> {
    for (const fix of await selectLatestPerTeam(this.db)) {
      const current = this.latestByTeam.get(fix.teamId);
      if (!current || fix.t > current.t) this.latestByTeam.set(fix.teamId, fix);
    }
  }

  /**
   * Every team's path since `sinceMs`, ascending, from the table and the unwritten buffer. Only teams
   * whose latest fix is that recent can have points (late fixes are older than the latest), so the
   * query names them (call `loadLatest()` at boot).
   */
  async trails(sinceMs: number): Promise<Record<string, TrailPoint[]>> {
    const recentTeams = this.latest().filter((f) => f.t >= sinceMs).map((f) => f.teamId);
    const stored = await selectSince(this.db, recentTeams, sinceMs);
    const byTeam = new Map<string, Fix[]>();
    for (const fix of stored) appendTo(byTeam, fix);
    const touched = new Set<string>();
    for (const fix of this.unwritten()) {
      if (fix.t < sinceMs) continue;
      appendTo(byTeam, fix);
      touched.add(fix.teamId);
    }
    const trails: Record<string, TrailPoint[]> = {};
    for (const [teamId, fixes] of byTeam) {
      const ordered = touched.has(teamId) ? sortedUnique(fixes) : fixes;
      trails[teamId] = ordered.map((f) => [f.lon, f.lat, f.t]);
    }
    return trails;
  }

  /** The latest `limit` fixes of a team within [fromMs, toMs], ascending. */
  async track(teamId: string, fromMs: number, toMs: number, limit: number): Promise<Fix[]> {
    const stored = await selectTrack(this.db, teamId, fromMs, toMs, limit);
    const pending = this.unwritten().filter((f) => f.teamId === teamId && f.t >= fromMs && f.t <= toMs);
    if (pending.length === 0) return stored;
    return sortedUnique([...stored, ...pending]).slice(-limit);
  }

  /** Stops the timers and writes what is buffered; safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.pushTimer) clearInterval(this.pushTimer);
      if (this.flushTimer) clearInterval(this.flushTimer);
      this.pushTimer = this.flushTimer = null;
      await this.flush();
    })();
    return this.closing;
  }

  /** Rows buffered for writing (for the health view and tests). */
  get bufferedRows(): number {
    return this.buffer.length + this.inFlight.length;
  }

  private async write(batch: Fix[]): Promise<void> {
    try {
      await this.writeHistory(batch);
      if (this.failedFlushes > 0) this.log.info({ failedFlushes: this.failedFlushes }, 'position history writes recovered');
      this.failedFlushes = 0;
    } catch (error) {
      this.buffer = batch.concat(this.buffer);
      if (this.buffer.length > this.maxBufferedRows) this.dropOldestBuffered();
      if (this.failedFlushes % FAILURE_LOG_EVERY === 0) {
        this.log.error({ err: error, bufferedRows: this.buffer.length, failedFlushes: this.failedFlushes + 1 }, 'writing position history failed; will retry');
      }
      this.failedFlushes += 1;
    }
  }

  private unwritten(): Fix[] {
    return this.inFlight.length === 0 ? this.buffer : [...this.inFlight, ...this.buffer];
  }

  private dropOldestBuffered(): void {
    // Drop a tenth at once so a long outage does not cost a copy of the buffer per fix.
    const drop = Math.max(this.buffer.length - this.maxBufferedRows, Math.ceil(this.maxBufferedRows / 10));
    this.buffer = this.buffer.slice(drop);
    this.log.warn({ droppedRows: drop, since: new Date(this.clock()).toISOString() }, 'position history buffer full; dropped the oldest rows');
  }
}

const SAME_INSTANT_MS = 1_000;
/** A device clock further ahead than this is not trusted to order the live marker. */
export const CLOCK_AHEAD_MS = 30_000;

/** A device clock more than CLOCK_AHEAD_MS ahead of the server when the fix arrived. */
const clockAhead = (fix: Fix): boolean => fix.receivedAt !== undefined && fix.t - fix.receivedAt > CLOCK_AHEAD_MS;
/** Stamped about when it arrived (or ahead): not a backlog the phone kept while offline. */
const current = (fix: Fix): boolean => fix.receivedAt !== undefined && fix.t > fix.receivedAt - 60_000;

/**
 * Whether a fix is older than the team's latest. When either clock runs ahead, current fixes are
 * ordered by when they arrived: a fix stamped minutes ahead would otherwise make every real fix after
 * it "late" until the clock caught up, freezing the marker.
 */
function isLate(fix: Fix, latest: Fix): boolean {
  if ((clockAhead(fix) || clockAhead(latest)) && current(fix) && fix.receivedAt !== latest.receivedAt) {
    return (fix.receivedAt ?? 0) < (latest.receivedAt ?? 0);
  }
  return fix.deviceId === latest.deviceId ? fix.t <= latest.t : fix.t < latest.t - SAME_INSTANT_MS;
}

function appendTo(byTeam: Map<string, Fix[]>, fix: Fix): void {
  const list = byTeam.get(fix.teamId);
  if (list) list.push(fix);
  else byTeam.set(fix.teamId, [fix]);
}

/** Ascending by time, one fix per device and time (the unwritten buffer may repeat stored rows). */
function sortedUnique(fixes: Fix[]): Fix[] {
  const seen = new Set<string>();
  const unique: Fix[] = [];
  for (const fix of [...fixes].sort((a, b) => a.t - b.t)) {
    const key = `${fix.deviceId}\u0000${fix.t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(fix);
  }
  return unique;
}

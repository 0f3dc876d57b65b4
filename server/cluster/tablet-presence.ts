import { randomUUID } from 'node:crypto';
import { IntervalJob } from '../jobs/interval-job';
import type { Logger } from '../logger';

/** What this instance knows by itself: the teams whose tablet is connected here (the socket server's rooms). */
export interface LocalTablets {
  connectedTeams(): string[];
  /** Calls `listener` whenever a team's first tablet here joins or its last one leaves. */
  onTeamRoomsChanged(listener: () => void): void;
}

/** Where instances leave the teams of their tablets for each other (Redis in cluster mode). */
export interface TabletPresenceStore {
  /** Replaces this instance's entry; it ends by itself `ttlMs` later unless published again. */
  publish(instanceId: string, teams: readonly string[], ttlMs: number): Promise<void>;
  /** The teams in every other instance's entry that has not ended. */
  readOthers(instanceId: string): Promise<string[]>;
  remove(instanceId: string): Promise<void>;
}

export interface PresenceTiming {
  heartbeatMs: number;
  /** How long an instance's entry outlives its last heartbeat: a killed instance's tablets end within this. */
  ttlMs: number;
}

/** Four heartbeats may be missed (a pause on a busy host) before the others stop counting an instance's tablets. */
export const PRESENCE_TIMING: PresenceTiming = { heartbeatMs: 2_000, ttlMs: 8_000 };

export interface TabletPresenceDeps {
  store: TabletPresenceStore;
  logger: Logger;
  timing?: PresenceTiming;
  clock?: () => number;
}

/**
 * Cluster mode: which teams have a tablet connected to another instance. Each instance publishes its own teams
 * on every heartbeat and at once when they change, and reads the others' into a cached view. The dispatch
 * suggester asks synchronously and never waits for Redis: a view at most one heartbeat old is good enough for
 * ranking, and a desk's suggestions stay as fast while Redis is slow or down. While Redis does not answer, the
 * last view counts until it is a TTL old (by then the entries it read would have ended anyway); after that only
 * this instance's own tablets count.
 */
export class TabletPresence {
  readonly instanceId = randomUUID();
  private readonly timing: PresenceTiming;
  private readonly clock: () => number;
  private readonly heartbeat: IntervalJob<void>;
  private local: LocalTablets | null = null;
  private remote = new Set<string>();
  private readAt = Number.NEGATIVE_INFINITY;
  private beatQueued = false;
  private failing = false;
  private closing: Promise<void> | null = null;

  constructor(private readonly deps: TabletPresenceDeps) {
    this.timing = deps.timing ?? PRESENCE_TIMING;
    this.clock = deps.clock ?? Date.now;
    this.heartbeat = new IntervalJob({ name: 'tablet-presence', everyMs: this.timing.heartbeatMs, pass: () => this.beat(), whileRunning: 'queue', logger: deps.logger });
  }

  /** Publishes this instance's tablets from now on until `close`. */
  start(local: LocalTablets): void {
    this.local = local;
    local.onTeamRoomsChanged(() => this.beatSoon());
    this.heartbeat.start();
  }

  /** Whether a tablet of the team is connected to another instance, as last read. */
  connectedElsewhere(teamId: string): boolean {
    return this.clock() - this.readAt <= this.timing.ttlMs && this.remote.has(teamId);
  }

  /** Idempotent. Removes this instance's entry so the others stop counting its tablets at their next read. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.heartbeat.close();
      await this.deps.store.remove(this.instanceId).catch(() => undefined);
    })();
    return this.closing;
  }

  /** Many tablets joining at once (an instance's tablets reconnecting after it died) cost one write, not one each. */
  private beatSoon(): void {
    if (this.beatQueued) return;
    this.beatQueued = true;
    void this.heartbeat.runNow();
  }

  private async beat(): Promise<void> {
    this.beatQueued = false;
    try {
      await this.deps.store.publish(this.instanceId, this.local?.connectedTeams() ?? [], this.timing.ttlMs);
      this.remote = new Set(await this.deps.store.readOthers(this.instanceId));
      this.readAt = this.clock();
      if (this.failing) this.deps.logger.info('tablet presence: Redis reachable again, tablets on every instance count as online');
      this.failing = false;
    } catch (err) {
      if (!this.failing) this.deps.logger.warn({ err }, 'tablet presence: Redis unreachable; dispatch suggestions soon count only tablets connected to this instance');
      this.failing = true;
    }
  }
}

import type { Snapshot } from '../../shared/schemas/sync';
import type { Principal } from '../auth/principal';
import { yieldToEventLoop } from '../db/yield';

/** Viewers with the same key see the same snapshot: the admin, other staff, the wall kiosks, or one team's tablets. */
export const snapshotAudienceOf = (viewer: Principal): string =>
  viewer.role === 'admin' ? 'admin' : viewer.role === 'field' ? `field:${viewer.teamId ?? ''}` : viewer.role === 'wall' ? 'wall' : 'board';

/**
 * Serves concurrent identical snapshot requests with one build. Per audience at most one build runs and one
 * waits; every request arriving meanwhile joins the waiting one. A request never joins a build that has
 * already started: that build may have read its seq before the request joined its rooms, and the events in
 * between would be in neither the snapshot nor the pushes. Builds start on a later turn of the event loop,
 * never inside the request that asked.
 */
export class SnapshotCoalescer {
  private readonly running = new Map<string, Promise<Snapshot>>();
  private readonly waiting = new Map<string, Promise<Snapshot>>();

  constructor(
    private readonly build: (viewer: Principal) => Promise<Snapshot>,
    private readonly audienceOf: (viewer: Principal) => string = snapshotAudienceOf,
  ) {}

  get(viewer: Principal): Promise<Snapshot> {
    const key = this.audienceOf(viewer);
    const waiting = this.waiting.get(key);
    if (waiting) return waiting;
    const previous = this.running.get(key);
    const slot: { build?: Promise<Snapshot> } = {};
    const next = (async () => {
      await previous?.catch(() => undefined);
      await yieldToEventLoop();
      this.waiting.delete(key);
      if (slot.build) this.running.set(key, slot.build);
      try {
        return await this.build(viewer);
      } finally {
        if (this.running.get(key) === slot.build) this.running.delete(key);
      }
    })();
    slot.build = next;
    this.waiting.set(key, next);
    return next;
  }
}

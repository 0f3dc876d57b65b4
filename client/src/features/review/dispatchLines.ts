import type { DomainEvent } from '@shared/schemas/event';
import type { ReplayScene } from '@shared/schemas/replay';
import { ACTIVE_ASSIGNMENT_STATES, type AssignmentState } from '@shared/schemas/dispatch';
import { applyToScene } from '@shared/replay/scene';

export type SceneDispatch = ReplayScene['dispatches'][string];
export interface ClosedDispatch {
  dispatch: SceneDispatch;
  closedAt: number;
}

const ACTIVE: readonly AssignmentState[] = ACTIVE_ASSIGNMENT_STATES;
/** Past this many let-go entries, the closed list is compacted (its head only moves forward). */
const COMPACT_AFTER = 1_024;

/** How long a closed dispatch's line lingers, fading: about three seconds of watching, and at least two replay minutes. */
export const fadeMsAt = (speed: number): number => Math.max(2 * 60_000, speed * 3_000);

/**
 * The dispatches a replay frame draws a line for. Those open at the replay time t (assigned ≤ t < declined,
 * completed or cancelled) are the scene's own: its fold adds one when assigned and drops it when closed, each
 * event applied once as t passes it, and a seek starts again from the server's scene at the new time. Those
 * closed within the fade are kept here in the order they closed, and let go from the front as t moves on. A
 * frame's work is the open and the fading ones, never every dispatch of the window.
 */
export class DispatchLines {
  private closed: ClosedDispatch[] = [];
  private head = 0;

  /** A seek: the scene comes anew, and what closed before the new time is not known, so nothing fades. */
  reset(): void {
    this.closed = [];
    this.head = 0;
  }

  /** Applies the pending events at or before t in order (one closed at exactly t is closed at t); removes them and returns how many. */
  applyUntil(scene: ReplayScene, pending: DomainEvent[], t: number): number {
    let n = 0;
    while (n < pending.length && Date.parse((pending[n] as DomainEvent).at) <= t) {
      const event = pending[n] as DomainEvent;
      this.noteClosing(scene, event);
      applyToScene(scene, event);
      n++;
    }
    if (n > 0) pending.splice(0, n);
    return n;
  }

  private noteClosing(scene: ReplayScene, event: DomainEvent): void {
    if (event.type !== 'dispatch.stepped' || ACTIVE.includes(event.payload.assignment.state)) return;
    const open = scene.dispatches[`${event.payload.dispatchId}|${event.payload.teamId}`];
    if (open) this.closed.push({ dispatch: { ...open, state: event.payload.assignment.state }, closedAt: Date.parse(event.at) });
  }

  /** The dispatches open at the scene's time. */
  open(scene: ReplayScene): SceneDispatch[] {
    return Object.values(scene.dispatches);
  }

  /** The ones closed less than `fadeMs` before t, oldest first; older ones are let go (t only moves on between seeks). */
  fadingAt(t: number, fadeMs: number): readonly ClosedDispatch[] {
    while (this.head < this.closed.length && (this.closed[this.head] as ClosedDispatch).closedAt + fadeMs <= t) this.head++;
    if (this.head > COMPACT_AFTER && this.head * 2 > this.closed.length) {
      this.closed = this.closed.slice(this.head);
      this.head = 0;
    }
    return this.head === 0 ? this.closed : this.closed.slice(this.head);
  }
}

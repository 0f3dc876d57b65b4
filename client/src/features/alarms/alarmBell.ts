import type { Alarm } from '@shared/schemas/alarm';
import { REPEAT_INTERVAL_MS, ringsOnRaise } from './bellPolicy';

/** `loud`: an SOS nobody has acknowledged for a minute; `normal`: any other ringing alarm. */
export type BellStage = 'normal' | 'loud';

export const SECOND_STAGE_AFTER_MS = 60_000;
export const LOUD_REPEAT_INTERVAL_MS = 4_000;

export interface AlarmBellDeps {
  clock: () => number;
  /** The open alarms, as the store holds them. */
  open: () => Iterable<Alarm>;
  play: (stage: BellStage) => void;
}

const unacknowledgedSos = (alarm: Alarm) => alarm.kind === 'sos' && alarm.state === 'raised';

/**
 * When the bell rings and how loud: once when an alarm is raised, every 10 s while a `repeat` alarm is
 * unacknowledged, and every 4 s at the loud stage once an SOS has waited 60 s. Driven by `tick()` (the
 * screen calls it every second) and an injected clock, so tests step through a minute without waiting.
 */
export class AlarmBell {
  private lastRingAt = Number.NEGATIVE_INFINITY;
  private lastStage: BellStage | null = null;
  /** When this screen first saw each alarm: a wall whose clock runs behind the server's still escalates on time. */
  private readonly firstSeen = new Map<string, number>();

  constructor(private readonly deps: AlarmBellDeps) {}

  /** How long an SOS has waited: from when it was raised, or first seen here if this clock says later. */
  private waitedMs(alarm: Alarm, now: number): number {
    let seen = this.firstSeen.get(alarm.id);
    if (seen === undefined) this.firstSeen.set(alarm.id, (seen = now));
    const raised = Date.parse(alarm.raisedAt);
    return now - (Number.isNaN(raised) ? seen : Math.min(raised, seen));
  }

  /** The stage the bell is in now, or null when nothing should ring. */
  stage(now = this.deps.clock()): BellStage | null {
    let stage: BellStage | null = null;
    const open = new Set<string>();
    for (const alarm of this.deps.open()) {
      open.add(alarm.id);
      if (unacknowledgedSos(alarm) && this.waitedMs(alarm, now) >= SECOND_STAGE_AFTER_MS) stage = 'loud';
      else if (alarm.sound === 'repeat' && alarm.state === 'raised') stage ??= 'normal';
    }
    for (const id of this.firstSeen.keys()) if (!open.has(id)) this.firstSeen.delete(id);
    return stage;
  }

  /** A live raise rings at once (loud if an SOS is already at the loud stage). */
  raised(alarm: Alarm): void {
    if (!ringsOnRaise(alarm)) return;
    const now = this.deps.clock();
    this.ring(this.stage(now) ?? 'normal', now);
  }

  /** Called every second; returns the current stage. */
  tick(): BellStage | null {
    const now = this.deps.clock();
    const stage = this.stage(now);
    const escalated = stage === 'loud' && this.lastStage !== 'loud';
    this.lastStage = stage;
    if (!stage) return null;
    const interval = stage === 'loud' ? LOUD_REPEAT_INTERVAL_MS : REPEAT_INTERVAL_MS;
    if (escalated || now - this.lastRingAt >= interval) this.ring(stage, now);
    return stage;
  }

  private ring(stage: BellStage, now: number): void {
    this.lastRingAt = now;
    this.deps.play(stage);
  }
}

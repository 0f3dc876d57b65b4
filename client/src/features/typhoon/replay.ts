import type { Storm, TrackPoint } from '@shared/schemas/typhoon';
import { pathOf, stateAt, type StormState } from '@shared/typhoon/timeline';

/** The slider moves in steps of this many minutes: the exposure's own step, so no state is skipped. */
export const REPLAY_STEP_MINUTES = 10;
const STEP_MS = REPLAY_STEP_MINUTES * 60_000;

/** The observed span of a storm, epoch ms; null with no observed point. */
export function replayRange(storm: Storm): { start: number; end: number } | null {
  if (storm.track.length === 0) return null;
  const times = storm.track.map((p) => Date.parse(p.at));
  return { start: Math.min(...times), end: Math.max(...times) };
}

/** How many steps the slider has from the first observed point to the last (the last step may be short). */
export const replaySteps = (range: { start: number; end: number }): number => Math.ceil((range.end - range.start) / STEP_MS);

/** The instant of slider step `step`, clamped into the range. */
export function timeOfStep(range: { start: number; end: number }, step: number): number {
  return Math.min(range.end, Math.max(range.start, range.start + Math.round(step) * STEP_MS));
}

/** The slider step nearest to an instant. */
export function stepOfTime(range: { start: number; end: number }, t: number): number {
  return Math.min(replaySteps(range), Math.max(0, Math.round((t - range.start) / STEP_MS)));
}

/** The observed path only: a replay shows what was known to have happened, never a forecast. */
export function replayState(storm: Storm, t: number): StormState | null {
  return stateAt(pathOf(storm, null), t);
}

/** The observed points up to `t` (inclusive), in time order. */
export function trackUntil(storm: Storm, t: number | null): TrackPoint[] {
  const sorted = [...storm.track].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return t === null ? sorted : sorted.filter((p) => Date.parse(p.at) <= t);
}

/** The storm's state at its newest observed point (what the board shows live). */
export function latestState(storm: Storm): StormState | null {
  const range = replayRange(storm);
  return range ? replayState(storm, range.end) : null;
}

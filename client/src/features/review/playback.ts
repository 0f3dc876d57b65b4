import { MAX_REPLAY_RESOLUTION_MS, MIN_REPLAY_RESOLUTION_MS, type ReplayTracks } from '@shared/schemas/replay';

/** Replay speeds: real time, then 10, 60 and 600 times faster. */
export const REPLAY_SPEEDS = [1, 10, 60, 600] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** The browser draws about ten frames a second of replay time at least; fixes finer than a frame's step are not needed. */
const FRAME_MS = 100;
export const resolutionFor = (speed: number): number => Math.min(MAX_REPLAY_RESOLUTION_MS, Math.max(MIN_REPLAY_RESOLUTION_MS, speed * FRAME_MS));

/** A unit with no fix for longer than this is in a gap: drawn as silent, never slid across the gap. */
export const gapFor = (resolutionMs: number): number => Math.max(3 * resolutionMs, 120_000);

export interface UnitAt {
  lat: number;
  lon: number;
  /** True while the unit reports nothing: drawn greyed at its last fix. */
  gap: boolean;
}

/** Every unit's fixes as the pages bring them, in time order; positions between two fixes are interpolated. */
export class TrackBuffer {
  private readonly tracks = new Map<string, { t: number[]; lat: number[]; lon: number[] }>();

  add(pageFromMs: number, tracks: ReplayTracks): void {
    const { teams, fixes } = tracks;
    for (let i = 0; i < fixes.length; i += 4) {
      const id = teams[fixes[i] as number] as string;
      const t = pageFromMs + (fixes[i + 1] as number) * 1000;
      let track = this.tracks.get(id);
      if (!track) this.tracks.set(id, (track = { t: [], lat: [], lon: [] }));
      const last = track.t[track.t.length - 1];
      if (last !== undefined && t <= last) continue;
      track.t.push(t);
      track.lat.push(fixes[i + 2] as number);
      track.lon.push(fixes[i + 3] as number);
    }
  }

  teams(): string[] {
    return [...this.tracks.keys()];
  }

  /** Where a unit was at `t`: interpolated between the fixes around it, or its last fix marked as a gap. */
  at(teamId: string, t: number, gapMs: number): UnitAt | null {
    const track = this.tracks.get(teamId);
    if (!track || track.t.length === 0 || t < (track.t[0] as number)) return null;
    let lo = 0;
    let hi = track.t.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((track.t[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    const t0 = track.t[lo] as number;
    const t1 = track.t[lo + 1];
    if (t1 === undefined || t1 - t0 > gapMs) return { lat: track.lat[lo] as number, lon: track.lon[lo] as number, gap: t - t0 > gapMs };
    const f = (t - t0) / (t1 - t0);
    return { lat: (track.lat[lo] as number) + f * ((track.lat[lo + 1] as number) - (track.lat[lo] as number)), lon: (track.lon[lo] as number) + f * ((track.lon[lo + 1] as number) - (track.lon[lo] as number)), gap: false };
  }

  /** Forgets fixes older than `t` but the last one before it, so a long replay holds only what it still draws. */
  dropBefore(t: number): void {
    for (const track of this.tracks.values()) {
      let keep = 0;
      while (keep + 1 < track.t.length && (track.t[keep + 1] as number) <= t) keep++;
      if (keep === 0) continue;
      track.t.splice(0, keep);
      track.lat.splice(0, keep);
      track.lon.splice(0, keep);
    }
  }

  clear(): void {
    this.tracks.clear();
  }
}

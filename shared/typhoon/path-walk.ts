import type { LatLon } from './geodesy';
import { geodesicBetween } from './geodesy';
import { segmentKm, STEP_MS, stateBetween, type PathNode, type StormState } from './timeline';
import { locate, sight, type Sighting } from './touch';

export interface Sample {
  state: StormState;
  /** The anchor seen from this state's centre. */
  seen: Sighting;
}

/**
 * A path prepared for measuring many townships against it: the anchor seen from every node, each segment's
 * length, and each segment's 10-minute samples (computed on first use and shared by every township).
 */
export class PathWalk {
  readonly nodeSeen: Sighting[];
  readonly segmentKm: number[];
  private readonly cache = new Map<number, Sample[]>();

  constructor(
    readonly path: PathNode[],
    readonly anchor: LatLon,
  ) {
    this.nodeSeen = path.map((n) => sight(n.centre, anchor));
    this.segmentKm = path.slice(1).map((b, i) => segmentKm(path[i] as PathNode, b));
  }

  /** Distances from every node to a point given by its offset from the anchor. */
  nodeKm(east: number, north: number): number[] {
    return this.nodeSeen.map((s) => locate(s, east, north).km);
  }

  samples(i: number): Sample[] {
    let samples = this.cache.get(i);
    if (!samples) {
      const a = this.path[i] as PathNode;
      const b = this.path[i + 1] as PathNode;
      const steps = Math.max(1, Math.ceil((b.t - a.t) / STEP_MS));
      const along = geodesicBetween(a.centre, b.centre);
      samples = Array.from({ length: steps + 1 }, (_, k) => {
        const state = stateBetween(a, b, k / steps, along);
        return { state, seen: k === 0 ? (this.nodeSeen[i] as Sighting) : k === steps ? (this.nodeSeen[i + 1] as Sighting) : sight(state.centre, this.anchor) };
      });
      this.cache.set(i, samples);
    }
    return samples;
  }
}

/** One trail vertex as the server sends it: [lon, lat, t (epoch ms)]. */
export type TrailPoint = [lon: number, lat: number, t: number];

/** Hard cap per team so a chatty device can never grow a trail without bound. */
export const MAX_TRAIL_POINTS = 2_000;
/**
 * Cap on the points of all trails together (about 25 MB): 5,000 units reporting every 5 s fill a 30-minute
 * window with 1.8 million. Past it each trail keeps fewer points, its newest.
 */
export const TRAIL_POINTS_BUDGET = 2_000_000;

/** The most points one trail may keep while there are `trails` of them. */
export const trailCapFor = (trails: number, budget = TRAIL_POINTS_BUDGET): number => Math.max(2, Math.min(MAX_TRAIL_POINTS, Math.floor(budget / Math.max(1, trails))));

/** A trail as its readers see it: points oldest first, t ascending. */
export interface TrailView {
  readonly length: number;
  lon(i: number): number;
  lat(i: number): number;
  t(i: number): number;
  points(): TrailPoint[];
}

const FIELDS = 3;
const MIN_CAPACITY = 8;
/** Times are kept as offsets (ms) from the trail's base, exact in a Float32 below 2^24 ms (4.6 h; a trail spans at most 3 h). */
const MAX_OFFSET_MS = 2 ** 24;

/**
 * One team's trail, its points in a ring of [lon, lat, t − base] in one Float32Array: 12 bytes a point where an
 * array per point took about 70, and the oldest points drop without moving the rest. Float32 keeps a
 * position to within a metre (finer than a GPS fix) and a time offset to the millisecond.
 */
export class Trail implements TrailView {
  private data = new Float32Array(MIN_CAPACITY * FIELDS);
  private head = 0;
  private size = 0;
  private base = 0;

  static of(points: readonly TrailPoint[]): Trail {
    const trail = new Trail();
    for (const [lon, lat, t] of points) trail.push(lon, lat, t);
    return trail;
  }

  get length(): number {
    return this.size;
  }

  private get capacity(): number {
    return this.data.length / FIELDS;
  }

  private offset(i: number): number {
    return ((this.head + i) % this.capacity) * FIELDS;
  }

  lon(i: number): number {
    return this.data[this.offset(i)]!;
  }

  lat(i: number): number {
    return this.data[this.offset(i) + 1]!;
  }

  t(i: number): number {
    return this.base + this.data[this.offset(i) + 2]!;
  }

  points(): TrailPoint[] {
    return Array.from({ length: this.size }, (_, i) => [this.lon(i), this.lat(i), this.t(i)] as TrailPoint);
  }

  push(lon: number, lat: number, t: number): void {
    if (this.size === 0) this.base = t;
    else if (t - this.base >= MAX_OFFSET_MS) this.rebase(t);
    if (this.size === this.capacity) this.resize(this.capacity + Math.max(MIN_CAPACITY, Math.ceil(this.capacity / 4)));
    const at = this.offset(this.size);
    this.data[at] = lon;
    this.data[at + 1] = lat;
    this.data[at + 2] = t - this.base;
    this.size++;
  }

  dropOldest(count: number): void {
    const n = Math.min(count, this.size);
    this.head = (this.head + n) % this.capacity;
    this.size -= n;
    // A trail that shrank (a shorter window, fewer points per team) gives its room back.
    if (this.capacity > MIN_CAPACITY && this.size < this.capacity / 4) this.resize(Math.max(MIN_CAPACITY, this.size * 2));
  }

  /** Moves the base up to the oldest point, dropping points too old to keep beside `t`. */
  private rebase(t: number): void {
    let drop = 0;
    while (drop < this.size && t - this.t(drop) >= MAX_OFFSET_MS) drop++;
    this.dropOldest(drop);
    const base = this.size ? this.t(0) : t;
    for (let i = 0; i < this.size; i++) this.data[this.offset(i) + 2] = this.t(i) - base;
    this.base = base;
  }

  private resize(capacity: number): void {
    const next = new Float32Array(capacity * FIELDS);
    for (let i = 0; i < this.size; i++) {
      const from = this.offset(i);
      next[i * FIELDS] = this.data[from]!;
      next[i * FIELDS + 1] = this.data[from + 1]!;
      next[i * FIELDS + 2] = this.data[from + 2]!;
    }
    this.data = next;
    this.head = 0;
  }
}

/** Drops points older than `cutoffT`, and the oldest past `maxPoints`; trails are kept in ascending t. */
export function trimTrail(trail: Trail, cutoffT: number, maxPoints = MAX_TRAIL_POINTS): void {
  let drop = 0;
  while (drop < trail.length && trail.t(drop) < cutoffT) drop++;
  const excess = trail.length - drop - maxPoints;
  if (excess > 0) drop += excess;
  if (drop > 0) trail.dropOldest(drop);
}

/** Appends a point if it is newer than the trail's end; returns whether it was added. */
export function appendToTrail(trail: Trail, [lon, lat, t]: TrailPoint, cutoffT: number, maxPoints = MAX_TRAIL_POINTS): boolean {
  if (t < cutoffT) return false;
  if (trail.length && t <= trail.t(trail.length - 1)) return false;
  trail.push(lon, lat, t);
  trimTrail(trail, cutoffT, maxPoints);
  return true;
}

/**
 * Combines a trail freshly loaded from the server with what arrived live meanwhile:
 * the loaded points, then any live points newer than the loaded end.
 */
export function mergeTrail(loaded: readonly TrailPoint[], live: TrailView, cutoffT: number, maxPoints = MAX_TRAIL_POINTS): Trail {
  const merged = Trail.of(loaded.filter((p) => p[2] >= cutoffT).sort((a, b) => a[2] - b[2]));
  const lastT = merged.length ? merged.t(merged.length - 1) : -Infinity;
  for (let i = 0; i < live.length; i++) if (live.t(i) > lastT && live.t(i) >= cutoffT) merged.push(live.lon(i), live.lat(i), live.t(i));
  trimTrail(merged, cutoffT, maxPoints);
  return merged;
}

/** What a team without a trail shows. */
export const NO_TRAIL: TrailView = { length: 0, lon: () => Number.NaN, lat: () => Number.NaN, t: () => Number.NaN, points: () => [] };

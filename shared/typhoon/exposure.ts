import type { Agency, Storm, WindLevel } from '../schemas/typhoon';
import { WIND_LEVELS } from '../schemas/typhoon';
import type { CircleExposure, ClosestApproach, CountyCountdown, TownshipExposure } from '../schemas/typhoon-exposure';
import { maxRadius, minRadius } from './circles';
import { distanceAndBearing, distanceKm, geodesicBetween, type LatLon } from './geodesy';
import { PathWalk } from './path-walk';
import { pathOf, stateAt, stateBetween, type PathNode, type StormState } from './timeline';
import { locate, sight, touches } from './touch';
import type { TownshipTarget } from './township-targets';
import { beaufortOf } from './wind';

export interface ExposureInput {
  storm: Storm;
  agency: Agency | null;
  /** Reference instant (ms) for the "now" fields; kept within the path. */
  at: number;
  townships: TownshipTarget[];
  /** The county seat: the townships' offsets are from it, and the county's closest approach is measured to it. */
  anchor: LatLon;
}

export interface ExposureResult {
  at: number;
  townships: TownshipExposure[];
  county: { closestApproach: ClosestApproach; level7: CountyCountdown };
}

const iso = (t: number) => new Date(Math.round(t / 60_000) * 60_000).toISOString();
const round1 = (v: number) => Math.round(v * 10) / 10;

const widest = (node: PathNode, level: WindLevel) => (node.radii[level] ? maxRadius(node.radii[level]) : 0);
const narrowest = (node: PathNode, level: WindLevel) => (node.radii[level] ? minRadius(node.radii[level]) : 0);

const withBeaufort = (s: PathNode): StormState => ({ ...s, beaufort: s.windMs === null ? null : beaufortOf(s.windMs) });
const intensityOf = (s: StormState) => ({ windMs: s.windMs, beaufort: s.beaufort, grade: s.grade, pressureHpa: s.pressureHpa === null ? null : Math.round(s.pressureHpa) });

/**
 * Closest approach of the centre to a point (given by its offset from the anchor, and as lat/lon for the final
 * geodesic distance). Segments are visited nearest-bound first and skipped when they cannot come closer than
 * the best so far (on a segment of length L the distance never drops below (d0 + d1 − L) / 2); the best
 * 10-minute sample is refined by the parabola through it and its neighbours.
 */
export function closestApproach(walk: PathWalk, point: LatLon, east: number, north: number): ClosestApproach {
  const { path } = walk;
  const nodeKm = walk.nodeKm(east, north);
  let best: { km: number; seg: number; k: number } = { km: Infinity, seg: -1, k: 0 };
  nodeKm.forEach((km, i) => {
    if (km < best.km) best = { km, seg: -1, k: i };
  });
  const order = walk.segmentKm.map((len, i) => ({ i, bound: ((nodeKm[i] as number) + (nodeKm[i + 1] as number) - len) / 2 })).sort((x, y) => x.bound - y.bound);
  for (const { i, bound } of order) {
    if (bound >= best.km) break;
    walk.samples(i).forEach((s, k) => {
      const km = locate(s.seen, east, north).km;
      if (km < best.km) best = { km, seg: i, k };
    });
  }
  let state: StormState;
  if (best.seg < 0) state = withBeaufort(path[best.k] as PathNode);
  else {
    const samples = walk.samples(best.seg);
    const steps = samples.length - 1;
    const d = (k: number) => locate((samples[Math.min(steps, Math.max(0, k))] as (typeof samples)[number]).seen, east, north).km ** 2;
    const [y0, y1, y2] = [d(best.k - 1), d(best.k), d(best.k + 1)];
    const curve = y0 - 2 * y1 + y2;
    const shift = curve > 0 ? Math.max(-1, Math.min(1, (y0 - y2) / (2 * curve))) : 0;
    const f = Math.max(0, Math.min(1, (best.k + shift) / steps));
    const a = path[best.seg] as PathNode;
    const b = path[best.seg + 1] as PathNode;
    state = stateBetween(a, b, f, geodesicBetween(a.centre, b.centre));
  }
  return { at: iso(state.t), distanceKm: round1(distanceKm(state.centre, point)), intensity: intensityOf(state), forecast: state.forecast };
}

/** One level's first touch and last leaving, seen while the path is walked in time order. */
class Touches {
  entered: number | null = null;
  left: number | null = null;
  see(t: number, inside: boolean): void {
    if (inside && this.entered === null) this.entered = t;
    if (inside) this.left = null;
    else if (this.entered !== null && this.left === null) this.left = t;
  }
  result(noData: boolean): CircleExposure {
    if (noData) return { state: 'no_data' };
    if (this.entered === null) return { state: 'not_reached' };
    return { state: 'reached', enteredAt: iso(this.entered), leftAt: this.left === null ? null : iso(this.left) };
  }
}

/**
 * When each level's circle first touches the township and when it stops touching for good. On a segment of
 * length L the centre stays within (d0 + d1 ± L) / 2 of the township's point and the radii lie between the
 * ends' radii, so a segment where the circle can never reach the outline, or always covers all of it, is
 * decided whole; only the others are walked in 10-minute samples.
 */
function townshipCircles(walk: PathWalk, target: TownshipTarget, nodeKm: number[]): TownshipExposure['circles'] {
  const { path } = walk;
  const seen = Object.fromEntries(WIND_LEVELS.map((l) => [l, new Touches()])) as Record<WindLevel, Touches>;
  for (let i = 0; i < path.length - 1; i++) {
    const a = path[i] as PathNode;
    const b = path[i + 1] as PathNode;
    const mid = ((nodeKm[i] as number) + (nodeKm[i + 1] as number)) / 2;
    const half = (walk.segmentKm[i] as number) / 2;
    const walkLevels: WindLevel[] = [];
    for (const level of WIND_LEVELS) {
      const hasData = a.radii[level] !== null && b.radii[level] !== null;
      if (!hasData || mid - half - target.reachKm > Math.max(widest(a, level), widest(b, level))) seen[level].see(a.t, false);
      else if (mid + half + target.reachKm <= Math.min(narrowest(a, level), narrowest(b, level))) seen[level].see(a.t, true);
      else walkLevels.push(level);
    }
    if (walkLevels.length === 0) continue;
    for (const s of walk.samples(i)) for (const level of walkLevels) seen[level].see(s.state.t, touches(s.state.centre, s.state.radii[level], target, s.seen));
  }
  const last = path.at(-1) as PathNode;
  const lastSeen = walk.nodeSeen.at(-1) as (typeof walk.nodeSeen)[number];
  for (const level of WIND_LEVELS) seen[level].see(last.t, touches(last.centre, last.radii[level], target, lastSeen));
  return Object.fromEntries(WIND_LEVELS.map((l) => [l, seen[l].result(path.every((n) => n.radii[l] === null))])) as TownshipExposure['circles'];
}

/** Exposure of every township to one storm, following the observed track and then `agency`'s forecast. */
export function computeExposure({ storm, agency, at, townships, anchor }: ExposureInput): ExposureResult {
  const path = pathOf(storm, agency);
  if (path.length === 0) throw new Error('a storm without track points has no exposure');
  const walk = new PathWalk(path, anchor);
  const ref = Math.min(Math.max(at, (path[0] as PathNode).t), (path.at(-1) as PathNode).t);
  const now = stateAt(path, ref) as StormState;
  const nowSeen = sight(now.centre, anchor);
  const result = townships.map((target): TownshipExposure => {
    const here = distanceAndBearing(now.centre, target.point);
    const insideNow = Object.fromEntries(WIND_LEVELS.map((l) => [l, now.radii[l] === null ? null : touches(now.centre, now.radii[l], target, nowSeen)])) as TownshipExposure['insideNow'];
    return {
      name: target.name,
      point: target.point,
      distanceKm: round1(here.km),
      bearingDeg: round1(here.bearing),
      insideNow,
      closestApproach: closestApproach(walk, target.point, target.east, target.north),
      circles: townshipCircles(walk, target, walk.nodeKm(target.east, target.north)),
    };
  });
  return { at: ref, townships: result, county: { closestApproach: closestApproach(walk, anchor, 0, 0), level7: countdown(result, ref, storm.historical) } };
}

/** The county's countdown to the 7-level circle: the first township it reaches. */
export function countdown(townships: TownshipExposure[], at: number, historical: boolean): CountyCountdown {
  if (historical) return { state: 'historical' };
  const reached = townships.flatMap((t) => (t.circles.level7.state === 'reached' ? [{ name: t.name, ...t.circles.level7 }] : []));
  if (reached.length === 0) return { state: 'not_expected' };
  const earliest = <T extends { enteredAt: string }>(list: T[]) => list.reduce((x, y) => (Date.parse(y.enteredAt) < Date.parse(x.enteredAt) ? y : x));
  const inside = reached.filter((r) => Date.parse(r.enteredAt) <= at && (r.leftAt === null || Date.parse(r.leftAt) > at));
  if (inside.length > 0) {
    const first = earliest(inside);
    return { state: 'inside', since: first.enteredAt, township: first.name };
  }
  const coming = reached.filter((r) => Date.parse(r.enteredAt) > at);
  if (coming.length === 0) return { state: 'passed', leftAt: iso(Math.max(...reached.map((r) => Date.parse(r.leftAt ?? r.enteredAt)))) };
  const next = earliest(coming);
  return { state: 'arriving', at: next.enteredAt, minutes: Math.round((Date.parse(next.enteredAt) - at) / 60_000), township: next.name };
}

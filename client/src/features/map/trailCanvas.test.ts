import { describe, expect, it } from 'vitest';
import { STALE_COLOR, STATUS_COLORS } from '../teams/statusColors';
import { Trail, type TrailPoint } from '../positions/trails';
import type { TrailLine } from './denseLayers';
import { TrailLayer, type TrailCanvas, type TrailContext } from './trailCanvas';

/** A canvas whose context records what is drawn on it: moves, lines, strokes, clears and copies. */
function fakeCanvas(name: string, log: string[], clock = { now: 0, msPerPoint: 0 }): TrailCanvas & { ctx: TrailContext } {
  const ctx: TrailContext = {
    strokeStyle: '' as unknown,
    lineWidth: 0,
    lineJoin: 'miter',
    lineCap: 'butt',
    clearRect: () => log.push(`${name} clear`),
    beginPath: () => undefined,
    moveTo: (x: number, y: number) => log.push(`${name} M${x},${y}`),
    lineTo: (x: number, y: number) => {
      clock.now += clock.msPerPoint;
      log.push(`${name} L${x},${y}`);
    },
    stroke: () => log.push(`${name} stroke ${String(ctx.strokeStyle)}`),
    setTransform: () => undefined,
    drawImage: () => log.push(`${name} copy`),
    getImageData: () => log.push(`${name} read`),
  };
  return { width: 100, height: 100, ctx, getContext: () => ctx };
}

const identity = { x: (lon: number) => lon, y: (lat: number) => lat };
const shifted = { x: (lon: number) => lon + 1000, y: (lat: number) => lat };
const line = (teamId: string, points: TrailPoint[], over: Partial<TrailLine> = {}): TrailLine => ({ teamId, status: 'en_route', stale: false, path: Trail.of(points), ...over });

/** A layer over fake canvases, whose slices run when `runLater()` is called, on a clock the test moves. */
function layer(options: { sliceMs?: number; refreshMs?: number } = {}) {
  const log: string[] = [];
  // Drawing a point moves this clock by msPerPoint: what a slice costs depends on what it draws.
  const clock = { now: 0, msPerPoint: 0 };
  const screen = fakeCanvas('screen', log, clock);
  const queued: Array<() => void> = [];
  const trails = new TrailLayer(screen, {
    sliceMs: options.sliceMs ?? 25,
    refreshMs: options.refreshMs ?? 60_000,
    now: () => clock.now,
    later: (run) => queued.push(run),
    offscreen: () => fakeCanvas('aside', log, clock),
  });
  const runLater = () => {
    while (queued.length) queued.shift()!();
  };
  const take = () => log.splice(0);
  return { trails, clock, queued, runLater, take, size: { width: 100, height: 100 } };
}

describe('the trails canvas', () => {
  it('draws thousands of trails as one stroke per colour, stale ones grey, none when the layer is off', () => {
    const { trails, runLater, take, size } = layer();
    const lines = [
      ...Array.from({ length: 1000 }, (_, i) => line(`a${i}`, [[i, i, 1], [i + 1, i + 1, 2]])),
      line('b', [[5000, 5000, 1], [5001, 5001, 2]], { stale: true }),
    ];
    trails.set(lines, { visible: true, width: 3 });
    trails.draw({ x: (lon) => lon * 10, y: (lat) => lat * 10 }, size);
    runLater();
    const log = take();
    expect(log.filter((c) => c.includes('stroke'))).toEqual([`aside stroke ${STATUS_COLORS.en_route}`, `aside stroke ${STALE_COLOR}`]);
    expect(log.filter((c) => c.startsWith('aside M'))).toHaveLength(1001);
    expect(log).toContain('aside M50000,50000');
    expect(log).toContain('aside L50010,50010');
    trails.set(lines, { visible: false, width: 3 });
    trails.draw(identity, size);
    runLater();
    expect(take()).toEqual(['screen clear']);
  });

  it('adds only what arrived since the last draw, joined to the last point drawn, without clearing', () => {
    const { trails, runLater, take, size } = layer();
    const a = line('a', [[1, 1, 1000], [2, 2, 2000]]);
    trails.set([a], { visible: true, width: 2 });
    trails.draw(identity, size);
    // The first view is drawn aside, after the map's draw, its pixels made before the slice ends, and copied on screen whole.
    expect(take()).toEqual(['screen clear', 'aside clear']);
    runLater();
    expect(take()).toEqual(['aside M1,1', 'aside L2,2', `aside stroke ${STATUS_COLORS.en_route}`, 'aside read', 'screen clear', 'screen copy']);
    (a.path as Trail).push(3, 3, 3000);
    (a.path as Trail).push(4, 4, 4000);
    trails.draw(identity, size);
    expect(take()).toEqual(['screen M2,2', 'screen L3,3', 'screen L4,4', `screen stroke ${STATUS_COLORS.en_route}`]);
    trails.draw(identity, size);
    expect(take()).toEqual([]);
  });

  it('redraws everything in slices when the view moves, handing the page back between slices, and shows it at once when done', () => {
    const { trails, clock, queued, runLater, take, size } = layer({ sliceMs: 25 });
    const many = Array.from({ length: 200 }, (_, i) => line(`t${i}`, Array.from({ length: 500 }, (_, k): TrailPoint => [i, k, k * 1000])));
    trails.set(many, { visible: true, width: 2 });
    trails.draw(identity, size);
    runLater();
    take();
    // 1 µs a point: the first slice (50,000 points) takes 50 ms, twice the budget, so the next ones hold half as many.
    clock.msPerPoint = 0.001;
    trails.draw(shifted, size);
    const first = take();
    expect(first[0]).toBe('screen clear');
    expect(first).not.toContain('aside M0,0');
    expect(queued).toHaveLength(1);
    let slices = 0;
    while (queued.length) {
      queued.shift()!();
      slices++;
    }
    const rest = take();
    expect(slices).toBe(3);
    expect(rest.slice(-2)).toEqual(['screen clear', 'screen copy']);
    expect([...first, ...rest].filter((c) => c.startsWith('aside M'))).toHaveLength(200);
    expect(rest).toContain('aside M1199,0');
  });

  it('redraws whole when a team changes colour or leaves the map, and every refresh, which drops points that aged out', () => {
    const { trails, clock, runLater, take, size } = layer({ refreshMs: 60_000 });
    const a = line('a', [[1, 1, 1000], [2, 2, 2000]]);
    const b = line('b', [[5, 5, 1000], [6, 6, 2000]]);
    trails.set([a, b], { visible: true, width: 2 });
    trails.draw(identity, size);
    runLater();
    take();
    trails.set([{ ...a, status: 'on_scene' }, b], { visible: true, width: 2 });
    trails.draw(identity, size);
    runLater();
    expect(take()).toContain(`aside stroke ${STATUS_COLORS.on_scene}`);
    trails.set([b], { visible: true, width: 2 });
    trails.draw(identity, size);
    runLater();
    const withoutA = take();
    expect(withoutA).toContain('screen copy');
    expect(withoutA.some((c) => c.includes('M1,1'))).toBe(false);
    clock.now += 60_000;
    trails.draw(identity, size);
    runLater();
    expect(take()).toContain('screen copy');
  });

  it('clears the canvas when the layer is switched off, and draws nothing before the map has a view', () => {
    const { trails, runLater, take, size } = layer();
    trails.set([line('a', [[1, 1, 1000], [2, 2, 2000]])], { visible: true, width: 2 });
    trails.draw(null, size);
    expect(take()).toEqual([]);
    trails.draw(identity, size);
    runLater();
    take();
    trails.set([line('a', [[1, 1, 1000], [2, 2, 2000]])], { visible: false, width: 2 });
    trails.draw(identity, size);
    runLater();
    expect(take()).toEqual(['screen clear']);
  });
});

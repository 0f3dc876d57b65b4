import { STALE_COLOR, STATUS_COLORS } from '../teams/statusColors';
import { TRAIL_COLOUR_KEYS, type TrailLine } from './denseLayers';

/** A map point's pixel on the charts (see mapView.ts, lonLatProjector): x from longitude, y from latitude. */
export interface Projector {
  x(lon: number): number;
  y(lat: number): number;
}

export interface TrailStyle {
  visible: boolean;
  width: number;
}

/** The part of a 2D canvas context the trails use (a fake in tests). */
export type TrailContext = Pick<CanvasRenderingContext2D, 'clearRect' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'setTransform'> & {
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  lineCap: CanvasLineCap;
  drawImage(image: CanvasImageSource, dx: number, dy: number): void;
  getImageData(sx: number, sy: number, sw: number, sh: number): unknown;
};

/** The part of a canvas element the trail layer uses. */
export interface TrailCanvas {
  width: number;
  height: number;
  style?: { opacity: string };
  getContext(kind: '2d'): TrailContext | null;
}

type ColourKey = (typeof TRAIL_COLOUR_KEYS)[number];
const colourKeyOf = (t: TrailLine): ColourKey => (t.stale ? 'stale' : t.status);
const colourOf = (key: ColourKey) => (key === 'stale' ? STALE_COLOR : STATUS_COLORS[key]);

/** A trail to stroke from its point `from` on (the last point already on the canvas, so the line joins up). */
interface TrailPart {
  line: TrailLine;
  from: number;
}

/**
 * Strokes the parts as one path per colour: thousands of trails are a handful of strokes (ECharts drew them as a
 * lines series, one element per trail: at 5,000 trails a 400 ms task on every update, its large mode a 6 s one).
 */
function strokeParts(ctx: TrailContext, parts: readonly TrailPart[], project: Projector, width: number): void {
  if (!parts.length) return;
  const byColour = new Map<ColourKey, TrailPart[]>();
  for (const part of parts) {
    const key = colourKeyOf(part.line);
    const list = byColour.get(key);
    if (list) list.push(part);
    else byColour.set(key, [part]);
  }
  ctx.lineWidth = width;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const key of TRAIL_COLOUR_KEYS) {
    const list = byColour.get(key);
    if (!list) continue;
    ctx.beginPath();
    for (const { line, from } of list) {
      const { path } = line;
      if (path.length - from < 2) continue;
      ctx.moveTo(project.x(path.lon(from)), project.y(path.lat(from)));
      for (let i = from + 1; i < path.length; i++) ctx.lineTo(project.x(path.lon(i)), project.y(path.lat(i)));
    }
    ctx.strokeStyle = colourOf(key);
    ctx.stroke();
  }
}

/** The first point of `path` newer than `t` (its length when there is none). */
function firstAfter(path: TrailLine['path'], t: number): number {
  let i = path.length;
  while (i > 0 && path.t(i - 1) > t) i--;
  return i;
}

export interface TrailLayerOptions {
  /** How long one slice of a full redraw may take before the page gets the main thread back. */
  sliceMs: number;
  /** How often the trails are redrawn whole, which drops the points that have aged out of their window. */
  refreshMs: number;
  now(): number;
  later(run: () => void): void;
  offscreen(): TrailCanvas;
}

const browserOptions = (): TrailLayerOptions => ({
  sliceMs: 25,
  refreshMs: 60_000,
  now: () => performance.now(),
  later: (run) => setTimeout(run, 0),
  offscreen: () => document.createElement('canvas') as unknown as TrailCanvas,
});

/** What each trail looked like when it was last put on the canvas. */
type Drawn = Map<string, { key: ColourKey; newestT: number }>;

/**
 * The trails' own canvas, between the chart beneath and the one on top. Thousands of trails over half an
 * hour are about two million points: drawing them all on every update grew into the wall's longest task.
 * So a draw adds only the points that arrived since the last one; a new view, width or colour, and a
 * minutely refresh that drops points aged out of the window, redraw everything on a canvas aside, in
 * slices of `sliceMs` (drawing included, see `slice`) between which the page runs, and put it on screen in one copy.
 */
export class TrailLayer {
  private trails: readonly TrailLine[] = [];
  private style: TrailStyle = { visible: false, width: 2 };
  private drawn: Drawn = new Map();
  /** The view, size and line width the canvas is drawn for. */
  private viewKey = '';
  private project: Projector | null = null;
  private lastRedrawAt = Number.NEGATIVE_INFINITY;
  private redrawing: { cancelled: boolean } | null = null;
  private aside: TrailCanvas | null = null;
  private pointsPerSlice = 50_000;

  constructor(
    private readonly canvas: TrailCanvas,
    private readonly options: TrailLayerOptions = browserOptions(),
  ) {
    // Drawn opaque and shown translucent: a trail's new piece, stroked over its last point, leaves no darker dot.
    if (canvas.style) canvas.style.opacity = '0.75';
  }

  set(trails: readonly TrailLine[], style: TrailStyle): void {
    this.trails = trails;
    this.style = style;
  }

  /** Brings the canvas up to date with the trails last set, as seen through `project` (none: nothing drawn yet). */
  draw(project: Projector | null, size = this.cssSize()): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
    const [w, h] = [Math.round(size.width * dpr), Math.round(size.height * dpr)];
    if (this.canvas.width !== w || this.canvas.height !== h) [this.canvas.width, this.canvas.height] = [w, h];
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.project = project;
    const viewKey = project && this.style.visible ? [project.x(121), project.y(29), project.x(122), project.y(30), w, h, dpr, this.style.width].join() : '';
    if (viewKey !== this.viewKey) {
      this.viewKey = viewKey;
      this.cancelRedraw();
      ctx.clearRect(0, 0, size.width, size.height);
      this.drawn = new Map();
      if (viewKey) this.redraw(dpr);
      return;
    }
    if (!viewKey || this.redrawing) return;
    const { parts, whole } = this.newParts();
    strokeParts(ctx, parts, project!, this.style.width);
    if (!whole || this.options.now() - this.lastRedrawAt >= this.options.refreshMs) this.redraw(dpr);
  }

  /** Stops a redraw in progress (the map is going away). */
  dispose(): void {
    this.cancelRedraw();
  }

  private cssSize() {
    const el = this.canvas as unknown as { clientWidth?: number; clientHeight?: number };
    return { width: el.clientWidth ?? this.canvas.width, height: el.clientHeight ?? this.canvas.height };
  }

  /** The points each trail gained since it was drawn, and whether adding them keeps the canvas true (no colour changed, no trail left). */
  private newParts(): { parts: TrailPart[]; whole: boolean } {
    const parts: TrailPart[] = [];
    const drawnBefore = this.drawn.size;
    let whole = true;
    let seen = 0;
    for (const line of this.trails) {
      const was = this.drawn.get(line.teamId);
      const key = colourKeyOf(line);
      const { path } = line;
      if (was) seen++;
      if (was && was.key !== key) {
        whole = false;
        continue;
      }
      const from = was ? Math.max(0, firstAfter(path, was.newestT) - 1) : 0;
      if (path.length - from >= 2) parts.push({ line, from });
      if (path.length) this.drawn.set(line.teamId, { key, newestT: path.t(path.length - 1) });
    }
    // A trail drawn before and not among these (its team gone from the map) is still on the canvas.
    if (seen < drawnBefore) whole = false;
    return { parts, whole };
  }

  private cancelRedraw(): void {
    if (this.redrawing) this.redrawing.cancelled = true;
    this.redrawing = null;
  }

  /** Draws every trail on the canvas aside, a slice at a time, then copies it on screen. */
  private redraw(dpr: number): void {
    this.cancelRedraw();
    const run = { cancelled: false };
    this.redrawing = run;
    const project = this.project!;
    const style = this.style;
    const lines = [...this.trails];
    const aside = (this.aside ??= this.options.offscreen());
    [aside.width, aside.height] = [this.canvas.width, this.canvas.height];
    const actx = aside.getContext('2d');
    if (!actx) return;
    actx.setTransform(dpr, 0, 0, dpr, 0, 0);
    actx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const drawn: Drawn = new Map();
    let next = 0;
    const slice = () => {
      if (run.cancelled) return;
      const startedAt = this.options.now();
      const parts: TrailPart[] = [];
      for (let points = 0; next < lines.length && points < this.pointsPerSlice; next++) {
        const line = lines[next]!;
        points += line.path.length;
        parts.push({ line, from: 0 });
        if (line.path.length) drawn.set(line.teamId, { key: colourKeyOf(line), newestT: line.path.t(line.path.length - 1) });
      }
      strokeParts(actx, parts, project, style.width);
      // A stroke is only recorded; its pixels are drawn when the task ends, unless something reads them first.
      // Reading one forces that drawing now, so the slice is timed with it and kept to its budget.
      actx.getImageData(0, 0, 1, 1);
      const took = this.options.now() - startedAt;
      const drewPoints = parts.reduce((n, p) => n + p.line.path.length, 0);
      if (took > 0 && drewPoints > 0) this.pointsPerSlice = Math.max(5_000, Math.round((drewPoints * this.options.sliceMs) / took));
      if (next < lines.length) return this.options.later(slice);
      this.redrawing = null;
      this.lastRedrawAt = this.options.now();
      this.drawn = drawn;
      const ctx = this.canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
      ctx.drawImage(aside as unknown as CanvasImageSource, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      // What arrived while the slices ran.
      strokeParts(ctx, this.newParts().parts, project, style.width);
    };
    // Not in the caller's task: that is the map's draw, already long enough.
    this.options.later(slice);
  }
}

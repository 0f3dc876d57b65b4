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
  globalAlpha: number;
};

const colourOf = (key: (typeof TRAIL_COLOUR_KEYS)[number]) => (key === 'stale' ? STALE_COLOR : STATUS_COLORS[key]);

/**
 * Draws the trails as one path per colour (each status, and stale): thousands of trails are a handful of
 * strokes. ECharts drew them as a lines series, one element per trail (at 5,000 trails a 400 ms task on every
 * update, its large mode a 6 s one), beneath the outlines' chart that had to update with them.
 */
export function drawTrails(ctx: TrailContext, trails: readonly TrailLine[], project: Projector, style: TrailStyle, size: { width: number; height: number }): void {
  ctx.clearRect(0, 0, size.width, size.height);
  if (!style.visible) return;
  const byColour = new Map<string, TrailLine[]>();
  for (const t of trails) {
    const key = t.stale ? 'stale' : t.status;
    const list = byColour.get(key);
    if (list) list.push(t);
    else byColour.set(key, [t]);
  }
  ctx.lineWidth = style.width;
  ctx.lineJoin = 'round';
  ctx.globalAlpha = 0.75;
  for (const key of TRAIL_COLOUR_KEYS) {
    const list = byColour.get(key);
    if (!list) continue;
    ctx.beginPath();
    for (const { path } of list) {
      if (path.length < 2) continue;
      ctx.moveTo(project.x(path.lon(0)), project.y(path.lat(0)));
      for (let i = 1; i < path.length; i++) ctx.lineTo(project.x(path.lon(i)), project.y(path.lat(i)));
    }
    ctx.strokeStyle = colourOf(key);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** The trails' own canvas, between the chart beneath and the one on top; redrawn when the trails or the view change. */
export class TrailLayer {
  private trails: readonly TrailLine[] = [];
  private style: TrailStyle = { visible: false, width: 2 };

  constructor(private readonly canvas: HTMLCanvasElement) {}

  set(trails: readonly TrailLine[], style: TrailStyle): void {
    this.trails = trails;
    this.style = style;
  }

  draw(project: Projector | null): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (this.canvas.width !== Math.round(width * dpr) || this.canvas.height !== Math.round(height * dpr)) {
      this.canvas.width = Math.round(width * dpr);
      this.canvas.height = Math.round(height * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (!project) ctx.clearRect(0, 0, width, height);
    else drawTrails(ctx, this.trails, project, this.style, { width, height });
  }
}

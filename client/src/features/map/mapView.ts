import type { TileBounds } from '@shared/tiles';

/** What the map shows now: its bounds in degrees and its scale (pixels per degree of longitude). */
export interface MapView {
  bounds: TileBounds;
  pixelsPerDegree: number;
}

interface PixelConverter {
  convertFromPixel(finder: { geoIndex: number }, value: number[]): unknown;
}

/** Measured from the map's corners: with Web Mercator, longitude is linear across the screen. */
export function measureView(chart: PixelConverter, width: number, height: number): MapView | null {
  if (width <= 0 || height <= 0) return null;
  const nw = chart.convertFromPixel({ geoIndex: 0 }, [0, 0]) as number[] | undefined;
  const se = chart.convertFromPixel({ geoIndex: 0 }, [width, height]) as number[] | undefined;
  if (!nw || !se || ![...nw, ...se].every(Number.isFinite) || se[0]! <= nw[0]!) return null;
  return { bounds: { west: nw[0]!, north: nw[1]!, east: se[0]!, south: se[1]! }, pixelsPerDegree: width / (se[0]! - nw[0]!) };
}

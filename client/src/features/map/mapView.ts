import { latOfMercatorY, mercatorY, type TileBounds } from '@shared/tiles';

/** What the map shows now: its bounds in degrees and its scale (pixels per degree of longitude). */
export interface MapView {
  bounds: TileBounds;
  pixelsPerDegree: number;
}

interface PixelConverter {
  convertToPixel(finder: { geoIndex: number }, value: number[]): unknown;
}

/**
 * Page pixel → [lon, lat] on the Web Mercator map. ECharts 5.6's own convertFromPixel is wrong when the geo
 * component has a projection (it unprojects the pixel before undoing the view transform), so the
 * transform is read from two points through convertToPixel, which is right, and inverted here: it is affine
 * in longitude and in Mercator northing.
 */
export function pixelToLonLat(chart: PixelConverter, [px, py]: readonly number[]): [number, number] | null {
  const a = chart.convertToPixel({ geoIndex: 0 }, [121, 29]) as number[] | undefined;
  const b = chart.convertToPixel({ geoIndex: 0 }, [122, 30]) as number[] | undefined;
  if (!a || !b || ![...a, ...b].every(Number.isFinite) || a[0] === b[0] || a[1] === b[1]) return null;
  const lon = 121 + (px! - a[0]!) / (b[0]! - a[0]!);
  const northing = mercatorY(29) + ((py! - a[1]!) / (b[1]! - a[1]!)) * (mercatorY(30) - mercatorY(29));
  return [lon, latOfMercatorY(northing)];
}

/**
 * [lon, lat] → pixel on the map, from the same two reference points (null before the map has a view), x and y
 * apart (each depends on one of them): the trails project millions of points without an array for each.
 */
export function lonLatProjector(chart: PixelConverter): { x: (lon: number) => number; y: (lat: number) => number } | null {
  const a = chart.convertToPixel({ geoIndex: 0 }, [121, 29]) as number[] | undefined;
  const b = chart.convertToPixel({ geoIndex: 0 }, [122, 30]) as number[] | undefined;
  if (!a || !b || ![...a, ...b].every(Number.isFinite)) return null;
  const y29 = mercatorY(29);
  const kx = b[0]! - a[0]!;
  const ky = (b[1]! - a[1]!) / (mercatorY(30) - y29);
  return { x: (lon) => a[0]! + (lon - 121) * kx, y: (lat) => a[1]! + (mercatorY(lat) - y29) * ky };
}

/** Measured from the map's corners: with Web Mercator, longitude is linear across the screen. */
export function measureView(chart: PixelConverter, width: number, height: number): MapView | null {
  if (width <= 0 || height <= 0) return null;
  const nw = pixelToLonLat(chart, [0, 0]);
  const se = pixelToLonLat(chart, [width, height]);
  if (!nw || !se || se[0] <= nw[0]) return null;
  return { bounds: { west: nw[0], north: nw[1], east: se[0], south: se[1] }, pixelsPerDegree: width / (se[0] - nw[0]) };
}

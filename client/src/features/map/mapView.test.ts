import { describe, expect, it } from 'vitest';
import { mercatorY } from '@shared/tiles';
import { lonLatProjector, measureView, pixelToLonLat } from './mapView';

/** A Web Mercator map as ECharts lays it out: 4,000 px per degree, north up, 121.5°E / 29.7°N at the top left. */
const chart = {
  convertToPixel: (_f: unknown, [lon, lat]: number[]) => [(lon! - 121.5) * 4000, (mercatorY(29.7) - mercatorY(lat!)) * 4000],
};

describe('map pixels to coordinates', () => {
  it('gives back the point a pixel shows, latitude included (Mercator is not linear in latitude)', () => {
    const [x, y] = chart.convertToPixel(null, [121.87, 29.47]);
    const [lon, lat] = pixelToLonLat(chart, [x!, y!])!;
    expect(lon).toBeCloseTo(121.87, 9);
    expect(lat).toBeCloseTo(29.47, 9);
  });

  it('measures the view and its scale from the corners', () => {
    const view = measureView(chart, 2000, 1000)!;
    expect(view.pixelsPerDegree).toBeCloseTo(4000, 6);
    expect(view.bounds.west).toBeCloseTo(121.5, 9);
    expect(view.bounds.north).toBeCloseTo(29.7, 9);
    expect(view.bounds.east).toBeCloseTo(122.0, 9);
    expect(view.bounds.south).toBeLessThan(29.7 - 1000 / 4000 / 1.2);
  });

  it('projects a point to the pixel the map draws it at (the trails are drawn this way)', () => {
    const project = lonLatProjector(chart)!;
    const [x, y] = chart.convertToPixel(null, [121.87, 29.47]);
    expect(project.x(121.87)).toBeCloseTo(x!, 6);
    expect(project.y(29.47)).toBeCloseTo(y!, 6);
  });
});

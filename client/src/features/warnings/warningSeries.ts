import type { LinesSeriesOption } from 'echarts/charts';
import { COLOUR_CSS } from './warningBoard';
import type { WarningArea } from './warningAreas';

/**
 * The warning-area layer: each area's outline in its signal colour, on the typhoon layer's canvas (zlevel 1,
 * drawn once and left alone while the markers move), silent so clicks reach the markers. One series with a
 * fixed id, always present (empty when off), because the map merges options by series id.
 */
export function warningAreaSeries(areas: readonly WarningArea[], style: { visible: boolean; fontSize: number }): LinesSeriesOption {
  const width = Math.max(2, style.fontSize / 5);
  return {
    id: 'warning-areas',
    type: 'lines',
    coordinateSystem: 'geo',
    polyline: true,
    silent: true,
    zlevel: 1,
    z: 0,
    data: style.visible
      ? areas.flatMap((a) =>
          a.rings.map((ring) => ({ coords: ring, lineStyle: { color: a.colour ? COLOUR_CSS[a.colour] : '#94a3b8', width, opacity: 0.95, type: a.exercise ? ('dashed' as const) : ('solid' as const) } })),
        )
      : [],
  };
}

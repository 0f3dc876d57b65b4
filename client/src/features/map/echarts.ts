import { BarChart, CustomChart, EffectScatterChart, LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { loadMapOutlines, type MapPlace } from './region';

// Only what the team map and the wall's bar charts draw, so the bundle stays small.
echarts.use([GeoComponent, GridComponent, LegendComponent, TooltipComponent, BarChart, ScatterChart, EffectScatterChart, LinesChart, CustomChart, LabelLayout, CanvasRenderer]);

export const MAP_NAME = 'xiangshan';

/** The stacked top chart's map (features/map/mapSplit.ts). */
export const FRAME_MAP_NAME = 'xiangshan-frame';

/** The top chart's map: one tiny square in the county (the frame comes from the geo's bounding coordinates). */
export const FRAME_MAP = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: 'frame' }, geometry: { type: 'Polygon', coordinates: [[[121.9, 29.4], [121.901, 29.4], [121.901, 29.401], [121.9, 29.401], [121.9, 29.4]]] } }],
};

let registering: Promise<MapPlace[]> | null = null;

/** Registers the outlines (land, cities, districts, townships) with ECharts once; resolves to the places they name. */
export function registerMapOutlines(): Promise<MapPlace[]> {
  registering ??= loadMapOutlines().then(
    ({ geoJson, places }) => {
      echarts.registerMap(MAP_NAME, geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
      echarts.registerMap(FRAME_MAP_NAME, FRAME_MAP as unknown as Parameters<typeof echarts.registerMap>[1]);
      return places;
    },
    (error: unknown) => {
      registering = null;
      throw error;
    },
  );
  return registering;
}

export { echarts };

import { BarChart, EffectScatterChart, LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { loadTownships } from './townships';

// Only what the team map and the wall's bar charts draw, so the bundle stays small.
echarts.use([GeoComponent, GridComponent, LegendComponent, TooltipComponent, BarChart, ScatterChart, EffectScatterChart, LinesChart, LabelLayout, CanvasRenderer]);

export const MAP_NAME = 'xiangshan';

let registering: Promise<string[]> | null = null;

/** Registers the township outlines with ECharts once; resolves to their names (label text). */
export function registerTownships(): Promise<string[]> {
  registering ??= loadTownships().then(
    (geoJson) => {
      echarts.registerMap(MAP_NAME, geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
      return geoJson.features.map((f) => f.properties.name);
    },
    (error: unknown) => {
      registering = null;
      throw error;
    },
  );
  return registering;
}

export { echarts };

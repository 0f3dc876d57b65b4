import * as echarts from 'echarts';
import maplibregl from 'maplibre-gl';
import townships from '../../../shared/geo-data/xiangshan_townships_wgs84.json';
import { driveAtRate, movingPoints } from './moving-points';

/**
 * The map-engine comparison page (bench:wall engines): the same N moving points over the same outlines
 * at 1920×1080, drawn by ECharts' geo map (canvas 2D, today's wall) or MapLibre GL (WebGL).
 */
export interface EngineBenchPage {
  start(engine: 'echarts' | 'maplibre', count: number, rate: number): Promise<{ webgl: string | null }>;
}

/** Both engines take the points at the wall's cadence: one redraw per 300 ms at most. */
const UPDATE_GAP_MS = 300;
const BOUNDS: [[number, number], [number, number]] = [[121.55, 29.02], [122.1, 29.68]];

function mount(): HTMLDivElement {
  const el = document.createElement('div');
  el.style.cssText = 'position:absolute;inset:0;width:1920px;height:1080px';
  document.body.append(el);
  return el;
}

function startECharts(count: number, rate: number): void {
  const chart = echarts.init(mount(), 'dark', { renderer: 'canvas' });
  echarts.registerMap('xs', townships as unknown as Parameters<typeof echarts.registerMap>[1]);
  const points = movingPoints(count);
  const data = () => Array.from({ length: count }, (_, i) => ({ name: `队${i}`, value: [points.lon[i], points.lat[i]] }));
  chart.setOption({
    geo: { map: 'xs', roam: true, boundingCoords: [[BOUNDS[0][0], BOUNDS[1][1]], [BOUNDS[1][0], BOUNDS[0][1]]], itemStyle: { areaColor: '#0f2236', borderColor: '#2d5277' } },
    series: [{ id: 'p', type: 'scatter', coordinateSystem: 'geo', animation: false, symbolSize: 12, label: { show: true, position: 'right', formatter: '{b}' }, labelLayout: { hideOverlap: true }, data: data() }],
  });
  let last = 0;
  driveAtRate(rate, (due) => {
    points.move(due);
    const now = performance.now();
    if (now - last < UPDATE_GAP_MS) return;
    last = now;
    chart.setOption({ series: [{ id: 'p', data: data() }] });
  });
}

function startMapLibre(count: number, rate: number): Promise<{ webgl: string | null }> {
  const points = movingPoints(count);
  const collection = () => ({
    type: 'FeatureCollection' as const,
    features: Array.from({ length: count }, (_, i) => ({ type: 'Feature' as const, id: i, properties: {}, geometry: { type: 'Point' as const, coordinates: [points.lon[i]!, points.lat[i]!] } })),
  });
  const map = new maplibregl.Map({
    container: mount(),
    style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#06101d' } }] },
    bounds: BOUNDS,
    attributionControl: false,
  });
  return new Promise((resolve) => {
    map.on('load', () => {
      map.addSource('townships', { type: 'geojson', data: townships as unknown as maplibregl.GeoJSONSourceSpecification['data'] });
      map.addLayer({ id: 'area', type: 'fill', source: 'townships', paint: { 'fill-color': '#0f2236', 'fill-outline-color': '#2d5277' } });
      map.addSource('points', { type: 'geojson', data: collection() });
      map.addLayer({ id: 'points', type: 'circle', source: 'points', paint: { 'circle-radius': 6, 'circle-color': '#22c55e', 'circle-stroke-color': '#06101d', 'circle-stroke-width': 1.5 } });
      const source = map.getSource('points') as maplibregl.GeoJSONSource;
      let last = 0;
      driveAtRate(rate, (due) => {
        points.move(due);
        const now = performance.now();
        if (now - last < UPDATE_GAP_MS) return;
        last = now;
        source.setData(collection());
      });
      const gl = map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      resolve({ webgl: gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : gl ? 'webgl (renderer hidden)' : null });
    });
  });
}

const page: EngineBenchPage = {
  async start(engine, count, rate) {
    if (engine === 'echarts') {
      startECharts(count, rate);
      return { webgl: null };
    }
    return startMapLibre(count, rate);
  },
};
(window as unknown as { engineBench: EngineBenchPage }).engineBench = page;

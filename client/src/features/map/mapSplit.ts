import type { GeoComponentOption } from 'echarts/components';
import { FRAME_MAP_NAME } from './echarts';
import type { MapOption } from './mapOption';
import { MAP_ZLEVEL } from './markerEmphasis';

/**
 * The map is two ECharts instances stacked in one pane, with the same view, and the trails' canvas between
 * them (trailCanvas.ts). Beneath: what a position push never changes and nobody clicks (the outlines,
 * basemap tiles, the storm's lines and circles, the warning areas); its geo component rebuilds every outline polygon whenever
 * that chart updates, so it updates only for the scene and new tiles. On top, transparent and taking every
 * click, wheel and drag: the markers (teams, SOS, dispatches, incidents, shelters, depots, cameras, the
 * storm's centre), the desk's track and the place names (their labels give way to team labels), over a geo
 * component with the same frame but an empty map, so a push redraws only them.
 */
const BENEATH = (id: string) => id === 'basemap-tiles' || id === 'warning-areas' || (id.startsWith('typhoon-') && id !== 'typhoon-centres');

const seriesOf = (option: MapOption) => (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []);

/** The top chart's geo: the same frame, layout, projection and roaming, drawing nothing. */
function frameGeo(geo: GeoComponentOption): GeoComponentOption {
  return {
    ...geo,
    map: FRAME_MAP_NAME,
    regions: [],
    itemStyle: { areaColor: 'transparent', borderColor: 'transparent', borderWidth: 0 },
  };
}

/** Splits a map option (whole or partial) between the chart beneath and the one on top; null: nothing for that chart. */
export function splitMapOption(option: MapOption): { beneath: MapOption | null; top: MapOption | null } {
  const series = seriesOf(option);
  const low = series.filter((s) => typeof s.id === 'string' && BENEATH(s.id));
  const high = series.filter((s) => !(typeof s.id === 'string' && BENEATH(s.id)));
  const geo = option.geo as GeoComponentOption | undefined;
  const { series: _all, geo: _geo, tooltip, backgroundColor, ...rest } = option;
  const beneath: MapOption | null = geo || low.length ? { ...rest, ...(backgroundColor !== undefined ? { backgroundColor } : {}), ...(geo ? { geo } : {}), series: low } : null;
  const top: MapOption | null = geo || high.length ? { ...rest, ...(geo ? { backgroundColor: 'transparent', tooltip, geo: frameGeo(geo) } : {}), series: high } : null;
  return { beneath, top };
}

/**
 * Canvases of the top chart drawn each in a task of its own, after the rest: a canvas is rasterised at the end
 * of the task that drew it, and with thousands of units the bulk markers and the haloed labels together made
 * one task of a quarter of a second. In this order, each after the one before.
 */
const LATER_ZLEVELS: readonly number[] = [MAP_ZLEVEL.movingSecondHalf, MAP_ZLEVEL.teamLabels];

/** The top chart's option as the options to set one task after another: all but the later canvases first. */
export function drawSteps(top: MapOption): MapOption[] {
  const series = seriesOf(top);
  const later = (zlevel: unknown) => typeof zlevel === 'number' && LATER_ZLEVELS.includes(zlevel);
  const first: MapOption = { ...top, series: series.filter((s) => !later(s.zlevel)) };
  const rest = LATER_ZLEVELS.map((zlevel) => series.filter((s) => s.zlevel === zlevel)).filter((group) => group.length > 0);
  return [first, ...rest.map((group): MapOption => ({ series: group }))];
}

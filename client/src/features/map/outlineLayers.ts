import type { ScatterSeriesOption } from 'echarts/charts';
import type { GeoComponentOption } from 'echarts/components';
import type { WallLayout } from '@shared/schemas/wall';
import { latOfMercatorY, mercatorY, type TileBounds } from '@shared/tiles';
import { CHART_FONT_FAMILY } from './chartFonts';
import { MAP_NAME } from './echarts';
import { MAP_Z } from './markerEmphasis';
import { labelledKind, type MapPlace } from './region';

/** Web Mercator, as basemap tiles are drawn: one unit is a degree of longitude, north up. */
export const WEB_MERCATOR = {
  project: ([lon, lat]: number[]): number[] => [lon!, -mercatorY(lat!)],
  unproject: ([x, y]: number[]): number[] => [x!, latOfMercatorY(-y!)],
};

/** The name of the Natural Earth land feature in the registered map (scripts/build-regional-geo.ts). */
const LAND_REGION = 'land';

/** From the whole East China Sea (about 1/30 of the county's frame) down to a street (about 250×). */
export const MAP_SCALE_LIMIT = { min: 0.03, max: 256 };

/** The county's mainland and near islands: the map's default frame (the sea and the street by roaming). */
export const COUNTY_FRAME = { west: 121.55, north: 29.68, east: 122.1, south: 29.02 } as const;

/**
 * Where the map sits in its pane: centred, or right of the wall's storm panel (up to 36 % of the pane on
 * the left) when the frame holds a storm as well, so neither the county nor the storm is under the panel.
 */
const LAYOUT = {
  centred: { center: ['50%', '50%'], size: '96%' },
  besidePanel: { center: ['64%', '50%'], size: '96%' },
} as const;

export interface OutlineColours {
  area: string;
  land: string;
  border: string;
  region: string;
  township: string;
  halo: string;
}

export interface OutlineInput {
  layers: WallLayout['layers'];
  colours: OutlineColours;
  placeNames: readonly MapPlace[];
  /** Tiles are drawn under the outlines: areas go transparent, borders stay. */
  overTiles: boolean;
  fontSize: number;
  /** The area to fit in the pane (the county by default); `reset` drops a roam so a new frame shows at once. */
  frame?: { bounds: TileBounds; withStorm: boolean; reset: boolean };
}

export function geoComponent(input: OutlineInput): GeoComponentOption {
  const { layers, colours: c, overTiles } = input;
  const frame = input.frame?.bounds ?? COUNTY_FRAME;
  const layout = input.frame?.withStorm ? LAYOUT.besidePanel : LAYOUT.centred;
  const townships = layers.townships;
  const regionStyle = (kind: 'city' | 'district') => ({
    areaColor: 'transparent',
    borderColor: c.region,
    borderWidth: kind === 'city' ? 1.2 : 0.8,
    borderType: kind === 'city' ? ('solid' as const) : ('dashed' as const),
    opacity: 1,
  });
  return {
    // One id on both stacked charts, so a roam replayed from the top chart finds the geo beneath.
    id: 'map',
    map: MAP_NAME,
    roam: true,
    projection: WEB_MERCATOR,
    boundingCoords: [
      [frame.west, frame.north],
      [frame.east, frame.south],
    ],
    layoutCenter: [...layout.center],
    layoutSize: layout.size,
    ...(input.frame?.reset ? { center: null as unknown as number[], zoom: 1 } : {}),
    scaleLimit: MAP_SCALE_LIMIT,
    selectedMode: false,
    z: 1,
    itemStyle: {
      areaColor: townships && !overTiles ? c.area : 'transparent',
      borderColor: townships ? c.border : 'transparent',
      borderWidth: 1,
    },
    // Place names are the place-labels series (overlap hiding); the geo component's own labels would pile up.
    label: { show: false },
    emphasis: { disabled: true },
    tooltip: { show: false },
    regions: [
      { name: LAND_REGION, itemStyle: { areaColor: overTiles ? 'transparent' : c.land, borderColor: overTiles ? 'transparent' : c.border, borderWidth: 0.8 } },
      ...input.placeNames.filter((p) => p.kind !== 'township').map((p) => ({ name: p.name, itemStyle: regionStyle(p.kind as 'city' | 'district') })),
    ],
  };
}

/** Label priority under overlap follows the host symbol's size: teams' markers beat every place name. */
const PRIORITY_SIZE = { city: 4, district: 3, township: 2 } as const;

/** The place names for the current scale, as an invisible scatter whose labels take part in overlap hiding. */
export function placeLabelSeries(input: OutlineInput & { pixelsPerDegree: number | null }): ScatterSeriesOption {
  const kind = input.pixelsPerDegree === null ? 'township' : labelledKind(input.pixelsPerDegree);
  const shown = input.layers.labels && kind !== null && (kind !== 'township' || input.layers.townships);
  return {
    id: 'place-labels',
    type: 'scatter',
    coordinateSystem: 'geo',
    silent: true,
    animation: false,
    z: MAP_Z.placeLabels,
    itemStyle: { color: 'transparent' },
    label: {
      show: true,
      position: 'inside',
      formatter: '{b}',
      color: input.colours.township,
      fontSize: Math.round(input.fontSize * (kind === 'city' ? 0.95 : 0.85)),
      fontFamily: CHART_FONT_FAMILY,
      textBorderColor: input.colours.halo,
      textBorderWidth: 2,
    },
    labelLayout: { hideOverlap: true },
    tooltip: { show: false },
    data: shown ? input.placeNames.filter((p) => p.kind === kind).map((p) => ({ name: p.name, value: [p.lon, p.lat], symbolSize: PRIORITY_SIZE[p.kind] })) : [],
  };
}
